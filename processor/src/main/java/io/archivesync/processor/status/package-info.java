/** The processor's status HTTP endpoint, answering from the named stores across instances. */
package io.archivesync.processor.status;
