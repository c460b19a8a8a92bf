package io.archivesync.producer;

import io.archivesync.core.config.ProducerSettings;
import io.archivesync.core.s3.S3Clients;
import io.archivesync.embedded.Stack;
import io.archivesync.embedded.StackExtension;
import io.archivesync.embedded.archive.SampleArchive;
import io.archivesync.producer.plan.PlannedObject;
import io.archivesync.schemas.key.RecordKey;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(StackExtension.class)
class ArchiveEnumeratorIT {

    /** spot and futures/um, klines (1m) and aggTrades, BTCUSDT and ETHUSDT, 2024-01-01 to 2024-01-03. */
    private static final SampleArchive.Spec SPEC = new SampleArchive.Spec(List.of("spot", "futures/um"),
            List.of("BTCUSDT", "ETHUSDT"), List.of("klines", "aggTrades"), LocalDate.of(2024, 1, 1), 3, "1m", 10);
    private static final String MONTHLY_KEY = "data/spot/monthly/klines/BTCUSDT/1m/BTCUSDT-1m-2024-01.zip";

    private static Stack.S3Endpoint s3;
    private static S3Client client;
    private static String bucket;
    private static List<SampleArchive.Entry> written;

    @BeforeAll
    static void fillArchive(Stack.S3Endpoint endpoint) {
        s3 = endpoint;
        client = endpoint.newClient();
        bucket = "archive-" + UUID.randomUUID();
        client.createBucket(b -> b.bucket(bucket));
        written = SampleArchive.generate(client, bucket, SPEC);
        // Objects that sit in the archive's folders without following its layout
        put("data/spot/daily/klines/BTCUSDT/1m/README.txt", "not a data file");
        put("data/spot/daily/klines/BTCUSDT/1m/BTCUSDT-1m-2024-01-02.csv", "not a zip");
        put(MONTHLY_KEY, "monthly klines");
    }

    @AfterAll
    static void closeClient() {
        client.close();
    }

    @Test
    void shouldFindExactlyTheObjectsInTheDateRangeWithSizesAndEtags() throws Exception {
        // Given the second day only, both symbols, both data types, sidecars included
        ProducerSettings settings = settings("producer.symbols=[BTCUSDT,ETHUSDT]",
                "producer.dataTypes=[klines,aggTrades]", "producer.from=2024-01-02", "producer.to=2024-01-02");

        // When
        List<PlannedObject> found = enumerate(settings);

        // Then each spot object of that day is found once, with the size written and the content's MD5 as ETag
        List<SampleArchive.Entry> expected = written.stream()
                .filter(e -> e.key().startsWith("data/spot/") && e.key().contains("-2024-01-02.zip")).toList();
        assertThat(expected).hasSize(8);
        assertThat(found).extracting(PlannedObject::key)
                .containsExactlyInAnyOrderElementsOf(expected.stream().map(SampleArchive.Entry::key).toList());
        for (SampleArchive.Entry entry : expected) {
            PlannedObject object = found.stream().filter(o -> o.key().equals(entry.key())).findFirst().orElseThrow();
            assertThat(object.size()).as(entry.key()).isEqualTo(entry.size());
            assertThat(object.etag()).as(entry.key()).isEqualTo(md5(entry.key()));
        }
    }

    @Test
    void shouldLeaveOutChecksumSidecarsWhenNotIncluded() {
        // Given
        ProducerSettings settings = settings("producer.symbols=[BTCUSDT]", "producer.includeChecksums=false");

        // When
        List<PlannedObject> found = enumerate(settings);

        // Then the three daily kline zips, no sidecar, nothing outside the layout
        assertThat(found).extracting(PlannedObject::key).containsExactly(
                "data/spot/daily/klines/BTCUSDT/1m/BTCUSDT-1m-2024-01-01.zip",
                "data/spot/daily/klines/BTCUSDT/1m/BTCUSDT-1m-2024-01-02.zip",
                "data/spot/daily/klines/BTCUSDT/1m/BTCUSDT-1m-2024-01-03.zip");
    }

    @Test
    void shouldDiscoverSymbolsByListingWhenNoneAreConfigured() {
        // Given no symbols, the futures market and an open-ended range from the third day
        ProducerSettings settings = settings("producer.symbols=[]", "producer.markets=[futures/um]",
                "producer.dataTypes=[aggTrades]", "producer.from=2024-01-03");

        // When
        List<PlannedObject> found = enumerate(settings);

        // Then both generated symbols are found, each with its zip and sidecar
        assertThat(found).extracting(PlannedObject::key).containsExactlyInAnyOrder(
                "data/futures/um/daily/aggTrades/BTCUSDT/BTCUSDT-aggTrades-2024-01-03.zip",
                "data/futures/um/daily/aggTrades/BTCUSDT/BTCUSDT-aggTrades-2024-01-03.zip.CHECKSUM",
                "data/futures/um/daily/aggTrades/ETHUSDT/ETHUSDT-aggTrades-2024-01-03.zip",
                "data/futures/um/daily/aggTrades/ETHUSDT/ETHUSDT-aggTrades-2024-01-03.zip.CHECKSUM");
    }

