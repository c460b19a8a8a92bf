/** S3 event notifications as they arrive on an SQS queue: the parsed model and the parser. */
package io.archivesync.bridge.event;
