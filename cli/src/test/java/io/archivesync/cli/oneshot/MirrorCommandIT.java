package io.archivesync.cli.oneshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.archivesync.embedded.Stack;
import io.archivesync.embedded.StackExtension;
import io.archivesync.embedded.archive.SampleArchive;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/** {@code archive-sync mirror} on a Binance-like archive in S3Proxy, with one zip whose checksum does not match. */
@ExtendWith(StackExtension.class)
class MirrorCommandIT {

    @Test
    void shouldExitOneNamingTheObjectThatFailed(Stack stack, @TempDir Path state) {
        // Given an archive of 2 days x 1 symbol, and one published checksum that is wrong
        String archive = CopyCommandIT.bucket("archive");
        String dst = CopyCommandIT.bucket("mirror");
        try (S3Client s3 = stack.s3().newClient()) {
            s3.createBucket(b -> b.bucket(archive));
            s3.createBucket(b -> b.bucket(dst));
            List<SampleArchive.Entry> entries = SampleArchive.generate(s3, archive, new SampleArchive.Spec(
                    List.of("spot"), List.of("BTCUSDT"), List.of("klines"), LocalDate.of(2024, 3, 1), 2, "1m", 50));
            String badZip = entries.stream().map(SampleArchive.Entry::key).filter(k -> k.endsWith(".zip"))
                    .findFirst().orElseThrow();
            CopyCommandIT.put(s3, archive, badZip + ".CHECKSUM", "0".repeat(64) + "  " + badZip);

            // When mirror runs
            OneShotRun run = OneShotRun.run(stack, state, "mirror", "s3://" + dst + "/binance",
                    "--symbol", "BTCUSDT", "--from", "2024-03-01", "--to", "2024-03-02",
                    "--set", "producer.sourceBucket=" + archive, "--set", "producer.sourceRegion="
                            + stack.s3().region(), "--set", "producer.anonymousSource=false");

            // Then it exits 1, naming the zip and its outcome; everything else was mirrored
            assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
            assertThat(run.out()).contains("objects     " + entries.size() + ": copied " + (entries.size() - 1))
                    .contains("failed 1").contains("binance/" + badZip + "  FAILED_CHECKSUM")
                    .contains("run the same command again");
        }
    }
}
