/** A self-contained example of an outside publisher of the public request contract (see docs/sync-requests.md). */
package io.archivesync.producer.example;
