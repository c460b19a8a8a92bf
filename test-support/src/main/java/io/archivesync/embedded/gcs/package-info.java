/**
 * A Google Cloud Storage fixture for tests: a small server of the GCS JSON API inside the JVM, which the real
 * {@code google-cloud-storage} client is pointed at ({@link io.archivesync.embedded.gcs.GcsFixture}).
 *
 * <p>Why our own: no GCS server can be had on the build machines (the Firebase emulator needs Java 21 and a
 * download, and answers 501 to rewrite), and Elasticsearch and OpenSearch test their GCS repositories the same way.
 * It covers what a mirror needs: buckets; objects inserted by media, multipart and resumable uploads; metadata and
 * ranged media reads; listing with prefix, delimiter and paging; delete; rewrite in several calls. Generations,
 * MD5 and CRC32C are kept per object, and the generation preconditions answer 412 as GCS does. The rest of the API
 * answers 501, so a test that needs more fails loudly instead of passing against a wrong answer.
 *
 * <p>Layout: {@code GcsFixture} starts the JDK HTTP server; {@code GcsRouter} sends each request to the handler of
 * its operation; {@code GcsStore} holds buckets and objects in memory and is the only place that changes them.
 */
package io.archivesync.embedded.gcs;
