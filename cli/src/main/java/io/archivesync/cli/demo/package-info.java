/** The one-command demo: embedded servers, a generated archive, the whole pipeline, a summary. */
package io.archivesync.cli.demo;
