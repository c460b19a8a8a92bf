package io.archivesync.cli.oneshot;

import io.archivesync.avro.FileSyncRequest;
import io.archivesync.core.topic.RequestAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What one job will ask for: one request per object, each tagged with the job's id
 * ({@link RequestAttributes#JOB}), with the source's size and ETag from a listing, so that what is already mirrored
 * can be answered from the results without a storage request.
 *
 * @param jobId           this run's id
 * @param requests        the requests, in listing order
 * @param listingRequests storage requests spent listing the source
 */
record JobPlan(String jobId, List<FileSyncRequest> requests, long listingRequests) {

    static String newJobId() {
        return UUID.randomUUID().toString();
    }

    /** The request with the job's attribute added to whatever it carries. */
    static FileSyncRequest tagged(FileSyncRequest request, String jobId) {
        Map<String, String> attributes = new HashMap<>(request.getAttributes());
        attributes.put(RequestAttributes.JOB, jobId);
        return FileSyncRequest.newBuilder(request).setAttributes(attributes).build();
    }

    long bytes() {
        return requests.stream().mapToLong(r -> r.getExpectedSize() == null ? 0 : r.getExpectedSize()).sum();
    }
}
