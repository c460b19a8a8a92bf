package io.archivesync.cli.oneshot;

import io.archivesync.avro.FileSyncRequest;
import io.archivesync.core.config.AppConfig;
import io.archivesync.core.topic.Topics;
import java.util.function.Consumer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The requests the processor dead-lettered, read back from the dead-letter topic (it keeps each refused request's
 * original bytes). Records that are not requests in the wire format (garbage that was never a request) are passed
 * over: nothing selects them.
 */
final class DeadLetters {

    private DeadLetters() {
    }

    static long read(AppConfig config, Topics topics, Consumer<FileSyncRequest> sink) {
        var reader = topics.requests().valueSerde().deserializer();
        return TopicSnapshot.read(config, topics.deadLetter(), bytes -> {
            try {
                sink.accept(reader.deserialize(topics.requests().name(), bytes));
            } catch (SerializationException | IllegalArgumentException e) {
                // not a request: nothing of a job or prefix
            }
        });
    }
}
