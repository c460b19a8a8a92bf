package io.archivesync.storage;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param objects  the objects on this page
 * @param prefixes the sub-prefixes on this page, when listed with a delimiter
 */
public record BlobPage(List<BlobInfo> objects, List<BlobRef> prefixes) {

    public BlobPage {
        objects = List.copyOf(objects);
        prefixes = List.copyOf(prefixes);
    }
}
