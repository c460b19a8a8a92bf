package io.archivesync.cli.oneshot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.archivesync.embedded.Stack;
import io.archivesync.embedded.StackExtension;
import io.archivesync.embedded.archive.SampleArchive;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code status}, {@code history} and {@code retry} on the state a {@code mirror} left, with one zip whose published
 * checksum was wrong and is then put right.
 */
@ExtendWith(StackExtension.class)
class StatusRetryHistoryIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldShowTheFailureThenRetryItOnceItsCauseIsFixed(Stack stack, @TempDir Path state) throws Exception {
        // Given a mirror that ended with one zip FAILED_CHECKSUM (its .CHECKSUM was wrong)
        String archive = CopyCommandIT.bucket("archive");
        String dst = CopyCommandIT.bucket("mirror");
        try (S3Client s3 = stack.s3().newClient()) {
            s3.createBucket(b -> b.bucket(archive));
            s3.createBucket(b -> b.bucket(dst));
            List<SampleArchive.Entry> entries = SampleArchive.generate(s3, archive, new SampleArchive.Spec(
                    List.of("spot"), List.of("BTCUSDT"), List.of("klines"), LocalDate.of(2024, 3, 1), 2, "1m", 50));
            String badZip = entries.stream().map(SampleArchive.Entry::key).filter(k -> k.endsWith(".zip"))
                    .findFirst().orElseThrow();
            String rightChecksum = new String(CopyCommandIT.get(s3, archive, badZip + ".CHECKSUM"),
                    StandardCharsets.UTF_8);
            CopyCommandIT.put(s3, archive, badZip + ".CHECKSUM", "0".repeat(64) + "  " + badZip);
            OneShotRun mirror = OneShotRun.run(stack, state, "mirror", "s3://" + dst + "/binance", "--json",
                    "--symbol", "BTCUSDT", "--from", "2024-03-01", "--to", "2024-03-02",
                    "--set", "producer.sourceBucket=" + archive, "--set", "producer.sourceRegion="
                            + stack.s3().region(), "--set", "producer.anonymousSource=false");
            assertThat(mirror.exitCode()).as(mirror.err()).isEqualTo(1);
            String job = JSON.readTree(mirror.out()).get("jobId").asText();
            String badKey = dst + "/binance/" + badZip;

            // When status runs on the job
            OneShotRun status = OneShotRun.run(stack, state, "status", job, "--json");

            // Then it counts every object, one failure with its reason, nothing in flight
            assertThat(status.exitCode()).as(status.err()).isZero();
            JsonNode report = JSON.readTree(status.out());
            assertThat(report.get("objects").asLong()).isEqualTo(entries.size());
            assertThat(report.get("inFlight").asLong()).isZero();
            assertThat(report.get("notGood").asLong()).isEqualTo(1);
            assertThat(report.get("outcomes").get("COPIED").asLong()).isEqualTo(entries.size() - 1);
            assertThat(report.get("outcomes").get("FAILED_CHECKSUM").asLong()).isEqualTo(1);
            assertThat(report.get("failures")).hasSize(1);
            assertThat(report.get("failures").get(0).get("destination").asText()).isEqualTo("s3://" + badKey);
            assertThat(report.get("failures").get(0).get("reason").asText()).isNotBlank();
            assertThat(report.get("storageRequests").asLong()).isPositive();
            assertThat(report.get("baselineRequests").asLong()).isEqualTo(2L * (entries.size() - 1));

            // and by destination prefix, as a person reads it
            OneShotRun byPrefix = OneShotRun.run(stack, state, "status", "s3://" + dst + "/binance");
            assertThat(byPrefix.exitCode()).as(byPrefix.err()).isZero();
            assertThat(byPrefix.out()).contains("FAILED_CHECKSUM 1").contains("last failures:")
                    .contains("s3://" + badKey + "  FAILED_CHECKSUM");

            // When history runs on the zip
            OneShotRun history = OneShotRun.run(stack, state, "history", "s3://" + badKey, "--json");

            // Then it shows its one result
            assertThat(history.exitCode()).as(history.err()).isZero();
            JsonNode first = JSON.readTree(history.out()).get("results");
            assertThat(first).hasSize(1);
            assertThat(first.get(0).get("outcome").asText()).isEqualTo("FAILED_CHECKSUM");

            // When the checksum is put right and retry runs on the job
            CopyCommandIT.put(s3, archive, badZip + ".CHECKSUM", rightChecksum);
            OneShotRun retry = OneShotRun.run(stack, state, "retry", job, "--json");

            // Then it requests that one object again, copies it, and exits 0
            assertThat(retry.exitCode()).as(retry.out() + retry.err()).isZero();
            JsonNode summary = JSON.readTree(retry.out());
            assertThat(summary.get("objects").asLong()).isEqualTo(1);
            assertThat(summary.get("copied").asLong()).isEqualTo(1);
            assertThat(summary.get("jobId").asText()).isEqualTo(job);
            assertThat(CopyCommandIT.get(s3, dst, "binance/" + badZip)).isEqualTo(CopyCommandIT.get(s3, archive,
                    badZip));

            // and history shows both results, the last good; status shows nothing left to do
            JsonNode both = JSON.readTree(OneShotRun.run(stack, state, "history", badKey, "--json").out())
                    .get("results");
            assertThat(both).hasSize(2);
            assertThat(both.get(0).get("outcome").asText()).isEqualTo("FAILED_CHECKSUM");
            assertThat(both.get(1).get("outcome").asText()).isEqualTo("COPIED");
            JsonNode after = JSON.readTree(OneShotRun.run(stack, state, "status", job, "--json").out());
            assertThat(after.get("notGood").asLong()).isZero();
            assertThat(after.get("results").asLong()).isEqualTo(entries.size() + 1);
            OneShotRun again = OneShotRun.run(stack, state, "retry", "s3://" + dst + "/binance");
            assertThat(again.exitCode()).as(again.err()).isZero();
            assertThat(again.out()).startsWith("nothing to retry");
        }
    }
}
