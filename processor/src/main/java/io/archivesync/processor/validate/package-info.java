/** Validation of incoming requests, and the dead-letter path for those that fail it. */
package io.archivesync.processor.validate;
