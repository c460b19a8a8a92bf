package io.archivesync.storage.gcs;

import com.google.api.gax.paging.Page;
import com.google.cloud.storage.Blob;
import io.archivesync.storage.BlobInfo;
import io.archivesync.storage.BlobPage;
import io.archivesync.storage.BlobRef;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * A listing, one GCS page at a time: each page is asked for by the {@link #hasNext} after the previous one was taken,
 * so memory holds one page.
 */
final class GcsPages implements Iterator<BlobPage> {

    private final Supplier<Page<Blob>> first;
    private final String what;
    private Page<Blob> taken;
    private Page<Blob> next;
    private boolean started;

    GcsPages(Supplier<Page<Blob>> first, String what) {
        this.first = first;
        this.what = what;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !started) {
            started = true;
            next = fetch(first);
        } else if (next == null && taken != null && taken.hasNextPage()) {
            next = fetch(taken::getNextPage);
            taken = null;
        }
        return next != null;
    }

    @Override
    public BlobPage next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more pages of " + what);
        }
        Page<Blob> page = next;
        next = null;
        taken = page;
        List<BlobInfo> objects = new ArrayList<>();
        List<BlobRef> prefixes = new ArrayList<>();
        for (Blob blob : page.getValues()) {
            if (blob.isDirectory()) {
                prefixes.add(new BlobRef(GcsObjects.SCHEME, blob.getBucket(), blob.getName()));
            } else {
                objects.add(GcsObjects.fromClient(blob));
            }
        }
        return new BlobPage(objects, prefixes);
    }

    private Page<Blob> fetch(Supplier<Page<Blob>> page) {
        try {
            return page.get();
        } catch (RuntimeException e) {
            throw GcsErrors.from(e, what);
        }
    }
}
