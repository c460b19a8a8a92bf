package io.archivesync.storage.s3;

import io.archivesync.avro.ErrorKind;
import io.archivesync.storage.BlobInfo;
import io.archivesync.storage.BlobPage;
import io.archivesync.storage.BlobRef;
import io.archivesync.storage.StorageException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;

/**
 * A ListObjectsV2 listing, one page per {@link #next}: a page is asked for only when the caller wants it, so memory
 * stays one page however many objects there are. A failed page throws a classified
 * {@link io.archivesync.storage.StorageException} from {@link #hasNext}, and so does a page that says it is truncated
 * but gives no continuation token (TRANSIENT): a listing cut short never passes for a whole one.
 */
final class S3Listing implements Iterator<BlobPage> {

    private final S3Client s3;
    private final BlobRef prefix;
    private final String delimiter;
    private final int pageSize;
    private String continuation;
    private boolean done;
    private BlobPage fetched;

    S3Listing(S3Client s3, BlobRef prefix, String delimiter, int pageSize) {
        this.s3 = s3;
        this.prefix = prefix;
        this.delimiter = delimiter;
        this.pageSize = pageSize;
    }

    @Override
    public boolean hasNext() {
        if (fetched == null && !done) {
            fetched = fetch();
        }
        return fetched != null;
    }

    @Override
    public BlobPage next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more pages under " + prefix);
        }
        BlobPage page = fetched;
        fetched = null;
        return page;
    }

    private BlobPage fetch() {
        ListObjectsV2Response r;
        try {
            r = s3.listObjectsV2(b -> b.bucket(prefix.container()).prefix(prefix.key().isEmpty() ? null : prefix.key())
                    .delimiter(delimiter).maxKeys(pageSize).continuationToken(continuation));
        } catch (RuntimeException e) {
            done = true;
            throw S3Errors.classify(e, "ListObjectsV2 " + prefix);
        }
        continuation = r.nextContinuationToken();
        done = !Boolean.TRUE.equals(r.isTruncated());
        if (!done && continuation == null) {
            // a listing cut short must not pass for a whole one: a sync or a mirror would take the rest for deleted
            done = true;
            throw new StorageException(ErrorKind.TRANSIENT, "TruncatedListing", -1, "ListObjectsV2 " + prefix
                    + " said it was truncated and gave no continuation token", null);
        }
        List<BlobInfo> objects = r.contents().stream().map(o -> S3Objects.fromListed(prefix, o)).toList();
        List<BlobRef> prefixes = r.commonPrefixes().stream().map(p -> prefix.withKey(p.prefix())).toList();
        return new BlobPage(objects, prefixes);
    }
}
