package io.archivesync.processor.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.EfficiencyAggregate;
import io.archivesync.core.log.LogSafe;
import io.archivesync.core.topic.DeadLetterHeaders;
import io.archivesync.core.topic.ReadCommitted;
import io.archivesync.core.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's one thread: a group-less consumer of results, efficiency aggregates and dead letters, from their
 * ends (committed records only), folding each into the view; every push interval it sends the view to the open
 * pages. Unreadable records are skipped: the dashboard must never stop on someone else's poison.
 */
final class DashboardFeed implements Runnable {

    private static final Logger LOGGER = LoggerFactory.getLogger(DashboardFeed.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(200);

    private final Map<String, Object> clientConfig;
    private final String clientId;
    private final Topics topics;
    private final DashboardView view;
    private final EventStream events;
    private final long pushMillis;
    private final Deserializer<CopyResult> results;
    private final Deserializer<EfficiencyAggregate> aggregates;
    private volatile boolean running = true;
    private volatile KafkaConsumer<String, byte[]> consumer;

    DashboardFeed(Map<String, Object> clientConfig, String clientId, Topics topics, DashboardView view,
                  EventStream events, Duration pushInterval) {
        this.clientConfig = clientConfig;
        this.clientId = clientId;
        this.topics = topics;
        this.view = view;
        this.events = events;
        this.pushMillis = pushInterval.toMillis();
        this.results = topics.results().valueSerde().deserializer();
        this.aggregates = topics.aggregates().valueSerde().deserializer();
    }

    @Override
    public void run() {
        Map<String, Object> c = new HashMap<>(clientConfig);
        c.remove(ConsumerConfig.GROUP_ID_CONFIG);
        ReadCommitted.apply(c);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(c, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer = kafka;
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(topics.results().name(), topics.aggregates().name(),
                    topics.deadLetter().name())) {
                kafka.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            kafka.assign(partitions);
            kafka.seekToEnd(partitions);
            partitions.forEach(kafka::position);
            LOGGER.info("dashboard feed reading partitions={}", partitions.size());
            long nextPush = 0;
            while (running) {
                for (ConsumerRecord<String, byte[]> r : kafka.poll(POLL)) {
                    apply(r);
                }
                long now = System.currentTimeMillis();
                if (now >= nextPush) {
                    events.broadcast(JSON.writeValueAsString(view.snapshot(now)));
                    nextPush = now + pushMillis;
                }
            }
        } catch (WakeupException e) {
            if (running) {
                LOGGER.warn("dashboard feed woken up while running; it stops");
            }
        } catch (JsonProcessingException | RuntimeException e) {
            LOGGER.warn("dashboard feed stopped error={}", LogSafe.escape(e.toString()));
        }
    }

    private void apply(ConsumerRecord<String, byte[]> r) {
        try {
            if (r.topic().equals(topics.results().name())) {
                view.onResult(results.deserialize(r.topic(), r.value()), System.currentTimeMillis());
            } else if (r.topic().equals(topics.aggregates().name())) {
                view.onAggregate(r.key(), aggregates.deserialize(r.topic(), r.value()));
            } else {
                view.onDeadLetter(header(r, DeadLetterHeaders.KIND, "OTHER"),
                        header(r, DeadLetterHeaders.REASON, "(no reason header)"), r.timestamp());
            }
        } catch (SerializationException | NullPointerException e) {
            LOGGER.debug("dashboard skips an unreadable record topic={} partition={} offset={}", r.topic(),
                    r.partition(), r.offset());
        }
    }

    private static String header(ConsumerRecord<String, byte[]> r, String name, String absent) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? absent : new String(h.value(), StandardCharsets.UTF_8);
    }

    void stop() {
        running = false;
        KafkaConsumer<String, byte[]> kafka = consumer;
        if (kafka != null) {
            kafka.wakeup();
        }
    }
}
