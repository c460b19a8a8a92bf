/** Making untrusted text safe to log. */
package io.archivesync.core.log;
