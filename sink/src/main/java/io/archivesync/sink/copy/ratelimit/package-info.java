/**
 * The copier's rate limits, as rclone's {@code --tpslimit} and {@code --bwlimit}: storage requests per second, counted
 * where each request is made (a wrapper around every storage client the copier holds, which waits for its permit
 * asynchronously on the async clients and on its own thread on the blocking ones), and bytes per second read by the
 * streaming copier. See docs/copy-modes.md, "Rate limits".
 */
package io.archivesync.sink.copy.ratelimit;
