package io.archivesync.cli.oneshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.archivesync.embedded.Stack;
import io.archivesync.embedded.StackExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code sync}, {@code conflicts} and {@code resolve} end to end through the command line, a local directory against
 * S3Proxy, the state on the embedded broker of the state directory.
 */
@ExtendWith(StackExtension.class)
class SyncCommandIT {

    @Test
    void shouldSyncShowTheConflictAndApplyItsResolution(Stack stack, S3Client s3, @TempDir Path state,
                                                         @TempDir Path dir) throws IOException {
        // Given a local directory and an S3 prefix with a file each
        String bucket = "sync-cli-" + UUID.randomUUID().toString().substring(0, 8);
        s3.createBucket(r -> r.bucket(bucket));
        Files.writeString(dir.resolve("local.txt"), "from the laptop");
        s3.putObject(r -> r.bucket(bucket).key("team/cloud.txt"), RequestBody.fromString("from the cloud"));
        String remote = "s3://" + bucket + "/team";

        // When the plan is asked for, Then it names each path, its action and why, and changes nothing
        OneShotRun plan = sync(stack, state, dir, remote, "--dry-run");
        assertThat(plan.exitCode()).as(plan.err()).isZero();
        assertThat(plan.out()).contains("copy A->B    local.txt  (new on A)", "copy B->A    cloud.txt  (new on B)");
        assertThat(Files.exists(dir.resolve("cloud.txt"))).isFalse();

        // When it syncs, Then both sides hold both files
        OneShotRun first = sync(stack, state, dir, remote);
        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        assertThat(Files.readString(dir.resolve("cloud.txt"))).isEqualTo("from the cloud");
        assertThat(s3.getObjectAsBytes(r -> r.bucket(bucket).key("team/local.txt")).asUtf8String())
                .isEqualTo("from the laptop");

        // When both sides change one file, Then manual parks it (exit 2) and conflicts shows it
        Files.writeString(dir.resolve("local.txt"), "edited on the laptop");
        Files.setLastModifiedTime(dir.resolve("local.txt"), FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        s3.putObject(r -> r.bucket(bucket).key("team/local.txt"), RequestBody.fromString("edited in the cloud!"));
        OneShotRun parked = sync(stack, state, dir, remote);
        assertThat(parked.exitCode()).as(parked.out() + parked.err()).isEqualTo(2);
        OneShotRun conflicts = OneShotRun.run(stack, state, "conflicts");
        assertThat(conflicts.out()).contains("local.txt", "modified on A and modified on B");

        // and status shows the pair's last sync (what it did, the conflict it left open, when) and points to them
        OneShotRun status = OneShotRun.run(stack, state, "status");
        assertThat(status.exitCode()).as(status.err()).isZero();
        assertThat(status.out()).contains("sync pairs (last run of each):", remote, "(manual): ",
                "conflicts open 1", "`archive-sync conflicts` lists the open conflicts");
        assertThat(OneShotRun.run(stack, state, "status", "--json").out())
                .contains("\"syncPairs\":[{", "\"conflictsOpen\":1");

        // When a person keeps B and the pair syncs again (its summary as JSON), Then B's edit is on both sides and
        // nothing is open
        OneShotRun resolved = OneShotRun.run(stack, state, "resolve", "local.txt", "--keep", "b");
        assertThat(resolved.exitCode()).as(resolved.err()).isZero();
        OneShotRun last = sync(stack, state, dir, remote, "--json");
        assertThat(last.exitCode()).as(last.out() + last.err()).isZero();
        assertThat(last.out()).contains("\"copy_b_to_a\":1", "\"conflictsOpen\":0", "\"failed\":0");
        assertThat(Files.readString(dir.resolve("local.txt"))).isEqualTo("edited in the cloud!");
        assertThat(OneShotRun.run(stack, state, "conflicts").exitCode()).isZero();
    }

    private static OneShotRun sync(Stack stack, Path state, Path dir, String remote, String... more) {
        String[] args = new String[4 + more.length];
        args[0] = "sync";
        args[1] = dir.toString();
        args[2] = remote;
        args[3] = "--s3-check-by-head";
        System.arraycopy(more, 0, args, 4, more.length);
        return OneShotRun.run(stack, state, args);
    }
}
