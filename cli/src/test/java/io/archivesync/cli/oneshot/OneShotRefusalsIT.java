package io.archivesync.cli.oneshot;

import static io.archivesync.cli.oneshot.CopyCommandIT.bucket;
import static io.archivesync.cli.oneshot.CopyCommandIT.put;
import static org.assertj.core.api.Assertions.assertThat;

import io.archivesync.embedded.Stack;
import io.archivesync.embedded.StackExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/** What {@code copy} refuses up front, and what {@code --create-bucket} allows. */
@ExtendWith(StackExtension.class)
class OneShotRefusalsIT {

    @Test
    void shouldRefuseAMissingDestinationBucketUnlessAskedToCreateIt(Stack stack, @TempDir Path state) {
        // Given a source with an object and no destination bucket
        String src = bucket("src");
        String dst = bucket("missing");
        try (S3Client s3 = stack.s3().newClient()) {
            s3.createBucket(b -> b.bucket(src));
            put(s3, src, "a/one.txt", "one");

            // When copy runs without --create-bucket
            OneShotRun refused = OneShotRun.run(stack, state, "copy", "s3://" + src + "/a", "s3://" + dst + "/b");

            // Then it is refused in one line naming the bucket, and nothing was created
            assertThat(refused.exitCode()).isNotZero();
            assertThat(refused.err()).contains("error: DST: the destination bucket '" + dst + "' does not exist")
                    .contains("--create-bucket");
            assertThat(s3.listBuckets().buckets()).noneMatch(b -> b.name().equals(dst));

            // When it runs with --create-bucket
            OneShotRun created = OneShotRun.run(stack, state, "copy", "s3://" + src + "/a", "s3://" + dst + "/b",
                    "--create-bucket");

            // Then the bucket exists and the object is copied
            assertThat(created.exitCode()).as(created.err()).isZero();
            assertThat(CopyCommandIT.get(s3, dst, "b/one.txt")).isEqualTo("one".getBytes());
        }
    }

    @Test
    void shouldEndAJobWhoseRequestTheProcessorRefusesInsteadOfWaitingForever(Stack stack, @TempDir Path state) {
        // Given a source with a good object and one whose key the processor refuses as a destination (U+2028)
        String src = bucket("src");
        String dst = bucket("dst");
        try (S3Client s3 = stack.s3().newClient()) {
            s3.createBucket(b -> b.bucket(src));
            s3.createBucket(b -> b.bucket(dst));
            put(s3, src, "d/good.txt", "good");
            put(s3, src, "d/bad\u2028line.txt", "bad");

            // When copy runs
            OneShotRun run = OneShotRun.run(stack, state, "copy", "s3://" + src + "/d", "s3://" + dst + "/d");

            // Then it ends: the good object copied, the refused one named as a failure with the processor's reason
            assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
            assertThat(run.out()).contains("FAILED_INVALID").contains("VALIDATION");
            assertThat(CopyCommandIT.get(s3, dst, "d/good.txt")).isEqualTo("good".getBytes());

            // And status counts the refused one as refused, not as in flight for ever
            OneShotRun status = OneShotRun.run(stack, state, "status", "s3://" + dst + "/d");
            assertThat(status.exitCode()).as(status.err()).isZero();
            assertThat(status.out()).contains("0 in flight").contains("1 refused by the processor (requests-dlq)");
        }
    }

    @Test
    void shouldRefuseASecondCommandOnAStateDirectoryInUse(Stack stack, @TempDir Path state) {
        // Given a state directory held by another command
        try (StateDir held = StateDir.lock(state);
             S3Client s3 = stack.s3().newClient()) {
            String src = bucket("src");
            s3.createBucket(b -> b.bucket(src));

            // When a copy is started on it
            OneShotRun refused = OneShotRun.run(stack, state, "copy", "s3://" + src + "/a", "s3://" + src + "/b");

            // Then it is refused in one line naming the directory and the holder
            assertThat(refused.exitCode()).isNotZero();
            assertThat(refused.err()).contains("the state directory " + held.path() + " is in use by another "
                    + "archive-sync command (pid " + ProcessHandle.current().pid());
        }
    }

    @Test
    void shouldPrintThePlanAndCopyNothingOnADryRun(Stack stack, @TempDir Path state) {
        // Given a source with two objects, one excluded
        String src = bucket("src");
        String dst = bucket("dst");
        try (S3Client s3 = stack.s3().newClient()) {
            s3.createBucket(b -> b.bucket(src));
            s3.createBucket(b -> b.bucket(dst));
            put(s3, src, "p/keep.csv", "12345");
            put(s3, src, "p/skip.tmp", "x");

            // When copy runs with --dry-run and an exclude
            OneShotRun plan = OneShotRun.run(stack, state, "copy", "s3://" + src + "/p", "s3://" + dst,
                    "--dry-run", "--exclude", "*.tmp");

            // Then it prints the plan and copies nothing
            assertThat(plan.exitCode()).as(plan.err()).isZero();
            assertThat(plan.out()).contains("plan: 1 objects, 5 B (5 bytes)").contains("nothing is copied");
            assertThat(s3.listObjectsV2(b -> b.bucket(dst)).keyCount()).isZero();
        }
    }

    @Test
    void shouldRefuseToUploadADirectoryThatDoesNotExist(Stack stack, @TempDir Path state) {
        Path missing = state.resolve("no-such-dir");

        OneShotRun run = OneShotRun.run(stack, state, "upload", missing.toString(), "s3://" + bucket("up") + "/x");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("error: LOCAL_DIR: '" + missing + "' is not a directory (it does not exist)");
    }
}
