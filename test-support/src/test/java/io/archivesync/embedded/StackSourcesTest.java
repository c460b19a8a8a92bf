package io.archivesync.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archivesync.embedded.gcs.GcsEndpoint;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The environment decides where components come from; external ones start nothing here. */
class StackSourcesTest {

    @Test
    void shouldUseExternalServersNamedByTheEnvironment() {
        // Given every component named by an environment variable, S3 keys only under their AWS names
        Stack stack = new Stack(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9092",
                "S3_ENDPOINT", "https://s3.eu-west-1.amazonaws.com",
                "AWS_ACCESS_KEY_ID", "AKIA-EXAMPLE",
                "AWS_SECRET_ACCESS_KEY", "example-secret",
                "SQS_ENDPOINT", "https://sqs.eu-west-1.amazonaws.com",
                "SCHEMA_REGISTRY_URL", "https://registry.example/apis/ccompat/v7",
                "GCS_ENDPOINT", "http://gcs-emulator:4443")::get);

        // Then the stack hands them out as given, with the default region
        assertThat(stack.kafkaBootstrapServers()).isEqualTo("kafka-1:9092,kafka-2:9092");
        assertThat(stack.s3()).isEqualTo(new Stack.S3Endpoint(URI.create("https://s3.eu-west-1.amazonaws.com"),
                "us-east-1", "AKIA-EXAMPLE", "example-secret"));
        assertThat(stack.sqsEndpoint()).isEqualTo(URI.create("https://sqs.eu-west-1.amazonaws.com"));
        assertThat(stack.schemaRegistryUrl()).isEqualTo("https://registry.example/apis/ccompat/v7");
        assertThat(stack.gcs()).isEqualTo(new GcsEndpoint(URI.create("http://gcs-emulator:4443"), "test"));
        stack.close();
    }

    @Test
    void shouldPreferS3SpecificKeysAndRegion() {
        Stack stack = new Stack(Map.of(
                "S3_ENDPOINT", "http://minio:9000",
                "S3_ACCESS_KEY", "s3-key", "S3_SECRET_KEY", "s3-secret", "S3_REGION", "eu-central-1",
                "AWS_ACCESS_KEY_ID", "aws-key", "AWS_SECRET_ACCESS_KEY", "aws-secret")::get);

        assertThat(stack.s3()).isEqualTo(new Stack.S3Endpoint(URI.create("http://minio:9000"),
                "eu-central-1", "s3-key", "s3-secret"));
    }

    @Test
    void shouldRejectAnExternalS3WithoutCredentials() {
        Stack stack = new Stack(Map.of("S3_ENDPOINT", "http://minio:9000")::get);

        assertThatThrownBy(stack::s3).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("S3_ACCESS_KEY").hasMessageContaining("AWS_ACCESS_KEY_ID");
    }

    @Test
    void shouldUseAnExternalAzureAccountNamedByTheEnvironment() {
        Stack stack = new Stack(Map.of(
                "AZURE_BLOB_ENDPOINT", "https://archive.blob.core.windows.net",
                "AZURE_STORAGE_ACCOUNT", "archive", "AZURE_STORAGE_KEY", "a2V5")::get);

        AzureBlobEndpoint endpoint = stack.azureBlob();

        assertThat(endpoint).isEqualTo(new AzureBlobEndpoint(URI.create("https://archive.blob.core.windows.net"),
                "archive", "a2V5"));
        assertThat(endpoint.connectionString()).isEqualTo("DefaultEndpointsProtocol=https;AccountName=archive;"
                + "AccountKey=a2V5;BlobEndpoint=https://archive.blob.core.windows.net;");
        stack.close();
    }

    @Test
    void shouldRejectAnExternalAzureAccountWithoutKey() {
        Stack stack = new Stack(Map.of("AZURE_BLOB_ENDPOINT", "https://archive.blob.core.windows.net",
                "AZURE_STORAGE_ACCOUNT", "archive")::get);

        assertThatThrownBy(stack::azureBlob).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AZURE_STORAGE_KEY");
    }

    @Test
    void shouldRejectAnUnknownKafkaMode() {
        StackSources sources = new StackSources(Map.of("ARCHIVE_SYNC_KAFKA", "docker-compose")::get);

        assertThatThrownBy(sources::kafkaMode).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ARCHIVE_SYNC_KAFKA=docker-compose");
    }

    @Test
    void shouldDefaultToTheEmbeddedBrokerAndAcceptTestcontainersInAnyCase() {
        assertThat(new StackSources(Map.<String, String>of()::get).kafkaMode())
                .isEqualTo(StackSources.KafkaMode.EMBEDDED);
        assertThat(new StackSources(Map.of("ARCHIVE_SYNC_KAFKA", "Testcontainers")::get).kafkaMode())
                .isEqualTo(StackSources.KafkaMode.TESTCONTAINERS);
    }
}
