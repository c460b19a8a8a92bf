package io.archivesync.sink.copy;

import io.archivesync.core.config.ConfigLoader;
import io.archivesync.core.config.EnvSubstitution;
import io.archivesync.core.config.S3Settings;
import io.archivesync.embedded.Stack;
import java.util.List;
import java.util.Map;

/** The S3 settings a copier would run with against the stack's S3, loaded through the real loader. */
final class CopierConfigs {

    private CopierConfigs() {
    }

    static S3Settings s3(Stack.S3Endpoint s3) {
        return new ConfigLoader(new EnvSubstitution(Map.<String, String>of()::get)).load(null, List.of(
                "s3.endpoint=" + s3.endpoint(),
                "s3.region=" + s3.region(),
                "s3.accessKey=" + s3.accessKey(),
                "s3.secretKey=" + s3.secretKey(),
                "s3.pathStyle=true",
                "s3.maxConcurrency=8")).s3();
    }
}
