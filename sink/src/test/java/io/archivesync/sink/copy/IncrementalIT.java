package io.archivesync.sink.copy;

import static org.assertj.core.api.Assertions.assertThat;

import io.archivesync.avro.CopyMethod;
import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.embedded.Stack;
import io.archivesync.embedded.StackExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Incremental mirroring: a current object costs one HEAD, a replaced source is copied again. */
@ExtendWith(StackExtension.class)
class IncrementalIT {

    @Test
    void shouldSkipACurrentObjectThenCopyAgainAfterTheSourceChanged(Stack.S3Endpoint s3) {
        try (Fixture f = new Fixture(s3, "sink.verify.sha256=false", "sink.listingTtl=0s")) {
            // Given an object already mirrored
            byte[] first = Fixture.zip(500, 11);
            String etag = f.put("r.zip", first);
            FileSyncRequest request = Requests.copy(f.uri("r.zip"), f.mirror, "r.zip")
                    .setExpectedEtag(etag).setExpectedSize(500L).build();
            assertThat(f.copy(request).getOutcome()).isEqualTo(CopyOutcome.COPIED);

            // When the same request comes again
            CopyResult skipped = f.copy(request);

            // Then it is skipped for the price of one HEAD
            assertThat(skipped.getOutcome()).isEqualTo(CopyOutcome.SKIPPED_CURRENT);
            assertThat(skipped.getMethod()).isEqualTo(CopyMethod.NONE);
            assertThat(skipped.getStorageRequests()).isEqualTo(1);
            assertThat(skipped.getMethodReason()).contains("SIZE_AND_ETAG");

            // When the publisher replaces the file with one of the same size, and it is listed again
            byte[] second = Fixture.zip(500, 12);
            String newEtag = f.put("r.zip", second);
            CopyResult recopied = f.copy(Requests.copy(f.uri("r.zip"), f.mirror, "r.zip")
                    .setExpectedEtag(newEtag).setExpectedSize(500L).build());

            // Then it is copied again, and the result says what differed
            assertThat(recopied.getOutcome()).isEqualTo(CopyOutcome.COPIED);
            assertThat(recopied.getStorageRequests()).isEqualTo(2);
            assertThat(recopied.getMethodReason()).contains("differs");
            assertThat(f.read(f.mirror, "r.zip")).isEqualTo(second);
        }
    }

    @Test
    void shouldSkipOnSizeFromTheListingWhenTheRequestCarriesNoEtag(Stack.S3Endpoint s3) {
        // Given a mirrored object, the listing cache on, and sink.skip=SIZE
        try (Fixture f = new Fixture(s3, "sink.skip=SIZE", "sink.listingTtl=30s", "sink.verify.sha256=false")) {
            f.put("dir/s.zip", Fixture.zip(300, 3));
            assertThat(f.copy(Requests.copy(f.uri("dir/s.zip"), f.mirror, "dir/s.zip").build()).getOutcome())
                    .isEqualTo(CopyOutcome.COPIED);

            // When a request carries the size but no ETag
            CopyResult result = f.copy(Requests.copy(f.uri("dir/s.zip"), f.mirror, "dir/s.zip")
                    .setExpectedSize(300L).build());

            // Then it is skipped by size (it used to end in a NullPointerException on the missing ETag)
            assertThat(result.getOutcome()).isEqualTo(CopyOutcome.SKIPPED_CURRENT);
            assertThat(result.getMethodReason()).contains("SIZE");
        }
    }

