package io.archivesync.embedded;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The AWS SDK clients that talk to the emulators (or an external stack).
 *
 * <p>The HTTP client is named explicitly: the SDK's S3 artifact brings a second synchronous HTTP client at runtime,
 * and with two on the classpath the SDK refuses to guess. S3 clients are path-style because neither S3Proxy nor a
 * 127.0.0.1 endpoint can serve virtual-host buckets.
 */
final class AwsClients {

    private AwsClients() {
    }

    static S3Client s3(URI endpoint, String region, String accessKey, String secretKey) {
        return S3Client.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .credentialsProvider(credentials(accessKey, secretKey))
                .forcePathStyle(true)
                .httpClientBuilder(ApacheHttpClient.builder())
                .build();
    }

    static SqsClient sqs(URI endpoint, String region, String accessKey, String secretKey) {
        return SqsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(region))
                .credentialsProvider(credentials(accessKey, secretKey))
                .httpClientBuilder(ApacheHttpClient.builder())
                .build();
    }

    private static StaticCredentialsProvider credentials(String accessKey, String secretKey) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
    }
}
