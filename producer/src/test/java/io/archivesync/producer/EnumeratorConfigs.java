package io.archivesync.producer;

import io.archivesync.core.config.AppConfig;
import io.archivesync.core.config.ConfigLoader;
import io.archivesync.core.config.EnvSubstitution;
import io.archivesync.embedded.Stack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Loads the configuration a producer would run with against the stack's S3, through the real loader. */
final class EnumeratorConfigs {

    private EnumeratorConfigs() {
    }

    /** @param overrides {@code --set} flags applied after the ones that point at the stack */
    static AppConfig load(Stack.S3Endpoint s3, String sourceBucket, String... overrides) {
        List<String> flags = new ArrayList<>(List.of(
                "s3.endpoint=" + s3.endpoint(),
                "s3.region=" + s3.region(),
                "s3.accessKey=" + s3.accessKey(),
                "s3.secretKey=" + s3.secretKey(),
                "s3.pathStyle=true",
                "producer.sourceBucket=" + sourceBucket,
                "producer.anonymousSource=false",
                "producer.sourceRegion=" + s3.region(),
                "producer.destinationBucket=mirror",
                "producer.destinationPrefix=binance/"));
        flags.addAll(List.of(overrides));
        return new ConfigLoader(new EnvSubstitution(Map.<String, String>of()::get)).load(null, flags);
    }
}
