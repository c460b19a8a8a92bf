package io.archivesync.processor;

import io.archivesync.core.config.AppConfig;
import io.archivesync.core.topic.Topics;
import java.util.Properties;

/** Lets topology tests run with exactly the Streams settings the service uses. */
public final class ProcessorServiceAccess {

    private ProcessorServiceAccess() {
    }

    public static Properties streamsConfig(AppConfig config, Topics topics) {
        return ProcessorService.streamsConfig(config, topics);
    }
}
