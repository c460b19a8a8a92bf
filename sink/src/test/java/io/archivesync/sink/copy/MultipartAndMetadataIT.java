package io.archivesync.sink.copy;

import static org.assertj.core.api.Assertions.assertThat;

import io.archivesync.avro.CopyMethod;
import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.avro.MetadataReplacement;
import io.archivesync.avro.SourceLocation;
import io.archivesync.embedded.Stack;
import io.archivesync.embedded.StackExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** Server-side copies through the composed copier: one CopyObject, or parts in parallel above the threshold. */
@ExtendWith(StackExtension.class)
class MultipartAndMetadataIT {

    private static final int MIB = 1 << 20;

    @Test
    void shouldCopyAboveTheThresholdInPartsServerSideKeepingContentTypeAndMetadata(Stack.S3Endpoint s3) {
        // Given a 12 MiB object with a content type and user metadata, and a threshold lowered to 6 MiB
        try (Fixture f = new Fixture(s3, "sink.serverSide.multipartThreshold=6291456",
                "sink.serverSide.partSize=5242880", "sink.serverSide.partsInFlight=3", "sink.verify.sha256=false",
                "sink.listingTtl=0s")) {
            byte[] bytes = Fixture.zip(12 * MIB, 1);
            String etag = f.client.putObject(b -> b.bucket(f.source).key("big.zip").contentType("application/zip")
                    .metadata(Map.of("origin", "binance")), RequestBody.fromBytes(bytes)).eTag().replace("\"", "");
            FileSyncRequest request = Requests.copy(f.uri("big.zip"), f.mirror, "big.zip")
                    .setExpectedSize((long) bytes.length).setExpectedEtag(etag).build();

            // When
            CopyResult result = f.copy(request);

            // Then: HEAD + list abandoned uploads + create + 3 parts + complete, not one byte through the copier
            assertThat(result.getOutcome()).as(result.getErrorMessage()).isEqualTo(CopyOutcome.COPIED);
            assertThat(result.getMethod()).isEqualTo(CopyMethod.MULTIPART_SERVER_SIDE);
            assertThat(result.getMethodReason()).contains("mode=AUTO", "UploadPartCopy");
            assertThat(result.getBytes()).isEqualTo(bytes.length);
            assertThat(result.getBytesThroughCopier()).isZero();
            assertThat(result.getStorageRequests()).isEqualTo(1 + 1 + 1 + 1 + 3 + 1); // skip HEAD, source HEAD, ...
            assertThat(f.read(f.mirror, "big.zip")).isEqualTo(bytes);
            HeadObjectResponse head = f.client.headObject(b -> b.bucket(f.mirror).key("big.zip"));
            assertThat(head.contentType()).isEqualTo("application/zip");
            assertThat(head.metadata()).containsEntry("origin", "binance")
                    .containsEntry(ObjectMetadata.SOURCE_ETAG, etag);

            // And a repeat is skipped by the recorded source ETag although the mirror's own ETag is composite
            CopyResult again = f.copy(request);
            assertThat(again.getOutcome()).isEqualTo(CopyOutcome.SKIPPED_CURRENT);
            assertThat(again.getStorageRequests()).isEqualTo(1);
        }
    }

    @Test
    void shouldWriteTheConfiguredStorageClassAndReadSourcesInTheirOwnRegion(Stack.S3Endpoint s3) {
        // Given a copier writing STANDARD_IA, and sources said to live in another region than the destination's
        try (Fixture f = new Fixture(s3, "sink.storageClass=STANDARD_IA", "sink.verify.sha256=false")) {
            byte[] bytes = Fixture.zip(100, 3);
            f.put("r.zip", bytes);
            SourceLocation elsewhere = SourceLocation.newBuilder().setUri(f.uri("r.zip")).setRegion("ap-northeast-1")
                    .build();

            // When it is copied server-side and streamed
            CopyResult serverSide = f.copy(Requests.copy(f.uri("r.zip"), f.mirror, "s.zip").setSource(elsewhere)
                    .build());
            CopyResult streamed = f.copy(Requests.copy(f.uri("r.zip"), f.mirror, "t.zip").setSource(elsewhere)
                    .setMode("TRADITIONAL").build());

            // Then both land, the streamed one read by a client of the source's region and written in the class.
            // (S3Proxy ignores x-amz-storage-class on CopyObject, so the server-side copy's class is not checked
            // here; real S3 honours it, and the copier sends it on both paths.)
            assertThat(serverSide.getOutcome()).as(serverSide.getErrorMessage()).isEqualTo(CopyOutcome.COPIED);
            assertThat(streamed.getOutcome()).as(streamed.getErrorMessage()).isEqualTo(CopyOutcome.COPIED);
            assertThat(f.client.headObject(b -> b.bucket(f.mirror).key("t.zip")).storageClassAsString())
                    .isEqualTo("STANDARD_IA");
            assertThat(f.read(f.mirror, "t.zip")).isEqualTo(bytes);
        }
    }

