package io.archivesync.sync;

import io.archivesync.storage.BlobInfo;
import io.archivesync.storage.Checksums;
import java.time.Instant;

/**
 * What is known of a path on one side: enough to tell, next run, whether it changed (the store's version: ETag,
 * generation, or a file's size, mtime and inode) without reading it, and what its content is when that is known.
 *
 * @param size     bytes
 * @param version  the store's version ({@link BlobInfo#version}); compared only with versions of the same side
 * @param modified the modification time it stands for, to the second, or null
 * @param content  checksums of its content known so far (the store's, or computed when it was hashed or copied)
 */
public record PathState(long size, String version, Instant modified, Checksums content) {

    public PathState {
        content = content == null ? Checksums.NONE : content;
    }

    /** From a listing or a HEAD; an S3 or Azure ETag that is an MD5 is taken as such ({@link Evidence}). */
    public static PathState of(BlobInfo info) {
        return new PathState(info.size(), info.version(), info.modified(), Evidence.of(info));
    }

    public PathState withContent(Checksums known) {
        return new PathState(size, version, modified, Evidence.merge(content, known));
    }
}
