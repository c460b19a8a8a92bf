package io.archivesync.sink.copy;

import io.archivesync.core.config.AppConfig;
import io.archivesync.core.config.ConfigLoader;
import io.archivesync.core.config.EnvSubstitution;
import io.archivesync.core.config.S3Settings;
import io.archivesync.core.config.SinkSettings;
import io.archivesync.embedded.Stack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The settings a copier would run with against the stack's S3, loaded through the real loader. */
final class CopierConfigs {

    private CopierConfigs() {
    }

    static S3Settings s3(Stack.S3Endpoint s3) {
        return config(s3).s3();
    }

    /**
     * Sink settings with fast retries, so tests of retries stay quick, plus the given overrides. HTTP sources are
     * allowed on private addresses, since the tests' own HTTP servers listen on loopback.
     */
    static SinkSettings sink(Stack.S3Endpoint s3, String... overrides) {
        return config(s3, overrides).sink();
    }

    static AppConfig config(Stack.S3Endpoint s3, String... overrides) {
        List<String> o = new ArrayList<>(List.of(
                "s3.endpoint=" + s3.endpoint(),
                "s3.region=" + s3.region(),
                "s3.accessKey=" + s3.accessKey(),
                "s3.secretKey=" + s3.secretKey(),
                "s3.pathStyle=true",
                "s3.maxConcurrency=8",
                "sink.retry.initialBackoff=5ms",
                "sink.retry.maxBackoff=20ms",
                "sink.allowPrivateSources=true"));
        o.addAll(List.of(overrides));
        return new ConfigLoader(new EnvSubstitution(Map.<String, String>of()::get)).load(null, o);
    }
}
