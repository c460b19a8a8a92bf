package io.archivesync.cli.oneshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.archivesync.cli.Main;
import io.archivesync.embedded.Stack;
import io.archivesync.embedded.StackExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * {@code sync --watch} through the command line, a local directory against S3Proxy: a local write reaches the
 * bucket, a bucket write reaches the directory within the interval, and stopping it ends it with the last run's
 * exit code.
 */
@ExtendWith(StackExtension.class)
class SyncWatchIT {

    @Test
    void shouldKeepSyncingBothWaysUntilStopped(Stack stack, S3Client s3, @TempDir Path state, @TempDir Path dir)
            throws Exception {
        // Given a watch between an empty directory and an empty S3 prefix, listed every second
        String bucket = "sync-watch-" + UUID.randomUUID().toString().substring(0, 8);
        s3.createBucket(r -> r.bucket(bucket));
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        SyncCommand command = cli.getSubcommands().get("sync").getCommand();
        List<String> args = OneShotRun.arguments(stack, state, "sync", dir.toString(), "s3://" + bucket + "/team",
                "--s3-check-by-head", "--watch", "--interval", "1s");
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                    () -> cli.execute(args.toArray(String[]::new)), thread);
            await().atMost(Duration.ofSeconds(60)).until(() -> out.toString().contains("run 1 (first)"));

            // When a file is written locally, in a directory made after the watch started
            Files.createDirectories(dir.resolve("notes/q3"));
            Files.writeString(dir.resolve("notes/q3/plan.md"), "from the laptop");

            // Then it reaches the bucket
            await().atMost(Duration.ofSeconds(20)).until(() -> exists(s3, bucket, "team/notes/q3/plan.md"));
            assertThat(s3.getObjectAsBytes(r -> r.bucket(bucket).key("team/notes/q3/plan.md")).asUtf8String())
                    .isEqualTo("from the laptop");

            // When an object is written to the bucket, Then it reaches the directory within the interval
            s3.putObject(r -> r.bucket(bucket).key("team/from-cloud.txt"), RequestBody.fromString("from the cloud"));
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(dir.resolve("from-cloud.txt")));
            assertThat(Files.readString(dir.resolve("from-cloud.txt"))).isEqualTo("from the cloud");

            // When the watch is stopped, Then it ends after its current run, in sync: exit 0
            command.wakeup.stop();
            assertThat(exit.get(60, TimeUnit.SECONDS)).as(out + "\n" + err).isZero();
            assertThat(out.toString()).contains("watching ", "run 2 (", "1 copy A->B", "1 copy B->A");
            assertThat(err.toString()).doesNotContain("failed");
        } finally {
            thread.shutdownNow();
        }
    }

    @Test
    void shouldRefuseAnIntervalOfZero(Stack stack, @TempDir Path state, @TempDir Path dir) {
        // When the interval is 0, Then the command refuses it, naming the option
        OneShotRun run = OneShotRun.run(stack, state, "sync", dir.toString(), "s3://any/prefix", "--watch",
                "--interval", "0s");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("--interval");
    }

    private static boolean exists(S3Client s3, String bucket, String key) {
        try {
            s3.headObject(r -> r.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }
}
