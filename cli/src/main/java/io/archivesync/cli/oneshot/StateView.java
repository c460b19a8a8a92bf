package io.archivesync.cli.oneshot;

import io.archivesync.avro.CopyResult;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.schemas.key.RecordKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the requests and results topics say about the selected objects. Requests are read first: a job's results are
 * told apart by their request ids, since results do not carry the job. Both topics are keyed by destination, so one
 * object's records come in the order they were written.
 */
final class StateView {

    private final Selection selection;
    private final Map<String, FileSyncRequest> requestsById = new HashMap<>();
    private final Map<String, FileSyncRequest> latestRequest = new LinkedHashMap<>();
    private final Map<String, CopyResult> latestResult = new LinkedHashMap<>();
    private final Map<String, Instant> lastCompleted = new HashMap<>();
    private final Set<String> answered = new HashSet<>();
    private final List<CopyResult> results = new ArrayList<>();
    private long deadLettered;

    StateView(Selection selection) {
        this.selection = selection;
    }

    /** One request from the requests topic, kept when it is selected. */
    void request(FileSyncRequest request) {
        String key = RecordKey.of(request);
        if (selection.matches(request, key)) {
            requestsById.put(request.getRequestId(), request);
            latestRequest.put(key, request);
        }
    }

    /** One result from the results topic, kept when it is selected: by its request's job, or by destination. */
    void result(CopyResult result) {
        String key = RecordKey.of(result);
        if (latestRequest.containsKey(key)) {
            answered.add(result.getRequestId());
            lastCompleted.merge(key, result.getCompletedAt(), (a, b) -> a.isAfter(b) ? a : b);
        }
        boolean selected = selection.byJob() ? requestsById.containsKey(result.getRequestId())
                : selection.matches(key);
        if (selected) {
            results.add(result);
            latestResult.remove(key); // keeps the map in the order of each object's latest result
            latestResult.put(key, result);
        }
    }

    /**
     * A request the processor dead-lettered (the dead-letter topic keeps its original bytes): it will never get a
     * result, so it is no longer in flight.
     */
    void deadLettered(FileSyncRequest request) {
        if (request != null && requestsById.containsKey(request.getRequestId())) {
            answered.add(request.getRequestId());
            deadLettered++;
        }
    }

    /** How many selected requests the processor dead-lettered. */
    long deadLettered() {
        return deadLettered;
    }

    /** Every selected result, in the order they were written (per object). */
    List<CopyResult> results() {
        return List.copyOf(results);
    }

    /** The latest selected result of each object, the least recently ended first. */
    List<CopyResult> latest() {
        return List.copyOf(latestResult.values());
    }

    Optional<FileSyncRequest> request(String requestId) {
        return Optional.ofNullable(requestsById.get(requestId));
    }

    /**
     * Objects whose latest selected request has no result yet: no result carries its id, and none for its
     * destination ended after it was requested (a repeat that dedup dropped is answered by the earlier request's
     * result). A request the processor dead-lettered is not in flight ({@link #deadLettered}).
     */
    long inFlight() {
        return latestRequest.entrySet().stream().filter(e -> !answered.contains(e.getValue().getRequestId()))
                .filter(e -> {
                    Instant completed = lastCompleted.get(e.getKey());
                    return completed == null || completed.isBefore(e.getValue().getRequestedAt());
                })
                .count();
    }

    long requested() {
        return latestRequest.size();
    }
}
