/**
 * The {@link io.archivesync.storage.BlobStore} of S3 and S3-compatible servers ({@link
 * io.archivesync.storage.s3.S3BlobStore}), on the AWS SDK v2: the async client for metadata calls and server-side
 * copies, the blocking client for content streams. {@link io.archivesync.storage.s3.S3Errors} is the one place S3's
 * error codes become an {@link io.archivesync.avro.ErrorKind}.
 */
package io.archivesync.storage.s3;
