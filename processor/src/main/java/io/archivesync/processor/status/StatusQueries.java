package io.archivesync.processor.status;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.EfficiencyAggregate;
import io.archivesync.processor.aggregate.EfficiencyTopology;
import io.archivesync.processor.dedup.DroppedRepeats;
import io.archivesync.processor.topology.SyncTopology;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Interactive queries over the named stores, across instances: a key lives on one instance (Streams says which), and
 * totals are spread over all of them, so each instance answers for its own part and asks the others for theirs.
 */
final class StatusQueries {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Record timestamps, which place the repeats' windows, may run ahead of the clock; any window is looked at. */
    private static final Instant FAR_FUTURE = Instant.parse("9999-12-31T00:00:00Z");

    private final KafkaStreams streams;
    private final HostInfo self;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    StatusQueries(KafkaStreams streams, HostInfo self) {
        this.streams = streams;
        this.self = self;
    }

    /**
     * The latest result for {@code bucket/key} and the repeats dedup dropped for it (which get no result of their
     * own), from whichever instance holds them; empty when there is neither.
     */
    Optional<Map<String, Object>> object(String destination, boolean localOnly) throws IOException,
            InterruptedException {
        KeyQueryMetadata where = streams.queryMetadataForKey(SyncTopology.LATEST_RESULTS_STORE, destination,
                new StringSerializer());
        if (localOnly || where == null || where.activeHost().equals(self)
                || where.activeHost().equals(HostInfo.unavailable())) {
            CopyResult r = this.<CopyResult>localStore(SyncTopology.LATEST_RESULTS_STORE).get(destination);
            DroppedRepeats repeats = localRepeats(destination);
            if (r == null && repeats == null) {
                return Optional.empty();
            }
            Map<String, Object> answer = r == null ? StatusJson.noResult(destination) : StatusJson.result(r);
            if (repeats != null) {
                answer.put("droppedRepeats", StatusJson.repeats(repeats));
            }
            return Optional.of(answer);
        }
        HttpResponse<String> answer = get(where.activeHost(), "/objects/" + destination, true);
        if (answer.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(JSON.readValue(answer.body(), new TypeReference<Map<String, Object>>() { }));
    }

    /** Running totals per market, data type and method, summed over every instance. */
    Map<String, Map<String, Object>> totals(boolean localOnly) throws IOException, InterruptedException {
        Map<String, Map<String, Object>> all = new TreeMap<>();
        try (KeyValueIterator<String, EfficiencyAggregate> it =
                     this.<EfficiencyAggregate>localStore(EfficiencyTopology.TOTALS_STORE).all()) {
            it.forEachRemaining(kv -> all.put(kv.key, StatusJson.aggregate(kv.value)));
        }
        if (localOnly) {
            return all;
        }
        for (StreamsMetadata instance : streams.metadataForAllStreamsClients()) {
            if (instance.hostInfo().equals(self)) {
                continue;
            }
            HttpResponse<String> answer = get(instance.hostInfo(), "/totals", true);
            all.putAll(JSON.readValue(answer.body(), new TypeReference<Map<String, Map<String, Object>>>() { }));
        }
        return all;
    }

    /** The repeats dropped for {@code destination} in every window still kept, as one; null when none. */
    private DroppedRepeats localRepeats(String destination) {
        ReadOnlyWindowStore<String, DroppedRepeats> store = streams.store(StoreQueryParameters.fromNameAndType(
                SyncTopology.REPEATS_STORE, QueryableStoreTypes.<String, DroppedRepeats>windowStore()));
        DroppedRepeats all = null;
        try (WindowStoreIterator<DroppedRepeats> it = store.fetch(destination, Instant.EPOCH, FAR_FUTURE)) {
            while (it.hasNext()) {
                DroppedRepeats window = it.next().value;
                all = all == null ? window : all.merge(window);
            }
        }
        return all;
    }

    private <V> ReadOnlyKeyValueStore<String, V> localStore(String name) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
    }

    private HttpResponse<String> get(HostInfo host, String path, boolean local) throws IOException,
            InterruptedException {
        String encoded = path.startsWith("/objects/")
                ? "/objects/" + URLEncoder.encode(path.substring("/objects/".length()), StandardCharsets.UTF_8)
                : path;
        URI uri = URI.create("http://" + host.host() + ":" + host.port() + encoded + (local ? "?local=true" : ""));
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
