/**
 * Real servers on loopback: a KRaft Kafka broker and S3Proxy inside the JVM, for the demo and for tests.
 *
 * <p>Why real servers rather than mocks: a stub that answers "OK" proves nothing about signatures, copy
 * semantics, transactions or the Confluent wire API. Every server here binds 127.0.0.1 on an ephemeral port (the
 * machines are shared, fixed ports collide), and every one shuts down completely on {@code close()}, leaving no
 * process, thread pool or temporary directory behind.
 *
 * <p>The package is split over two modules, so that test support never reaches the launcher jar:
 * <ul>
 *   <li>{@code embedded} (in the jar, because the demo uses it): {@link io.archivesync.embedded.EmbeddedKafka},
 *       {@link io.archivesync.embedded.EmbeddedS3} and the sample archive in {@code archive};</li>
 *   <li>{@code test-support} (test scope only): {@code EmbeddedSqs} (ElasticMQ), {@code ApicurioRegistry} (a child
 *       process), {@code EmbeddedAzurite} (the Azure Blob emulator, a node child process), {@code Stack}, which
 *       starts them lazily once per JVM or points at an external stack named by environment variables, and {@code StackExtension}, which injects that stack into JUnit 5 tests.</li>
 * </ul>
 */
package io.archivesync.embedded;
