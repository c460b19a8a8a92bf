package io.archivesync.storage;

/**
 * What must hold for a write or delete to happen, in the store's own versions ({@link BlobInfo#version}): S3 and Azure
 * If-Match / If-None-Match on the ETag, GCS ifGenerationMatch (0 = must not exist), files a size and modification time
 * checked just before the rename. A change after the decision is then refused ({@code PRECONDITION}), never overwritten.
 *
 * @param ifVersion  the object must have this version, or null
 * @param absent     the object must not exist
 */
public record Precondition(String ifVersion, boolean absent) {

    public static final Precondition NONE = new Precondition(null, false);

    public static Precondition ifVersion(String version) {
        return new Precondition(version, false);
    }

    public static Precondition mustBeAbsent() {
        return new Precondition(null, true);
    }

    public Precondition {
        if (ifVersion != null && absent) {
            throw new IllegalArgumentException("a precondition is either a version or absence, not both");
        }
    }
}
