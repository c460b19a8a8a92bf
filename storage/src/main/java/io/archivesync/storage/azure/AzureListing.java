package io.archivesync.storage.azure;

import com.azure.core.http.rest.PagedResponse;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobListDetails;
import com.azure.storage.blob.models.ListBlobsOptions;
import io.archivesync.storage.BlobInfo;
import io.archivesync.storage.BlobPage;
import io.archivesync.storage.BlobRef;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * A listing, one List Blobs page (up to 5,000 blobs) per {@link #next}, fetched only when asked for: flat, or by
 * hierarchy with a delimiter (sub-prefixes come back as prefixes, not objects). Metadata is asked for, so each
 * object's {@link BlobInfo} is whole without a head per blob.
 */
final class AzureListing implements Iterator<BlobPage> {

    private final BlobRef prefix;
    private final Iterator<PagedResponse<BlobItem>> pages;

    AzureListing(BlobContainerClient container, BlobRef prefix, String delimiter) {
        this.prefix = prefix;
        ListBlobsOptions options = new ListBlobsOptions()
                .setPrefix(prefix.key().isEmpty() ? null : prefix.key())
                .setDetails(new BlobListDetails().setRetrieveMetadata(true));
        try {
            this.pages = (delimiter == null ? container.listBlobs(options, null)
                    : container.listBlobsByHierarchy(delimiter, options, null)).iterableByPage().iterator();
        } catch (RuntimeException e) {
            throw AzureErrors.classify(e, "list " + prefix);
        }
    }

    @Override
    public boolean hasNext() {
        try {
            return pages.hasNext();
        } catch (RuntimeException e) {
            throw AzureErrors.classify(e, "list " + prefix);
        }
    }

    @Override
    public BlobPage next() {
        PagedResponse<BlobItem> page;
        try {
            page = pages.next();
        } catch (RuntimeException e) {
            throw AzureErrors.classify(e, "list " + prefix);
        }
        List<BlobInfo> objects = new ArrayList<>();
        List<BlobRef> prefixes = new ArrayList<>();
        for (BlobItem item : page.getValue()) {
            BlobRef ref = prefix.withKey(item.getName());
            if (Boolean.TRUE.equals(item.isPrefix())) {
                prefixes.add(ref);
            } else {
                objects.add(AzureBlobs.info(ref, item));
            }
        }
        return new BlobPage(objects, prefixes);
    }
}
