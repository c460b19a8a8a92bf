package io.archivesync.bridge;

import io.archivesync.core.config.AppConfig;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The bridge's SQS client: endpoint override for ElasticMQ, the {@code s3} section's static credentials when set
 * (else the AWS default chain), and a socket timeout longer than the longest long poll.
 */
public final class SqsClients {

    private SqsClients() {
    }

    public static SqsClient create(AppConfig config) {
        var bridge = config.bridge();
        AwsCredentialsProvider credentials = config.s3().hasStaticCredentials()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(config.s3().accessKey(),
                        config.s3().secretKey()))
                : DefaultCredentialsProvider.builder().build();
        var builder = SqsClient.builder()
                .region(Region.of(region(config)))
                .credentialsProvider(credentials)
                .httpClientBuilder(ApacheHttpClient.builder()
                        .socketTimeout(bridge.waitTime().plusSeconds(10)));
        if (bridge.endpoint() != null) {
            builder.endpointOverride(URI.create(bridge.endpoint()));
        }
        return builder.build();
    }

    /** The queue's region: {@code bridge.region}, else {@code s3.region}. */
    public static String region(AppConfig config) {
        return config.bridge().region() != null ? config.bridge().region() : config.s3().region();
    }
}
