package io.archivesync.embedded;

import io.archivesync.embedded.gcs.GcsEndpoint;
import io.archivesync.embedded.gcs.GcsFixture;
import java.net.URI;
import java.util.Objects;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The running stack (Kafka, S3, SQS, schema registry, Google Cloud Storage, Azure Blob) that integration tests and
 * the demo share.
 *
 * <p>Why one per JVM: starting a broker and a registry JVM per test class would dominate the run. Each component
 * starts on first use and only once; components nobody asks for never start. A JVM shutdown hook stops them all,
 * and so does {@link #closeAll()} (the JUnit {@link StackExtension} calls it when the test run ends).
 *
 * <p>Environment variables point a component at an external server instead of starting one:
 * <ul>
 *   <li>{@code KAFKA_BOOTSTRAP_SERVERS}; otherwise {@code ARCHIVE_SYNC_KAFKA=testcontainers} takes the broker from
 *       a Docker container (image {@code ARCHIVE_SYNC_KAFKA_IMAGE}, default {@code apache/kafka:3.9.1}), and by
 *       default it is an {@link EmbeddedKafka};</li>
 *   <li>{@code S3_ENDPOINT} with {@code S3_ACCESS_KEY}/{@code S3_SECRET_KEY} (or {@code AWS_ACCESS_KEY_ID}/
 *       {@code AWS_SECRET_ACCESS_KEY}) and {@code S3_REGION} (default us-east-1); otherwise an {@link EmbeddedS3};</li>
 *   <li>{@code SQS_ENDPOINT}; otherwise an {@link EmbeddedSqs};</li>
 *   <li>{@code SCHEMA_REGISTRY_URL} (the Confluent API base URL); otherwise an {@link ApicurioRegistry};</li>
 *   <li>{@code GCS_ENDPOINT} (a GCS JSON API that takes no credentials, project {@code GCS_PROJECT_ID}, default
 *       {@value GcsFixture#PROJECT_ID}); otherwise a {@link GcsFixture}.</li>
 *   <li>{@code AZURE_BLOB_ENDPOINT} with {@code AZURE_STORAGE_ACCOUNT} and {@code AZURE_STORAGE_KEY}; otherwise an
 *       {@link EmbeddedAzurite} (skipping the caller, by a JUnit assumption, when node is not on the PATH).</li>
 * </ul>
 */
public final class Stack {

    private static final Stack SHARED = new Stack(System::getenv);

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Stack::closeAll, "archive-sync-stack-shutdown"));
    }

    private final LazyComponent<String> kafka;
    private final LazyComponent<S3Endpoint> s3;
    private final LazyComponent<URI> sqs;
    private final LazyComponent<String> schemaRegistry;
    private final LazyComponent<GcsEndpoint> gcs;
    private final LazyComponent<AzureBlobEndpoint> azureBlob;

    /**
     * Where an S3 API is and how to sign requests to it.
     *
     * @param endpoint  base URL, used path-style
     * @param region    the signing region
     * @param accessKey access key id
     * @param secretKey secret access key; masked in {@link #toString()}
     */
    public record S3Endpoint(URI endpoint, String region, String accessKey, String secretKey) {

        public S3Endpoint {
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(accessKey, "accessKey");
            Objects.requireNonNull(secretKey, "secretKey");
        }

        /** A path-style client with static credentials; the caller closes it. */
        public S3Client newClient() {
            return AwsClients.s3(endpoint, region, accessKey, secretKey);
        }

        @Override
        public String toString() {
            return "S3Endpoint[endpoint=" + endpoint + ", region=" + region + ", accessKey=" + accessKey
                    + ", secretKey=****]";
        }
    }

    Stack(UnaryOperator<String> env) {
        StackSources sources = new StackSources(env);
        this.kafka = new LazyComponent<>("kafka", sources::kafka);
        this.s3 = new LazyComponent<>("s3", sources::s3);
        this.sqs = new LazyComponent<>("sqs", sources::sqs);
        this.schemaRegistry = new LazyComponent<>("schema-registry", sources::schemaRegistry);
        this.gcs = new LazyComponent<>("gcs", sources::gcs);
        this.azureBlob = new LazyComponent<>("azure-blob", sources::azureBlob);
    }

    /** The JVM-wide stack. */
    public static Stack shared() {
        return SHARED;
    }

    /** Stops every component of the shared stack that was started. A later use starts it afresh. */
    public static void closeAll() {
        SHARED.close();
    }

    /** {@code bootstrap.servers} of the broker. */
    public String kafkaBootstrapServers() {
        return kafka.get();
    }

    public S3Endpoint s3() {
        return s3.get();
    }

    public URI sqsEndpoint() {
        return sqs.get();
    }

    /** Base URL of the Confluent Schema Registry API, e.g. {@code http://127.0.0.1:PORT/apis/ccompat/v7}. */
    public String schemaRegistryUrl() {
        return schemaRegistry.get();
    }

    /** A Google Cloud Storage JSON API; {@link GcsEndpoint#newClient()} makes a client for it. */
    public GcsEndpoint gcs() {
        return gcs.get();
    }

    /**
     * The Azure Blob account: Azurite's development account, or an external one. Called from a test without node on
     * the PATH (and no external account), it skips that test.
     */
    public AzureBlobEndpoint azureBlob() {
        return azureBlob.get();
    }

    /** Stops in reverse dependency order: nothing here depends on the broker once the others are down. */
    void close() {
        gcs.close();
        azureBlob.close();
        schemaRegistry.close();
        sqs.close();
        s3.close();
        kafka.close();
    }

    boolean isKafkaRunning() {
        return kafka.isRunning();
    }

    boolean isS3Running() {
        return s3.isRunning();
    }

    boolean isSqsRunning() {
        return sqs.isRunning();
    }

    boolean isSchemaRegistryRunning() {
        return schemaRegistry.isRunning();
    }

    boolean isGcsRunning() {
        return gcs.isRunning();
    }
}
