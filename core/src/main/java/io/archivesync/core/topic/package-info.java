/** The topics of the pipeline, each declared once with its serdes, and their creation at start-up. */
package io.archivesync.core.topic;
