package io.archivesync.storage;

/**
 * What a store can do.
 *
 * @param serverSideCopy     copies between two objects of this store without bytes through us
 * @param copyFromUrl        copies from a URL its service fetches itself (Azure's Put Block From URL)
 * @param presignedReadUrl   can give a time-limited URL others read an object from
 * @param writable           accepts writes (HTTP(S) sources do not)
 * @param listable           can list by prefix
 * @param maxSinglePartBytes the largest object one request can write; larger ones go in parts
 */
public record Capabilities(boolean serverSideCopy, boolean copyFromUrl, boolean presignedReadUrl, boolean writable,
                           boolean listable, long maxSinglePartBytes) {
}
