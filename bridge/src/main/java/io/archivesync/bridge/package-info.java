/**
 * The SQS bridge: S3 event notifications from an SQS queue become file-to-sync requests on the requests topic, each
 * message deleted only once Kafka has acknowledged its requests.
 */
package io.archivesync.bridge;
