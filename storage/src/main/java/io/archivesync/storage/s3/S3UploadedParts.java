package io.archivesync.storage.s3;

import io.archivesync.storage.BlobRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * What an unfinished multipart upload holds, by ListParts, for resuming it: the run of parts numbered from 1 without a
 * gap (a part after a gap is uploaded again under its number, which replaces it), with their ETags for
 * CompleteMultipartUpload and the bytes they hold. S3 stores a part whole or not at all, so a crash during UploadPart
 * leaves no torn part.
 *
 * @param parts    the parts to complete with, numbered 1 to n
 * @param bytes    their total size
 * @param requests the ListParts requests it took (one per page of up to 1,000 parts)
 */
record S3UploadedParts(List<CompletedPart> parts, long bytes, int requests) {

    private static final Logger LOGGER = LoggerFactory.getLogger(S3UploadedParts.class);

    S3UploadedParts {
        parts = List.copyOf(parts);
    }

    /**
     * The parts of upload {@code uploadId} of {@code ref}; empty when S3 no longer knows the upload (completed,
     * aborted, or expired by a lifecycle rule).
     */
    static Optional<S3UploadedParts> list(S3Client s3, BlobRef ref, String uploadId) {
        List<Part> listed = new ArrayList<>();
        int pages = 0;
        try {
            for (ListPartsResponse page : s3.listPartsPaginator(b -> b.bucket(ref.container()).key(ref.key())
                    .uploadId(uploadId))) {
                pages++;
                listed.addAll(page.parts());
            }
        } catch (NoSuchUploadException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw S3Errors.classify(e, "ListParts of upload " + uploadId + " of " + ref);
        } catch (RuntimeException e) {
            throw S3Errors.classify(e, "ListParts of upload " + uploadId + " of " + ref);
        }
        listed.sort(Comparator.comparing(Part::partNumber));
        List<CompletedPart> kept = new ArrayList<>();
        long bytes = 0;
        for (Part part : listed) {
            if (part.partNumber() != kept.size() + 1) {
                LOGGER.warn("upload has a gap before part={}; resuming after part={} ref={} uploadId={}",
                        part.partNumber(), kept.size(), ref, uploadId);
                break;
            }
            kept.add(CompletedPart.builder().partNumber(part.partNumber()).eTag(part.eTag()).build());
            bytes += part.size() == null ? 0 : part.size();
        }
        return Optional.of(new S3UploadedParts(kept, bytes, pages));
    }
}
