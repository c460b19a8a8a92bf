package io.archivesync.cli.oneshot;

import io.archivesync.avro.CopyResult;
import io.archivesync.core.config.AppConfig;
import io.archivesync.core.config.ConfigLoader;
import io.archivesync.core.topic.Topic;
import io.archivesync.core.topic.Topics;
import io.archivesync.embedded.EmbeddedKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * What the results topic of a state directory holds, committed results only, read by starting its persistent broker
 * the way the command does, once no command holds the directory.
 */
final class StateResults {

    private StateResults() {
    }

    static List<ConsumerRecord<String, CopyResult>> read(Path stateDir) {
        try (StateDir state = StateDir.lock(stateDir);
             EmbeddedKafka kafka = EmbeddedKafka.startPersistent(state.kafkaDir())) {
            AppConfig config = ConfigLoader.fromEnvironment().load(null,
                    LocalPipeline.overrides(kafka.bootstrapServers(), state, false));
            Topics topics = Topics.create(config);
            PinnedSchemas.register(LocalPipeline.REGISTRY.substring("mock://".length()), topics);
            return readAll(config, topics.results());
        }
    }

    private static List<ConsumerRecord<String, CopyResult>> readAll(AppConfig config,
                                                                    Topic<String, CopyResult> results) {
        Map<String, Object> client = config.kafka().clientConfig();
        client.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, CopyResult>> read = new ArrayList<>();
        try (KafkaConsumer<String, CopyResult> consumer = new KafkaConsumer<>(client,
                results.keySerde().deserializer(), results.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(results.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(read::add);
            }
        }
        return read;
    }
}
