/**
 * The naming rules of S3, kept apart from the clients so that configuration (which the clients depend on) and the
 * processor's request validator can both apply them without a package cycle.
 */
package io.archivesync.core.s3.naming;
