/** Operation modes: how a request's mode is read and which copy route it allows, decided in one place. */
package io.archivesync.core.mode;
