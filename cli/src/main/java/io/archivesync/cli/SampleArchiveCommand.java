package io.archivesync.cli;

import io.archivesync.core.config.AppConfig;
import io.archivesync.core.s3.S3Clients;
import io.archivesync.core.s3.S3Failures;
import io.archivesync.embedded.archive.SampleArchive;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

/** Writes a small Binance-like archive into a bucket, to try the pipeline without the real one. */
@Command(name = "sample-archive", mixinStandardHelpOptions = true,
        description = "Generate a small archive laid out like data.binance.vision into a bucket (created if missing).")
final class SampleArchiveCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Option(names = "--bucket", defaultValue = "data.binance.vision", description = "target bucket")
    String bucket;

    @Option(names = "--days", defaultValue = "7", description = "daily files per symbol and data type")
    int days;

    @Option(names = "--first-day", defaultValue = "2024-01-01", description = "date of the first daily file")
    LocalDate firstDay;

    @Override
    public Integer call() {
        AppConfig config = options.load(List.of());
        SampleArchive.Spec demo = SampleArchive.Spec.demo();
        SampleArchive.Spec spec = new SampleArchive.Spec(demo.markets(), demo.symbols(), demo.dataTypes(), firstDay,
                days, demo.interval(), demo.rows());
        try (S3Client s3 = S3Clients.sync(config.s3(), null, false)) {
            try {
                s3.createBucket(b -> b.bucket(bucket));
            } catch (BucketAlreadyOwnedByYouException e) {
                // already there: regenerate the files in place
            }
            List<SampleArchive.Entry> written = SampleArchive.generate(s3, bucket, spec);
            System.out.printf("wrote %d objects to s3://%s/data/%n", written.size(), bucket);
        } catch (SdkException e) {
            throw S3Failures.startupFailure(e, config.s3(), "writing the sample archive to s3://" + bucket);
        }
        return 0;
    }
}
