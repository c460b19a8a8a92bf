/** Logging of the launcher: what makes every log line safe to read. */
package io.archivesync.cli.log;
