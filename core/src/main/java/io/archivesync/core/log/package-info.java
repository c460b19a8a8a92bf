/** Making untrusted text (object keys, URIs, reasons quoting them) safe to write into logs and headers. */
package io.archivesync.core.log;
