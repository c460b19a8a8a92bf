/**
 * One small interface to every place objects live, as S3Proxy's {@code BlobStore} is: {@link BlobStore}, with one
 * implementation per provider in the sub-packages (S3, Google Cloud Storage, Azure Blob, local files, HTTP(S) read only)
 * and locations written as URLs ({@link BlobRef}). Failures are {@link StorageException}s carrying an
 * {@link io.archivesync.avro.ErrorKind}, classified the same way for every provider, so retries, the adaptive limit and
 * the fallback behave alike everywhere.
 */
package io.archivesync.storage;
