package io.archivesync.sink.copy;

import io.archivesync.avro.FileSyncRequest;
import io.archivesync.core.config.SinkSettings;
import io.archivesync.core.s3.ETags;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * One streamed upload, run on a reader thread: read a part into a pooled buffer, hash it, send it, and keep at most
 * {@code partsInFlight} parts uploading while the next one is read. An object that fits in one part goes up in one
 * PutObject carrying its SHA-256, which the storage checks on receipt. A failure aborts the multipart upload, and
 * one a killed copier left for the same key is aborted before a new one starts ({@link AbandonedUploads}).
 * Objects larger than partSize × 10,000 (S3's part limit) cannot be streamed; raise {@code sink.streaming.partSize}.
 */
final class PartUpload {

    /** What was uploaded: parts is 0 for a single PutObject. */
    record Uploaded(long bytes, int parts, String sha256, String etag) {
    }

    private final S3Client s3;
    private final Executor uploaders;
    private final PartBuffers buffers;
    private final SinkSettings settings;
    private final FileSyncRequest request;
    private final SourceStream source;
    private final AtomicInteger requests;
    private final MessageDigest sha256 = Hex.sha256();

    /**
     * @param s3        the destination's blocking client (this runs on blocking threads)
     * @param uploaders the threads parts are sent on, so reading the next part overlaps sending this one
     * @param buffers   the copier's pool of part buffers
     */
    PartUpload(S3Client s3, Executor uploaders, PartBuffers buffers, SinkSettings settings, FileSyncRequest request,
               SourceStream source, AtomicInteger requests) {
        this.s3 = s3;
        this.uploaders = uploaders;
        this.buffers = buffers;
        this.settings = settings;
        this.request = request;
        this.source = source;
        this.requests = requests;
    }

    Uploaded run() {
        byte[] first = null;
        try (InputStream in = source.body()) {
            first = buffers.take();
            int n = read(in, first);
            checkArchiveContent(first, n);
            if (n < first.length) {
                return putSingle(first, n);
            }
            byte[] taken = first;
            first = null;
            return multipart(in, taken);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while streaming " + request.getSource().getUri(), e);
        } finally {
            if (first != null) {
                buffers.give(first);
            }
        }
    }

    private Uploaded putSingle(byte[] bytes, int n) {
        String hex = Hex.hex(sha256.digest());
        requests.incrementAndGet();
        String etag = s3.putObject(b -> b.bucket(bucket()).key(key())
                        .contentType(contentType())
                        .metadata(MultipartServerSideCopy.withSourceEtag(metadata(), sourceEtag()))
                        .storageClass(settings.storageClass())
                        .checksumSHA256(Hex.hexToBase64(hex)),
                body(bytes, n)).eTag();
        return new Uploaded(n, 0, hex, ETags.unquote(etag));
    }

    private Uploaded multipart(InputStream in, byte[] first) throws IOException, InterruptedException {
        AbandonedUploads.abort(s3, bucket(), key(), requests);
        requests.incrementAndGet();
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket()).key(key())
                .contentType(contentType()).storageClass(settings.storageClass())
                .metadata(MultipartServerSideCopy.withSourceEtag(metadata(), sourceEtag()))).uploadId();
        AbandonedUploads.running(uploadId);
        Semaphore inFlight = new Semaphore(settings.streaming().partsInFlight());
        List<CompletableFuture<CompletedPart>> parts = new ArrayList<>();
        long bytes = 0;
        byte[] part = first;
        try {
            int n = first.length;
            while (n > 0) {
                bytes += n;
                int number = parts.size() + 1;
                inFlight.acquire();
                failFast(parts);
                requests.incrementAndGet();
                byte[] current = part;
                int length = n;
                part = null;
                parts.add(CompletableFuture.supplyAsync(() -> s3.uploadPart(b -> b.bucket(bucket()).key(key())
                                .uploadId(uploadId).partNumber(number).contentLength((long) length),
                                body(current, length)).eTag(), uploaders)
                        .whenComplete((r, e) -> {
                            buffers.give(current);
                            inFlight.release();
                        })
                        .thenApply(etag -> CompletedPart.builder().partNumber(number).eTag(etag).build()));
                if (length < current.length) {
                    break;
                }
                part = buffers.take();
                n = read(in, part);
            }
            List<CompletedPart> done = parts.stream().map(CompletableFuture::join).toList();
            requests.incrementAndGet();
            String etag = s3.completeMultipartUpload(b -> b.bucket(bucket()).key(key()).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(done))).eTag();
            return new Uploaded(bytes, done.size(), Hex.hex(sha256.digest()), ETags.unquote(etag));
        } catch (RuntimeException | IOException | InterruptedException e) {
            parts.forEach(p -> p.cancel(false));
            abort(uploadId);
            throw e;
        } finally {
            AbandonedUploads.finished(uploadId);
            if (part != null) {
                buffers.give(part);
            }
        }
    }

    private void abort(String uploadId) {
        requests.incrementAndGet();
        try {
            s3.abortMultipartUpload(b -> b.bucket(bucket()).key(key()).uploadId(uploadId));
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(PartUpload.class).error(
                    "could not abort multipart upload bucket={} key={} uploadId={} error={}", bucket(), key(),
                    uploadId, e.toString());
        }
    }

    /** Fills the buffer, short only at the end of the stream, and hashes what was read. */
    private int read(InputStream in, byte[] buffer) throws IOException {
        int n = in.readNBytes(buffer, 0, buffer.length);
        sha256.update(buffer, 0, n);
        return n;
    }

    private static RequestBody body(byte[] bytes, int n) {
        return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(bytes, 0, n), n,
                "application/octet-stream");
    }

    /**
     * A CDN can answer 200 with an error page instead of the file (Binance's did, with an S3 AccessDenied XML): a
     * {@code .zip} that does not start like a zip is refused before anything is written.
     */
    private void checkArchiveContent(byte[] first, int n) {
        String uri = request.getSource().getUri();
        if (uri.endsWith(".zip") && n > 0 && (n < 2 || first[0] != 'P' || first[1] != 'K')) {
            throw new IllegalStateException("source " + uri + " is not a zip (starts with '"
                    + new String(first, 0, Math.min(n, 40), StandardCharsets.ISO_8859_1) + "'); refusing to mirror it");
        }
    }

    private static void failFast(List<CompletableFuture<CompletedPart>> parts) {
        for (CompletableFuture<CompletedPart> p : parts) {
            if (p.isCompletedExceptionally()) {
                p.join();
            }
        }
    }

    private String bucket() {
        return request.getDestination().getBucket();
    }

    private String key() {
        return request.getDestination().getKey();
    }

    private String contentType() {
        SinkSettings.Metadata chosen = ObjectMetadata.chosen(settings.metadata(), request);
        return chosen.replace() ? chosen.contentType() : source.contentType();
    }

    private Map<String, String> metadata() {
        SinkSettings.Metadata chosen = ObjectMetadata.chosen(settings.metadata(), request);
        return chosen.replace() ? chosen.userMetadata() : source.metadata();
    }

    private String sourceEtag() {
        return source.etag() != null ? source.etag() : ETags.unquote(request.getExpectedEtag());
    }
}
