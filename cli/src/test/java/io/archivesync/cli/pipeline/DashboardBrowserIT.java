package io.archivesync.cli.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.archivesync.avro.Destination;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.avro.RequestOrigin;
import io.archivesync.avro.SourceLocation;
import io.archivesync.embedded.Stack;
import io.archivesync.embedded.StackExtension;
import io.archivesync.embedded.archive.SampleArchive;
import io.archivesync.producer.ProducerJob;
import io.archivesync.producer.RequestFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The dashboard in a real browser: a whole pipeline on real servers, its page open in headless chromium while
 * requests arrive in two waves. Leaves {@code target/dashboard.png} (docs/dashboard.png is a copy of it).
 */
@ExtendWith(StackExtension.class)
class DashboardBrowserIT {

    private static final SampleArchive.Spec SPEC = new SampleArchive.Spec(List.of("spot", "futures/um"),
            List.of("BTCUSDT", "ETHUSDT"), List.of("klines", "aggTrades"), LocalDate.of(2024, 3, 1), 2, "1m", 50);

    @Test
    void shouldShowTheCopiedCountRiseAsRequestsArriveInTwoWaves(Stack stack) throws Exception {
        // Given a generated archive and a running pipeline, its dashboard open in the browser
        String source = "src-" + UUID.randomUUID().toString().substring(0, 8);
        String mirror = "dst-" + UUID.randomUUID().toString().substring(0, 8);
        try (S3Client s3 = stack.s3().newClient()) {
            s3.createBucket(b -> b.bucket(source));
            s3.createBucket(b -> b.bucket(mirror));
            SampleArchive.generate(s3, source, SPEC);
        }
        Path screenshot = Path.of("target", "dashboard.png");
        Files.deleteIfExists(screenshot);
        try (Pipeline pipeline = new Pipeline(stack, List.of(
                "producer.sourceBucket=" + source,
                "producer.markets=[spot,futures/um]",
                "producer.dataTypes=[klines,aggTrades]",
                "producer.symbols=[BTCUSDT,ETHUSDT]",
                "producer.from=2024-03-01",
                "producer.to=2024-03-02",
                "producer.destinationBucket=" + mirror,
                "producer.destinationPrefix=binance/",
                "processor.dashboard.pushInterval=250ms"))) {
            List<FileSyncRequest> all = plan(pipeline);
            List<FileSyncRequest> first = all.subList(0, all.size() / 2);
            List<FileSyncRequest> second = all.subList(all.size() / 2, all.size());
            String url = "http://127.0.0.1:" + pipeline.processor.statusPort() + "/dashboard";
            try (BrowserCheck browser = BrowserCheck.start(url, screenshot, all.size())) {
                await().atMost(Duration.ofSeconds(60)).until(() -> browser.ready() || browser.ended());
                assertThat(browser.ready()).as("page live; browser said %s; stderr: %s", browser.lines,
                        browser.errors()).isTrue();

                // When the first wave is published and the page shows it copied
                pipeline.publish(first);
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> browser.copiedSeen().contains((long) first.size()));

                // And the second wave follows, with a request for a missing object and bytes that are no request
                pipeline.publish(second);
                pipeline.publish(List.of(missing(source, mirror)));
                pipeline.publishRaw("junk", "no request at all".getBytes(StandardCharsets.UTF_8));

                // Then the page showed the count rise from the first wave to the whole archive, and saved itself
                int exit = browser.await(180);
                assertThat(exit).as("browser check exit; stderr: %s", browser.errors()).isZero();
                assertThat(browser.copiedSeen()).contains((long) first.size())
                        .last().isEqualTo((long) all.size());
                assertThat(browser.copiedSeen()).isSorted();
                assertThat(screenshot).isNotEmptyFile();
            }
        }
    }

    private static List<FileSyncRequest> plan(Pipeline pipeline) {
        RequestFactory factory = new RequestFactory(pipeline.config.producer(), Clock.systemUTC());
        List<FileSyncRequest> requests = new ArrayList<>();
        new ProducerJob(pipeline.config).plan(o -> requests.add(factory.create(o)));
        return requests;
    }

    private static FileSyncRequest missing(String source, String mirror) {
        return FileSyncRequest.newBuilder()
                .setRequestId(UUID.randomUUID().toString())
                .setSource(SourceLocation.newBuilder()
                        .setUri("s3://" + source + "/data/spot/daily/klines/NOPE/1m/NOPE-1m-2024-03-01.zip").build())
                .setDestination(Destination.newBuilder().setBucket(mirror).setKey("missing/NOPE.zip").build())
                .setOrigin(RequestOrigin.API)
                .setRequestedAt(Instant.now())
                .setAttributes(Map.of())
                .build();
    }
}