    @Test
    void shouldIncludeAMonthlyFileThatOverlapsTheRange() {
        // Given a range that starts in the middle of the month
        ProducerSettings settings = settings("producer.frequency=monthly", "producer.from=2024-01-15",
                "producer.to=2024-02-10");
        ProducerSettings after = settings("producer.frequency=monthly", "producer.from=2024-02-01");

        // When / Then
        assertThat(enumerate(settings)).extracting(PlannedObject::key).containsExactly(MONTHLY_KEY);
        assertThat(enumerate(after)).isEmpty();
    }

    @Test
    void shouldBuildRequestsThatMirrorTheSourceKeyUnderThePrefix() {
        // Given one listed object
        ProducerSettings settings = settings("producer.symbols=[ETHUSDT]", "producer.from=2024-01-01",
                "producer.to=2024-01-01", "producer.includeChecksums=false");
        PlannedObject object = enumerate(settings).get(0);

        // When
        var request = new RequestFactory(settings, java.time.Clock.fixed(
                java.time.Instant.parse("2024-01-05T00:00:00Z"), java.time.ZoneOffset.UTC)).create(object);

        // Then
        assertThat(object.key()).isEqualTo("data/spot/daily/klines/ETHUSDT/1m/ETHUSDT-1m-2024-01-01.zip");
        assertThat(request.getSource().getUri()).isEqualTo("s3://" + bucket + "/" + object.key());
        assertThat(request.getSource().getAnonymous()).isFalse();
        assertThat(request.getSource().getRegion()).isEqualTo(s3.region());
        assertThat(request.getDestination().getBucket()).isEqualTo("mirror");
        assertThat(request.getDestination().getKey()).isEqualTo("binance/" + object.key());
        assertThat(RecordKey.of(request)).isEqualTo("mirror/binance/" + object.key());
        assertThat(request.getExpectedSize()).isEqualTo(object.size());
        assertThat(request.getExpectedEtag()).isEqualTo(object.etag());
        assertThat(request.getArchive().getSymbol()).isEqualTo("ETHUSDT");
        assertThat(request.getArchive().getInterval()).isEqualTo("1m");
        assertThat(request.getArchive().getDate()).isEqualTo("2024-01-01");
        assertThat(request.getArchive().getSidecar()).isFalse();
        assertThat(request.getRequestedAt()).isEqualTo(java.time.Instant.parse("2024-01-05T00:00:00Z"));
    }

    @Test
    void shouldPlanTheSameObjectsByListingAsByGeneratingKeysOnASeededArchive() {
        // Given the seeded archive's whole extent, once for each strategy
        String[] selection = {"producer.markets=[spot, futures/um]", "producer.dataTypes=[klines, aggTrades]",
                "producer.symbols=[BTCUSDT, ETHUSDT]", "producer.from=2024-01-01", "producer.to=2024-01-03"};
        ProducerSettings listing = settings(concat(selection, "producer.strategy=list"));
        ProducerSettings generating = settings(concat(selection, "producer.strategy=generate"));

        // When
        List<PlannedObject> listed = enumerate(listing);
        List<PlannedObject> generated = enumerate(generating);

        // Then both plan exactly what SampleArchive wrote; only listing knows sizes and ETags
        List<String> written = ArchiveEnumeratorIT.written.stream().map(SampleArchive.Entry::key).toList();
        assertThat(written).hasSize(48);
        assertThat(listed).extracting(PlannedObject::key).containsExactlyInAnyOrderElementsOf(written);
        assertThat(generated).extracting(PlannedObject::key).containsExactlyInAnyOrderElementsOf(written);
        assertThat(listed).allSatisfy(o -> assertThat(o.etag()).isNotNull());
        assertThat(generated).allSatisfy(o -> assertThat(o.size()).isNull());
    }

