/** Object-storage locations and the one place S3 clients are built. */
package io.archivesync.core.s3;