    @Test
    void shouldSkipAnUnchangedCopyOfAMultipartSourceByTheEtagItRecorded(Stack.S3Endpoint s3) {
        // Given a source uploaded in parts: its ETag is composite, and a copy in one piece gets another ETag
        try (Fixture f = new Fixture(s3, "sink.verify.sha256=false", "sink.listingTtl=0s")) {
            byte[] bytes = Fixture.zip(6 * 1024 * 1024, 13);
            String etag = f.putInParts("mp/big.zip", bytes, 5 * 1024 * 1024);
            assertThat(etag).contains("-");
            FileSyncRequest request = Requests.copy(f.uri("mp/big.zip"), f.mirror, "mp/big.zip")
                    .setExpectedEtag(etag).setExpectedSize((long) bytes.length).build();
            CopyResult first = f.copy(request);
            assertThat(first.getOutcome()).as(first.getErrorMessage()).isEqualTo(CopyOutcome.COPIED);

            // When the same, unchanged object is requested again
            CopyResult again = f.copy(request);

            // Then the copy's recorded source ETag shows it current: one HEAD, no copy (it was copied every time)
            assertThat(again.getOutcome()).as(again.getMethodReason()).isEqualTo(CopyOutcome.SKIPPED_CURRENT);
            assertThat(again.getStorageRequests()).isEqualTo(1);
            assertThat(f.read(f.mirror, "mp/big.zip")).isEqualTo(bytes);
        }
    }

    @Test
    void shouldDecideFromOneListingOfTheDestinationInsteadOfAHeadPerObject(Stack.S3Endpoint s3) {
        // Given 20 objects of one "directory", 10 of them already mirrored by another copier
        List<FileSyncRequest> requests = new ArrayList<>();
        try (Fixture f = new Fixture(s3, "sink.verify.sha256=false")) {
            for (int i = 0; i < 20; i++) {
                String key = "data/spot/daily/klines/BTCUSDT/1m/f-" + i + ".zip";
                String etag = f.put(key, Fixture.zip(100, i));
                requests.add(Requests.copy(f.uri(key), f.mirror, key).setExpectedEtag(etag).setExpectedSize(100L)
                        .build());
            }
            for (int i = 0; i < 10; i++) {
                String key = requests.get(i).getDestination().getKey();
                f.client.copyObject(b -> b.sourceBucket(f.source).sourceKey(key).destinationBucket(f.mirror)
                        .destinationKey(key));
            }

            // When a fresh copier handles all 20
            List<CopyResult> results = requests.stream().map(f::copy).toList();

            // Then one listing decided for all: 10 skips and 10 copies, and only one LIST among them
            assertThat(results).filteredOn(r -> r.getOutcome() == CopyOutcome.SKIPPED_CURRENT).hasSize(10);
            assertThat(results).filteredOn(r -> r.getOutcome() == CopyOutcome.COPIED).hasSize(10);
            assertThat(results.stream().mapToInt(CopyResult::getStorageRequests).sum()).isEqualTo(1 + 10);

            // And a repeat of the copied ones is skipped for free, the copier's own copies being known
            assertThat(f.copy(requests.get(15)).getOutcome()).isEqualTo(CopyOutcome.SKIPPED_CURRENT);
            assertThat(f.copy(requests.get(15)).getStorageRequests()).isZero();
        }
    }

    @Test
    void shouldCopyEveryTimeWithAlwaysCopyAndSkipOnSizeAloneWithSize(Stack.S3Endpoint s3) {
        try (Fixture always = new Fixture(s3, "sink.skip=ALWAYS_COPY", "sink.verify.sha256=false");
             Fixture size = new Fixture(s3, "sink.skip=SIZE", "sink.verify.sha256=false", "sink.listingTtl=0s")) {
            // Given objects already mirrored by each copier
            String etag = always.put("x.zip", Fixture.zip(100, 13));
            FileSyncRequest a = Requests.copy(always.uri("x.zip"), always.mirror, "x.zip").setExpectedEtag(etag)
                    .setExpectedSize(100L).build();
            always.copy(a);
            size.put("x.zip", Fixture.zip(100, 14));
            FileSyncRequest s = Requests.copy(size.uri("x.zip"), size.mirror, "x.zip").setExpectedSize(100L).build();
            size.copy(s);

            // When / Then
            CopyResult again = always.copy(a);
            assertThat(again.getOutcome()).isEqualTo(CopyOutcome.COPIED);
            assertThat(again.getStorageRequests()).isEqualTo(1);
            assertThat(size.copy(s).getOutcome()).isEqualTo(CopyOutcome.SKIPPED_CURRENT);
        }
    }
}
