/**
 * Locations as users and requests write them ({@code s3://}, {@code gs://}, {@code az://}, {@code file://},
 * {@code https://} URLs, and {@code NAME:container/key} for named remotes), and the one place they become a store
 * and a {@link io.archivesync.storage.BlobRef} ({@link io.archivesync.storage.location.Locations}).
 */
package io.archivesync.storage.location;
