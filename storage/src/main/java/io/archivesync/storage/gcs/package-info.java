/**
 * The Google Cloud Storage provider of {@link io.archivesync.storage.BlobStore} ({@code gs://bucket/key}), on the
 * {@code google-cloud-storage} client: {@link io.archivesync.storage.gcs.GcsBlobStore}, built from
 * {@link io.archivesync.storage.gcs.GcsSettings}.
 *
 * <p>Reads, listings, deletes and rewrites go through the client's public API. Writes do not: the client's
 * {@code WriteChannel} (and every {@code BlobWriteSession}) finalizes the object when closed and exposes neither the
 * resumable session's URL nor a way to cancel it, so a write given up would either publish a truncated object or
 * leave its session open for a week. {@link io.archivesync.storage.gcs.ResumableSession} speaks the documented
 * resumable-upload protocol itself, over the client's own HTTP transport and credentials: the session URL is the
 * write's id, and an abort cancels it with a DELETE.
 */
package io.archivesync.storage.gcs;
