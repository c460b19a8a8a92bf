/**
 * HTTP(S) servers as a read-only {@link io.archivesync.storage.BlobStore}: {@code https://host[:port]/path?query}
 * locations, read with HEAD and ranged GET requests. Nothing here decides which hosts may be read: requests go
 * through an {@link io.archivesync.storage.http.HttpOpener}, so the copier can plug in its address-checked client
 * (the sink's {@code SourcePolicy}, which resolves and checks every address it connects to); redirects are followed
 * here, at most five, each hop through the opener again and logged, so a policy in the opener sees every target.
 */
package io.archivesync.storage.http;
