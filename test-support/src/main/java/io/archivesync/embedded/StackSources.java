package io.archivesync.embedded;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.archivesync.embedded.gcs.GcsEndpoint;
import io.archivesync.embedded.gcs.GcsFixture;
import java.net.URI;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Decides where each {@link Stack} component comes from: an external server named by an environment variable, or
 * one started here.
 *
 * <p>Why: the same integration tests and demo run against the in-JVM servers on a laptop or in CI, and against a
 * real cluster and real S3 when those variables are set.
 */
final class StackSources {

    static final String KAFKA_BOOTSTRAP_SERVERS = "KAFKA_BOOTSTRAP_SERVERS";
    static final String KAFKA_MODE = "ARCHIVE_SYNC_KAFKA";
    static final String KAFKA_IMAGE = "ARCHIVE_SYNC_KAFKA_IMAGE";
    static final String S3_ENDPOINT = "S3_ENDPOINT";
    static final String S3_ACCESS_KEY = "S3_ACCESS_KEY";
    static final String S3_SECRET_KEY = "S3_SECRET_KEY";
    static final String AWS_ACCESS_KEY_ID = "AWS_ACCESS_KEY_ID";
    static final String AWS_SECRET_ACCESS_KEY = "AWS_SECRET_ACCESS_KEY";
    static final String S3_REGION = "S3_REGION";
    static final String SQS_ENDPOINT = "SQS_ENDPOINT";
    static final String SCHEMA_REGISTRY_URL = "SCHEMA_REGISTRY_URL";
    static final String GCS_ENDPOINT = "GCS_ENDPOINT";
    static final String GCS_PROJECT_ID = "GCS_PROJECT_ID";
    static final String AZURE_BLOB_ENDPOINT = "AZURE_BLOB_ENDPOINT";
    static final String AZURE_STORAGE_ACCOUNT = "AZURE_STORAGE_ACCOUNT";
    static final String AZURE_STORAGE_KEY = "AZURE_STORAGE_KEY";

    /** Where the stack's broker comes from when {@value #KAFKA_BOOTSTRAP_SERVERS} is not set. */
    enum KafkaMode {
        /** {@link EmbeddedKafka}: in this JVM, no Docker needed. The default. */
        EMBEDDED,
        /** {@link TestcontainersKafka}: a container; needs a Docker engine. */
        TESTCONTAINERS
    }

    private final UnaryOperator<String> env;

    StackSources(UnaryOperator<String> env) {
        this.env = env;
    }

    LazyComponent.Running<String> kafka() {
        String external = get(KAFKA_BOOTSTRAP_SERVERS);
        if (external != null) {
            return LazyComponent.Running.external(external, external);
        }
        if (kafkaMode() == KafkaMode.TESTCONTAINERS) {
            String image = get(KAFKA_IMAGE);
            return TestcontainersKafka.start(image == null ? TestcontainersKafka.DEFAULT_IMAGE : image);
        }
        EmbeddedKafka kafka = EmbeddedKafka.start();
        return new LazyComponent.Running<>(kafka.bootstrapServers(), "embedded", kafka.bootstrapServers(), kafka);
    }

    LazyComponent.Running<Stack.S3Endpoint> s3() {
        String external = get(S3_ENDPOINT);
        if (external != null) {
            String accessKey = firstOf(S3_ACCESS_KEY, AWS_ACCESS_KEY_ID);
            String secretKey = firstOf(S3_SECRET_KEY, AWS_SECRET_ACCESS_KEY);
            String region = get(S3_REGION);
            Stack.S3Endpoint endpoint = new Stack.S3Endpoint(URI.create(external),
                    region == null ? EmbeddedS3.REGION : region, accessKey, secretKey);
            return LazyComponent.Running.external(endpoint, external);
        }
        EmbeddedS3 s3 = EmbeddedS3.start();
        Stack.S3Endpoint endpoint = new Stack.S3Endpoint(s3.endpoint(), s3.region(), s3.accessKey(), s3.secretKey());
        return new LazyComponent.Running<>(endpoint, "embedded", s3.endpoint().toString(), s3);
    }

    LazyComponent.Running<URI> sqs() {
        String external = get(SQS_ENDPOINT);
        if (external != null) {
            return LazyComponent.Running.external(URI.create(external), external);
        }
        EmbeddedSqs sqs = EmbeddedSqs.start();
        return new LazyComponent.Running<>(sqs.endpoint(), "embedded", sqs.endpoint().toString(), sqs);
    }

    LazyComponent.Running<String> schemaRegistry() {
        String external = get(SCHEMA_REGISTRY_URL);
        if (external != null) {
            return LazyComponent.Running.external(external, external);
        }
        ApicurioRegistry registry = ApicurioRegistry.start();
        return new LazyComponent.Running<>(registry.confluentApiUrl(), "embedded-apicurio",
                registry.confluentApiUrl(), registry);
    }

    LazyComponent.Running<GcsEndpoint> gcs() {
        String external = get(GCS_ENDPOINT);
        if (external != null) {
            String project = get(GCS_PROJECT_ID);
            GcsEndpoint endpoint = new GcsEndpoint(URI.create(external),
                    project == null ? GcsFixture.PROJECT_ID : project);
            return LazyComponent.Running.external(endpoint, external);
        }
        GcsFixture gcs = GcsFixture.start();
        return new LazyComponent.Running<>(gcs.endpoint(), "embedded", gcs.endpoint().endpoint().toString(), gcs);
    }

    /**
     * An external account, or Azurite. Without node on the PATH, Azurite cannot run: the calling test is skipped
     * (a JUnit assumption), not failed, as the browser test is.
     */
    LazyComponent.Running<AzureBlobEndpoint> azureBlob() {
        String external = get(AZURE_BLOB_ENDPOINT);
        if (external != null) {
            AzureBlobEndpoint endpoint = new AzureBlobEndpoint(URI.create(external),
                    required(AZURE_STORAGE_ACCOUNT, AZURE_BLOB_ENDPOINT), required(AZURE_STORAGE_KEY,
                    AZURE_BLOB_ENDPOINT));
            return LazyComponent.Running.external(endpoint, external);
        }
        assumeTrue(EmbeddedAzurite.node().isPresent(), "node is not on the PATH: Azurite, the Azure Blob test"
                + " server, needs it (.ci/run installs Debian's nodejs and npm), or set " + AZURE_BLOB_ENDPOINT);
        EmbeddedAzurite azurite = EmbeddedAzurite.start();
        return new LazyComponent.Running<>(azurite.endpoint(), "embedded-azurite",
                azurite.endpoint().blobEndpoint().toString(), azurite);
    }

    KafkaMode kafkaMode() {
        String mode = get(KAFKA_MODE);
        if (mode == null) {
            return KafkaMode.EMBEDDED;
        }
        try {
            return KafkaMode.valueOf(mode.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(KAFKA_MODE + "=" + mode + " is not one of embedded, testcontainers", e);
        }
    }

    private String firstOf(String preferred, String fallback) {
        String value = get(preferred);
        if (value == null) {
            value = get(fallback);
        }
        if (value == null) {
            throw new IllegalStateException(S3_ENDPOINT + " is set, so " + preferred + " (or " + fallback
                    + ") must be set too");
        }
        return value;
    }

    private String required(String name, String because) {
        String value = get(name);
        if (value == null) {
            throw new IllegalStateException(because + " is set, so " + name + " must be set too");
        }
        return value;
    }

    /** The variable's value, with unset and blank alike meaning absent. */
    private String get(String name) {
        String value = env.apply(name);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