    @Test
    void shouldReplaceContentTypeAndMetadataWhenAskedTo(Stack.S3Endpoint s3) {
        // Given a copier told to replace metadata
        try (Fixture f = new Fixture(s3, "sink.metadata.replace=true", "sink.metadata.contentType=application/x-zip",
                "sink.metadata.userMetadata.mirror=archive-sync")) {
            f.client.putObject(b -> b.bucket(f.source).key("a.zip").contentType("text/plain")
                    .metadata(Map.of("origin", "binance")), RequestBody.fromBytes(Fixture.zip(100, 2)));

            // When
            CopyResult result = f.copy(Requests.copy(f.uri("a.zip"), f.mirror, "a.zip").build());

            // Then
            assertThat(result.getOutcome()).as(result.getErrorMessage()).isEqualTo(CopyOutcome.COPIED);
            assertThat(result.getMethod()).isEqualTo(CopyMethod.SERVER_SIDE);
            HeadObjectResponse head = f.client.headObject(b -> b.bucket(f.mirror).key("a.zip"));
            assertThat(head.contentType()).isEqualTo("application/x-zip");
            assertThat(head.metadata()).containsEntry("mirror", "archive-sync").doesNotContainKey("origin");
        }
    }

    @Test
    void shouldReplaceContentTypeAndMetadataPerRequestOnEveryPath(Stack.S3Endpoint s3) {
        // Given a copier that keeps the source's metadata (the default), a threshold lowered to 6 MiB, and sources
        // with their own content type and metadata
        try (Fixture f = new Fixture(s3, "sink.serverSide.multipartThreshold=6291456",
                "sink.serverSide.partSize=5242880", "sink.verify.sha256=false")) {
            Map<String, String> origin = Map.of("origin", "binance");
            f.client.putObject(b -> b.bucket(f.source).key("small.zip").contentType("text/plain").metadata(origin),
                    RequestBody.fromBytes(Fixture.zip(100, 3)));
            f.client.putObject(b -> b.bucket(f.source).key("big.zip").contentType("text/plain").metadata(origin),
                    RequestBody.fromBytes(Fixture.zip(7 * MIB, 4)));
            MetadataReplacement asked = MetadataReplacement.newBuilder().setContentType("application/zip")
                    .setUserMetadata(Map.of("owner", "data-team")).build();

            // When each is copied with the request's own replacement: CopyObject, multipart copy, streamed
            CopyResult single = f.copy(Requests.copy(f.uri("small.zip"), f.mirror, "single.zip")
                    .setMetadata(asked).build());
            CopyResult parts = f.copy(Requests.copy(f.uri("big.zip"), f.mirror, "parts.zip")
                    .setMetadata(asked).build());
            CopyResult streamed = f.copy(Requests.copy(f.uri("small.zip"), f.mirror, "streamed.zip")
                    .setMode("TRADITIONAL").setMetadata(asked).build());

            // Then every copy carries the request's content type and metadata, and none of the source's
            assertThat(List.of(single, parts, streamed)).extracting(CopyResult::getMethod).containsExactly(
                    CopyMethod.SERVER_SIDE, CopyMethod.MULTIPART_SERVER_SIDE, CopyMethod.STREAMED);
            for (String key : List.of("single.zip", "parts.zip", "streamed.zip")) {
                HeadObjectResponse head = f.client.headObject(b -> b.bucket(f.mirror).key(key));
                assertThat(head.contentType()).as(key).isEqualTo("application/zip");
                assertThat(head.metadata()).as(key).containsEntry("owner", "data-team").doesNotContainKey("origin");
            }

            // And a request without a replacement keeps the source's
            f.copy(Requests.copy(f.uri("small.zip"), f.mirror, "kept.zip").build());
            HeadObjectResponse kept = f.client.headObject(b -> b.bucket(f.mirror).key("kept.zip"));
            assertThat(kept.contentType()).isEqualTo("text/plain");
            assertThat(kept.metadata()).containsEntry("origin", "binance");
        }
    }
}
