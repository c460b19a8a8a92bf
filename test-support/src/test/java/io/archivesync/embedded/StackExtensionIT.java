package io.archivesync.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.storage.BucketInfo;
import com.google.cloud.storage.Storage;
import io.archivesync.embedded.gcs.GcsEndpoint;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;

@ExtendWith(StackExtension.class)
class StackExtensionIT {

    private static String bucket;

    private final Stack stack;

    StackExtensionIT(Stack stack) {
        this.stack = stack;
    }

    @BeforeAll
    static void createBucket(S3Client s3) {
        bucket = "stack-" + UUID.randomUUID();
        s3.createBucket(b -> b.bucket(bucket));
    }

    @Test
    void shouldInjectTheSharedStackIntoTheConstructor() {
        assertThat(stack).isSameAs(Stack.shared());
    }

    @Test
    void shouldStartOnlyTheComponentsThatWereAskedFor(Stack.S3Endpoint s3) {
        // Given only S3 was asked for (here and in @BeforeAll)
        try (S3Client client = s3.newClient()) {
            // Then S3 serves the bucket created earlier, on the stack's one S3 server
            assertThat(client.listBuckets().buckets()).extracting(Bucket::name).contains(bucket);
        }
        assertThat(s3).isEqualTo(stack.s3());

        // And nothing else was started
        assertThat(stack.isS3Running()).isTrue();
        assertThat(stack.isKafkaRunning()).isFalse();
        assertThat(stack.isSqsRunning()).isFalse();
        assertThat(stack.isSchemaRegistryRunning()).isFalse();
    }

    @Test
    void shouldMaskTheSecretWhenTheEndpointIsLogged(Stack.S3Endpoint s3) {
        assertThat(s3.toString()).doesNotContain(s3.secretKey()).contains("secretKey=****");
    }

    @Test
    void shouldInjectAGcsClientOfTheSharedGcsEndpoint(GcsEndpoint gcs, Storage storage) throws Exception {
        // Given a bucket created through the injected client
        String gcsBucket = "stack-" + UUID.randomUUID();
        storage.create(BucketInfo.of(gcsBucket));

        // Then another client of the injected endpoint sees it: both point at the stack's one GCS fixture
        Storage other = gcs.newClient();
        try {
            assertThat(other.get(gcsBucket)).isNotNull();
        } finally {
            other.close();
        }
        assertThat(gcs).isEqualTo(stack.gcs());
        assertThat(stack.isGcsRunning()).isTrue();
    }
}
