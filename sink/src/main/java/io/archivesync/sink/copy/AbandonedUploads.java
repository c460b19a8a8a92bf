package io.archivesync.sink.copy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

/**
 * Multipart uploads that a killed copier (kill -9, out of memory, a lost node) started and never completed or aborted:
 * S3 keeps, and bills, their parts for good. Before a copy starts a multipart upload of a key, it aborts the uploads of
 * exactly that key that this process is not running ({@link #running}), one ListMultipartUploads (prefix = the key)
 * and one abort each.
 *
 * <p>Why any upload of the key and not only old ones: the key is the record key, so one copier at a time owns it; the
 * copy that follows a crash is the retry of the crashed one, seconds later (the group's session timeout), well inside
 * any age limit. An upload of the key that is not this process's is the dead copier's, or a fenced zombie's whose
 * result will be discarded anyway. Not marked by metadata: ListMultipartUploads does not return it. The backstop for
 * keys never copied again is a lifecycle rule (AbortIncompleteMultipartUpload), see docs/copy-modes.md.
 */
final class AbandonedUploads {

    private static final Logger LOGGER = LoggerFactory.getLogger(AbandonedUploads.class);
    /** Upload ids this process has started and not yet completed or aborted: never abandoned. */
    private static final Set<String> RUNNING = ConcurrentHashMap.newKeySet();

    private AbandonedUploads() {
    }

    /** Marks an upload this process started as live, until {@link #finished}. */
    static void running(String uploadId) {
        RUNNING.add(uploadId);
    }

    static void finished(String uploadId) {
        RUNNING.remove(uploadId);
    }

    /** Aborts the key's abandoned uploads on the calling (blocking) thread; a failure here never fails the copy. */
    static void abort(S3Client s3, String bucket, String key, AtomicInteger requests) {
        try {
            requests.incrementAndGet();
            ListMultipartUploadsResponse listed = s3.listMultipartUploads(b -> b.bucket(bucket).prefix(key));
            for (MultipartUpload upload : abandoned(listed, key)) {
                requests.incrementAndGet();
                s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(upload.uploadId()));
                aborted(bucket, upload);
            }
        } catch (RuntimeException e) {
            notCleaned(bucket, key, e);
        }
    }

    /** As {@link #abort(S3Client, String, String, AtomicInteger)}, with the async client; never fails. */
    static CompletableFuture<Void> abort(S3AsyncClient s3, String bucket, String key, AtomicInteger requests) {
        requests.incrementAndGet();
        return s3.listMultipartUploads(b -> b.bucket(bucket).prefix(key))
                .thenCompose(listed -> CompletableFuture.allOf(abandoned(listed, key).stream().map(upload -> {
                    requests.incrementAndGet();
                    return s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(upload.uploadId()))
                            .thenRun(() -> aborted(bucket, upload));
                }).toArray(CompletableFuture[]::new)))
                .exceptionally(e -> {
                    notCleaned(bucket, key, e);
                    return null;
                });
    }

    private static List<MultipartUpload> abandoned(ListMultipartUploadsResponse listed, String key) {
        return listed.uploads().stream()
                .filter(u -> key.equals(u.key()) && !RUNNING.contains(u.uploadId()))
                .toList();
    }

    private static void aborted(String bucket, MultipartUpload upload) {
        LOGGER.warn("abandoned multipart upload aborted bucket={} key={} uploadId={} initiated={}", bucket,
                upload.key(), upload.uploadId(), upload.initiated());
    }

    private static void notCleaned(String bucket, String key, Throwable e) {
        LOGGER.warn("could not look for abandoned multipart uploads bucket={} key={} error={}", bucket, key,
                e.toString());
    }
}
