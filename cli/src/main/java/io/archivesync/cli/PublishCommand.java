package io.archivesync.cli;

import io.archivesync.avro.FileSyncRequest;
import io.archivesync.core.config.AppConfig;
import io.archivesync.producer.publish.RequestLine;
import io.archivesync.producer.publish.RequestPublisher;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Publishes requests of the public contract: one from flags, or one per JSON line on stdin. The processor validates
 * them like any other request and dead-letters those that break the contract.
 */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = "Publish file-to-sync requests: one from flags, or JSON lines from stdin (--stdin).",
        footer = {"", "JSON line: {\"source\": \"s3://bucket/key\", \"destinationBucket\": \"mirror\", "
                + "\"destinationKey\": \"copy/key\", \"size\": 123, \"etag\": \"...\", \"sha256\": \"...\", "
                + "\"mode\": \"AUTO\", \"sourceRegion\": \"...\", \"anonymous\": true, \"requestId\": \"...\", "
                + "\"attributes\": {}, \"contentType\": \"...\", \"userMetadata\": {}}  (see docs/sync-requests.md)"})
final class PublishCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Option(names = "--stdin", description = "read one JSON request per line from stdin")
    boolean stdin;

    @Option(names = "--source", description = "source URI: s3://bucket/key or https://...")
    String source;

    @Option(names = "--source-region", description = "the source bucket's region")
    String sourceRegion;

    @Option(names = "--anonymous", description = "read the source without credentials")
    boolean anonymous;

    @Option(names = "--dest-bucket", description = "destination bucket")
    String destinationBucket;

    @Option(names = "--dest-key", description = "destination key")
    String destinationKey;

    @Option(names = "--dest", description = "destination as a location of any provider, instead of --dest-bucket "
            + "and --dest-key: gs://bucket/key, az://account/container/key, file:///path, REMOTE:bucket/key, "
            + "s3://bucket/key")
    String destination;

    @Option(names = "--storage-class", description = "storage class or access tier of the mirrored object "
            + "(default: the copier's sink.storageClass)")
    String storageClass;

    @Option(names = "--size", description = "expected size in bytes")
    Long size;

    @Option(names = "--etag", description = "expected source ETag, without quotes")
    String etag;

    @Option(names = "--sha256", description = "expected lower-case hex SHA-256")
    String sha256;

    @Option(names = "--mode", description = "AUTO, DIRECT, HYBRID or TRADITIONAL")
    String mode;

    @Option(names = "--request-id", description = "request id (default: a random UUID)")
    String requestId;

    @Option(names = "--attr", description = "attribute key=value (repeatable)")
    Map<String, String> attributes = new LinkedHashMap<>();

    @Option(names = "--content-type", description = "content type of the mirrored object, instead of the source's")
    String contentType;

    @Option(names = "--meta", description = "user metadata name=value of the mirrored object, replacing the "
            + "source's (repeatable)")
    Map<String, String> userMetadata = new LinkedHashMap<>();

    @Override
    public Integer call() throws IOException {
        if (stdin == (source != null)) {
            System.err.println("publish: give either --stdin or --source with --dest (or --dest-bucket and "
                    + "--dest-key)");
            return 2;
        }
        if (!stdin && destination == null && (destinationBucket == null || destinationKey == null)) {
            System.err.println("publish: --source needs --dest, or --dest-bucket and --dest-key");
            return 2;
        }
        AppConfig config = SharedRegistry.require(options.load(List.of()));
        Clock clock = Clock.systemUTC();
        int bad = 0;
        try (RequestPublisher publisher = new RequestPublisher(config)) {
            if (stdin) {
                bad = publishLines(publisher, clock);
            } else {
                FileSyncRequest request = RequestLine.build(source, sourceRegion, anonymous,
                        destination != null ? "" : destinationBucket, destination != null ? "" : destinationKey,
                        size, etag, sha256, mode, requestId, attributes, clock);
                if (destination != null || storageClass != null) {
                    request = destination != null ? RequestLine.withDestination(request, destination, storageClass)
                            : RequestLine.withDestination(request, "s3://" + destinationBucket + "/" + destinationKey,
                            storageClass);
                }
                publisher.send(RequestLine.withMetadata(request, contentType, userMetadata));
            }
            int published = publisher.awaitAcknowledged();
            System.out.printf("published %d requests to %s%s%n", published, publisher.topic(),
                    bad > 0 ? " (" + bad + " lines refused)" : "");
        }
        return bad > 0 ? 1 : 0;
    }

    private int publishLines(RequestPublisher publisher, Clock clock) throws IOException {
        int bad = 0;
        int number = 0;
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            try {
                FileSyncRequest request = RequestLine.parse(line, clock);
                publisher.send(request);
            } catch (IllegalArgumentException e) {
                bad++;
                System.err.printf("line %d refused: %s%n", number, e.getMessage());
            }
        }
        return bad;
    }
}
