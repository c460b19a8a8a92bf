package io.archivesync.schemas.serde;

import java.time.Instant;
import java.util.Map;

import io.archivesync.avro.ArchiveCoordinates;
import io.archivesync.avro.CopyMethod;
import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.Destination;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.avro.RequestOrigin;
import io.archivesync.avro.SourceLocation;

/** Realistic records for serde tests: a Binance archive file and the result of copying it. */
public final class TestRecords {

    /** Millisecond precision, as timestamp-millis keeps. */
    public static final Instant REQUESTED_AT = Instant.parse("2024-03-01T12:34:56.789Z");

    private TestRecords() {
    }

    public static FileSyncRequest fileSyncRequest(String requestId) {
        return FileSyncRequest.newBuilder()
                .setRequestId(requestId)
                .setSource(SourceLocation.newBuilder()
                        .setUri("s3://data.binance.vision/data/spot/daily/klines/BTCUSDT/1m/"
                                + "BTCUSDT-1m-2024-02-29.zip")
                        .setRegion("ap-northeast-1")
                        .setAnonymous(true)
                        .build())
                .setDestination(new Destination("mirror", "spot/daily/klines/BTCUSDT/1m/BTCUSDT-1m-2024-02-29.zip", null, null))
                .setExpectedSize(123_456L)
                .setExpectedEtag("0123456789abcdef")
                .setArchive(coordinates())
                .setMode("HYBRID")
                .setOrigin(RequestOrigin.PRODUCER)
                .setRequestedAt(REQUESTED_AT)
                .setAttributes(Map.of("traceId", "t-1", "job", "backfill"))
                .build();
    }

    public static CopyResult copyResult(String requestId) {
        return CopyResult.newBuilder()
                .setRequestId(requestId)
                .setBatchId("batch-7")
                .setSourceUri("s3://data.binance.vision/data/spot/daily/klines/BTCUSDT/1m/BTCUSDT-1m-2024-02-29.zip")
                .setDestination(new Destination("mirror", "spot/BTCUSDT-1m-2024-02-29.zip", null, null))
                .setArchive(coordinates())
                .setOutcome(CopyOutcome.COPIED)
                .setMethod(CopyMethod.SERVER_SIDE)
                .setMethodReason("HYBRID: source readable by the destination's credentials")
                .setBytes(123_456L)
                .setStorageRequests(2)
                .setDurationMillis(41)
                .setCompletedAt(REQUESTED_AT.plusSeconds(3))
                .build();
    }

    private static ArchiveCoordinates coordinates() {
        return ArchiveCoordinates.newBuilder()
                .setMarket("spot").setFrequency("daily").setDataType("klines").setSymbol("BTCUSDT")
                .setInterval("1m").setDate("2024-02-29")
                .build();
    }
}
