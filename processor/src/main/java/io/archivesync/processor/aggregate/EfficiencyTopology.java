package io.archivesync.processor.aggregate;

import io.archivesync.avro.CopyResult;
import io.archivesync.avro.EfficiencyAggregate;
import io.archivesync.core.config.PriceSettings;
import io.archivesync.core.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Turns results into efficiency aggregates per market, data type and method, for stream-based dashboards: tumbling
 * windows (throughput = bytes over the window) and running totals (throughput = bytes over busy time), both written
 * to the aggregates topic. Totals carry null window bounds.
 */
public final class EfficiencyTopology {

    public static final String WINDOWS_STORE = "efficiency-windows";
    public static final String TOTALS_STORE = "efficiency-totals";
    private static final Duration GRACE = Duration.ofSeconds(30);

    private EfficiencyTopology() {
    }

    public static void addTo(KStream<String, CopyResult> results, Topics topics, Duration window,
                             PriceSettings prices) {
        KGroupedStream<String, CopyResult> grouped = results.groupBy((key, r) -> Efficiency.key(r),
                Grouped.with("results-by-market-type-method", topics.results().keySerde(),
                        topics.results().valueSerde()));
        Produced<String, EfficiencyAggregate> produced =
                Produced.with(topics.aggregates().keySerde(), topics.aggregates().valueSerde());

        grouped.windowedBy(TimeWindows.ofSizeAndGrace(window, GRACE))
                .aggregate(Efficiency::empty, (key, r, a) -> Efficiency.add(r, a, prices), Named.as("aggregate-per-window"),
                        Materialized.<String, EfficiencyAggregate, WindowStore<Bytes, byte[]>>as(WINDOWS_STORE)
                                .withKeySerde(topics.aggregates().keySerde())
                                .withValueSerde(topics.aggregates().valueSerde()))
                .toStream(Named.as("window-updates"))
                .map((w, a) -> {
                    EfficiencyAggregate out = EfficiencyAggregate.newBuilder(a)
                            .setWindowStart(Instant.ofEpochMilli(w.window().start()))
                            .setWindowEnd(Instant.ofEpochMilli(w.window().end()))
                            .setThroughputBytesPerSecond(Efficiency.throughput(a.getBytes(),
                                    w.window().end() - w.window().start()))
                            .build();
                    return KeyValue.pair(w.key() + "|" + w.window().startTime(), out);
                }, Named.as("window-to-aggregate"))
                .to(topics.aggregates().name(), produced.withName("window-aggregates-sink"));

        grouped.aggregate(Efficiency::empty, (key, r, a) -> Efficiency.add(r, a, prices), Named.as("aggregate-totals"),
                        Materialized.<String, EfficiencyAggregate, KeyValueStore<Bytes, byte[]>>as(TOTALS_STORE)
                                .withKeySerde(topics.aggregates().keySerde())
                                .withValueSerde(topics.aggregates().valueSerde()))
                .toStream(Named.as("total-updates"))
                .mapValues(a -> EfficiencyAggregate.newBuilder(a)
                        .setThroughputBytesPerSecond(Efficiency.throughput(a.getBytes(), a.getBusyMillis()))
                        .build(), Named.as("total-to-aggregate"))
                .to(topics.aggregates().name(), Produced.with(topics.aggregates().keySerde(),
                        topics.aggregates().valueSerde()).withName("total-aggregates-sink"));
    }
}