    @Test
    void shouldGenerateKeysTheArchiveDoesNotHaveWhereListingFindsNothing() {
        // Given a day after the seeded range
        String[] selection = {"producer.symbols=[BTCUSDT]", "producer.from=2024-01-04", "producer.to=2024-01-04"};

        // When / Then: generate plans the keys (the copier will report NOT_FOUND), list finds nothing
        assertThat(enumerate(settings(concat(selection, "producer.strategy=generate"))))
                .extracting(PlannedObject::key).containsExactly(
                        "data/spot/daily/klines/BTCUSDT/1m/BTCUSDT-1m-2024-01-04.zip",
                        "data/spot/daily/klines/BTCUSDT/1m/BTCUSDT-1m-2024-01-04.zip.CHECKSUM");
        assertThat(enumerate(settings(concat(selection, "producer.strategy=list")))).isEmpty();
    }

    @Test
    void shouldPageThroughListingsLongerThanOnePageAndStopAtTheEndOfTheRange() {
        // Given one folder of 1,100 keys (550 days with sidecars): more than one ListObjectsV2 page of 1,000
        String big = "archive-" + UUID.randomUUID();
        client.createBucket(b -> b.bucket(big));
        LocalDate first = LocalDate.of(2020, 1, 1);
        String folder = "data/spot/daily/trades/LONGUSDT/";
        java.util.stream.IntStream.range(0, 550).parallel().forEach(d -> {
            String key = folder + "LONGUSDT-trades-" + first.plusDays(d) + ".zip";
            client.putObject(b -> b.bucket(big).key(key), RequestBody.fromString("z"));
            client.putObject(b -> b.bucket(big).key(key + ".CHECKSUM"), RequestBody.fromString("c"));
        });
        var config = EnumeratorConfigs.load(s3, big, "producer.dataTypes=[trades]", "producer.symbols=[]");

        // When the whole folder is listed, and then only its last 10 days
        List<PlannedObject> all = new ArrayList<>();
        List<PlannedObject> tail = new ArrayList<>();
        try (S3Client source = S3Clients.sync(config.s3(), config.producer().sourceRegion(), false)) {
            new ArchiveEnumerator(source, config.producer()).enumerate(all::add);
            var lastDays = EnumeratorConfigs.load(s3, big, "producer.dataTypes=[trades]",
                    "producer.from=" + first.plusDays(540), "producer.to=" + first.plusDays(549)).producer();
            new ArchiveEnumerator(source, lastDays).enumerate(tail::add);
        }

        // Then every key once, in order, the symbol discovered by listing
        assertThat(all).hasSize(1_100).extracting(PlannedObject::key).doesNotHaveDuplicates().isSorted();
        assertThat(tail).hasSize(20).first().extracting(PlannedObject::key)
                .isEqualTo(folder + "LONGUSDT-trades-" + first.plusDays(540) + ".zip");
    }

    @Test
    void shouldListAPublicArchiveWithoutCredentials() {
        // Given a public-read bucket, as data.binance.vision is
        String open = "public-" + UUID.randomUUID();
        client.createBucket(b -> b.bucket(open).acl(BucketCannedACL.PUBLIC_READ));
        String key = "data/spot/daily/klines/BTCUSDT/1m/BTCUSDT-1m-2024-01-01.zip";
        client.putObject(b -> b.bucket(open).key(key)
                .acl(ObjectCannedACL.PUBLIC_READ), RequestBody.fromString("z"));
        var config = EnumeratorConfigs.load(s3, open, "producer.anonymousSource=true", "producer.symbols=[]",
                "producer.includeChecksums=false");

        // When the enumerator lists it with an anonymous client, symbols included
        List<PlannedObject> found = new ArrayList<>();
        try (S3Client anonymous = S3Clients.sync(config.s3(), config.producer().sourceRegion(), true)) {
            new ArchiveEnumerator(anonymous, config.producer()).enumerate(found::add);
        }

        // Then
        assertThat(found).extracting(PlannedObject::key).containsExactly(key);
    }

    private static String[] concat(String[] a, String b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + 1);
        all[a.length] = b;
        return all;
    }

    private static ProducerSettings settings(String... overrides) {
        return EnumeratorConfigs.load(s3, bucket, overrides).producer();
    }

    private static List<PlannedObject> enumerate(ProducerSettings settings) {
        var config = EnumeratorConfigs.load(s3, bucket);
        List<PlannedObject> found = new ArrayList<>();
        try (S3Client source = S3Clients.sync(config.s3(), settings.sourceRegion(), settings.anonymousSource())) {
            long count = new ArchiveEnumerator(source, settings).enumerate(found::add);
            assertThat(count).isEqualTo(found.size());
        }
        return found;
    }

    private static String md5(String key) throws Exception {
        byte[] bytes = client.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    }

    private static void put(String key, String content) {
        client.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(content));
    }
}
