/**
 * Publishing requests from outside the enumerator (the {@code publish} command): a JSON line format for the
 * public request contract and a publisher that keys and serialises requests as the contract says.
 */
package io.archivesync.producer.publish;
