/**
 * Real servers for integration tests and the demo: a KRaft Kafka broker, S3Proxy and ElasticMQ inside the JVM,
 * and the Apicurio schema registry as a child process.
 *
 * <p>Why real servers rather than mocks: a stub that answers "OK" proves nothing about signatures, copy
 * semantics, transactions or the Confluent wire API. Every server here binds 127.0.0.1 on an ephemeral port (the
 * machines are shared, fixed ports collide), and every one shuts down completely on {@code close()}, leaving no
 * process, thread pool or temporary directory behind.
 *
 * <p>Entry points: {@link io.archivesync.embedded.EmbeddedKafka}, {@link io.archivesync.embedded.EmbeddedS3},
 * {@link io.archivesync.embedded.EmbeddedSqs}, {@link io.archivesync.embedded.ApicurioRegistry} each start one
 * server; {@link io.archivesync.embedded.Stack} starts them lazily once per JVM (or points at an external stack
 * named by environment variables); {@link io.archivesync.embedded.StackExtension} injects that stack into JUnit 5
 * tests.
 */
package io.archivesync.embedded;
