/** The command-line launcher: parses options, loads the configuration once, starts one service. */
package io.archivesync.cli;
