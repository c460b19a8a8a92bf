package io.archivesync.benchmarks;

import io.archivesync.avro.Destination;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.avro.RequestOrigin;
import io.archivesync.avro.SourceLocation;
import java.time.Instant;
import java.util.Map;
import java.util.Random;

/**
 * The topology benchmark's input: requests for distinct objects, with a share of exact repeats of earlier ones
 * (same destination and ETag, new request id), generated on the fly so the workload itself holds no memory.
 */
final class RequestWorkload {

    private final int total;
    private final double duplicateShare;
    private final Random random = new Random(42);
    private int produced;
    private int unique;

    RequestWorkload(int total, double duplicateShare) {
        this.total = total;
        this.duplicateShare = duplicateShare;
    }

    boolean hasNext() {
        return produced < total;
    }

    /** The next request; {@code requestedAt} is now, which the latency measurement reads back. */
    FileSyncRequest next() {
        produced++;
        int object = unique > 0 && random.nextDouble() < duplicateShare ? random.nextInt(unique) : unique++;
        String key = "data/spot/daily/trades/SYM" + (object % 2000) + "/SYM" + (object % 2000) + "-trades-"
                + object + ".zip";
        return FileSyncRequest.newBuilder()
                .setRequestId("r" + produced)
                .setSource(SourceLocation.newBuilder().setUri("s3://data.binance.vision/" + key).build())
                .setDestination(Destination.newBuilder().setBucket("lake").setKey("binance/" + key).build())
                .setExpectedSize(60_000L)
                .setExpectedEtag("etag-" + object)
                .setOrigin(RequestOrigin.PRODUCER)
                .setRequestedAt(Instant.now())
                .setAttributes(Map.of())
                .build();
    }

    int duplicates() {
        return produced - unique;
    }
}
