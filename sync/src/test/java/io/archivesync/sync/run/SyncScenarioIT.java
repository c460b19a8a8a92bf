package io.archivesync.sync.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.storage.blob.BlobServiceClientBuilder;
import io.archivesync.embedded.AzureBlobEndpoint;
import io.archivesync.embedded.Stack;
import io.archivesync.embedded.StackExtension;
import io.archivesync.storage.BlobStore;
import io.archivesync.sync.ActionKind;
import io.archivesync.sync.ConflictStrategy;
import io.archivesync.sync.Keep;
import io.archivesync.sync.SyncEndpoint;
import io.archivesync.sync.SyncPair;
import io.archivesync.sync.plan.ListingFailed;
import io.archivesync.sync.state.ConflictRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scenarios of issue 11 on real servers: a local directory (A) against S3Proxy or Azurite (B). Each row changes A
 * and B after a first sync and checks what both hold after the next one, under each strategy.
 */
@ExtendWith(StackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncScenarioIT {

    private static final Instant OLD = Instant.parse("2020-01-01T00:00:00Z");
    private static final String MODIFIED_A = "modified on A";
    private static final String MODIFIED_B = "modified on B, later and longer";

    @TempDir
    Path temp;

    private Stack stack;
    private BlobStore s3Store;
    private BlobStore azureStore;
    private final String bucket = "sync-" + UUID.randomUUID().toString().substring(0, 8);
    private final String container = "sync-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    void servers(Stack shared) {
        stack = shared;
        stack.s3().newClient().createBucket(r -> r.bucket(bucket));
    }

    private SyncFixture fixture(String backend) throws IOException {
        Path dir = Files.createTempDirectory(temp, backend);
        if (backend.equals("s3")) {
            if (s3Store == null) {
                s3Store = SyncFixture.s3Store(stack);
            }
            return SyncFixture.s3(s3Store, dir, bucket);
        }
        AzureBlobEndpoint account = stack.azureBlob();
        if (azureStore == null) {
            new BlobServiceClientBuilder().connectionString(account.connectionString()).buildClient()
                    .createBlobContainer(container);
            azureStore = SyncFixture.azureStore(account);
        }
        return SyncFixture.azure(azureStore, account, dir, container);
    }

    @AfterAll
    void closeStores() {
        for (BlobStore store : new BlobStore[] {s3Store, azureStore}) {
            if (store != null) {
                store.close();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"s3", "azure"})
    void shouldPropagateNewModifiedAndDeletedPathsBothWaysAndThenListOnly(String backend) throws IOException {
        try (SyncFixture f = fixture(backend)) {
            // Given new paths on both sides, synced once
            f.putA("docs/new-on-a.txt", "a", OLD);
            f.putA("mod.txt", "v1", OLD);
            f.putA("del.txt", "d", OLD);
            f.putB("new-on-b.txt", "b");
            SyncReport first = f.sync(ConflictStrategy.MANUAL);
            assertThat(first.exitCode()).as(first.failures().toString()).isZero();
            assertThat(first.done()).containsEntry(ActionKind.COPY_A_TO_B, 3L).containsEntry(ActionKind.COPY_B_TO_A, 1L);
            assertThat(f.b("docs/new-on-a.txt")).contains("a");
            assertThat(f.a("new-on-b.txt")).contains("b");

            // When nothing changed, Then a re-run lists and does nothing else
            SyncReport again = f.sync(ConflictStrategy.MANUAL);
            assertThat(again.plan().decisions()).isEmpty();
            assertThat(again.plan().unchanged()).isEqualTo(4);
            assertThat(again.plan().hashedFiles()).isZero();
            assertThat(again.copiedBytes()).isZero();

            // When A modifies one, B deletes one and modifies another
            f.putA("mod.txt", "v2, longer", OLD.plusSeconds(5));
            f.deleteB("del.txt");
            f.putB("new-on-b.txt", "b2, changed");
            SyncReport second = f.sync(ConflictStrategy.MANUAL);

            // Then each change went to the other side
            assertThat(second.exitCode()).as(second.failures().toString()).isZero();
            assertThat(f.b("mod.txt")).contains("v2, longer");
            assertThat(f.a("del.txt")).isEmpty();
            assertThat(f.a("new-on-b.txt")).contains("b2, changed");
            assertThat(second.done()).containsEntry(ActionKind.COPY_A_TO_B, 1L)
                    .containsEntry(ActionKind.DELETE_A, 1L).containsEntry(ActionKind.COPY_B_TO_A, 1L);
        }
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({
        // backend, row, strategy, A after, B after, exit code (- = absent; S = the same content on both)
        "s3,    both-modified, timestamp_wins,   B, B, 0",
        "s3,    both-modified, a_wins,           A, A, 0",
        "s3,    both-modified, b_wins,           B, B, 0",
        "s3,    both-modified, manual,           A, B, 2",
        "s3,    both-modified, version_preserve, B, B, 0",
        "s3,    modify-delete, timestamp_wins,   A, A, 0",
        "s3,    modify-delete, a_wins,           A, A, 0",
        "s3,    modify-delete, b_wins,           -, -, 0",
        "s3,    modify-delete, manual,           A, -, 2",
        "s3,    modify-delete, version_preserve, A, A, 0",
        "s3,    same-content,  manual,           S, S, 0",
        "s3,    same-content,  timestamp_wins,   S, S, 0",
        "azure, both-modified, timestamp_wins,   B, B, 0",
        "azure, both-modified, a_wins,           A, A, 0",
        "azure, both-modified, b_wins,           B, B, 0",
        "azure, both-modified, manual,           A, B, 2",
        "azure, both-modified, version_preserve, B, B, 0",
        "azure, modify-delete, timestamp_wins,   A, A, 0",
        "azure, modify-delete, b_wins,           -, -, 0",
        "azure, modify-delete, manual,           A, -, 2",
        "azure, same-content,  manual,           S, S, 0",
    })
    void shouldSettleEachConflictRowByItsStrategy(String backend, String row, String strategy, String expectA,
                                                  String expectB, int exit) throws IOException {
        try (SyncFixture f = fixture(backend)) {
            // Given a path synced once (and another, so that no side is ever empty)
            f.putA("p.txt", "base", OLD);
            f.putA("other.txt", "other", OLD);
            assertThat(f.sync(ConflictStrategy.MANUAL).exitCode()).isZero();

            // When both sides change it as the row says
            switch (row) {
                case "both-modified" -> {
                    f.putA("p.txt", MODIFIED_A, OLD.plusSeconds(10));
                    f.putB("p.txt", MODIFIED_B);
                }
                case "modify-delete" -> {
                    f.putA("p.txt", MODIFIED_A, OLD.plusSeconds(10));
                    f.deleteB("p.txt");
                }
                default -> {
                    f.putA("p.txt", "the same new content", OLD.plusSeconds(10));
                    f.putB("p.txt", "the same new content");
                }
            }
            SyncReport report = f.sync(ConflictStrategy.parse(strategy));

            // Then both sides hold what the strategy keeps
            assertThat(report.exitCode()).as(report.failures().toString()).isEqualTo(exit);
            assertThat(f.a("p.txt")).isEqualTo(content(expectA));
            assertThat(f.b("p.txt")).isEqualTo(content(expectB));
            if (row.equals("same-content")) {
                assertThat(report.done()).containsEntry(ActionKind.RECORD, 1L);
                assertThat(report.copiedBytes()).isZero();
            }
            if (strategy.equals("manual") && exit == 2) {
                assertThat(f.state.conflicts(f.pair().id())).extracting(ConflictRecord::path).containsExactly("p.txt");
            }
            if (strategy.equals("version_preserve") && row.equals("both-modified")) {
                String kept = conflictCopy(f.dir);
                assertThat(f.a(kept)).contains(MODIFIED_A);
                assertThat(f.b(kept)).contains(MODIFIED_A);
            }

            // And a next run has nothing left to do but what is parked
            SyncReport next = f.sync(ConflictStrategy.parse(strategy));
            assertThat(next.done().keySet()).noneMatch(ActionKind::writes);
            assertThat(next.copiedBytes()).isZero();
            assertThat(next.exitCode()).isEqualTo(exit);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"s3", "azure"})
    void shouldApplyAPersonsResolutionOfAParkedConflict(String backend) throws IOException {
        try (SyncFixture f = fixture(backend)) {
            // Given a conflict parked by manual
            f.putA("p.txt", "base", OLD);
            f.sync(ConflictStrategy.MANUAL);
            f.putA("p.txt", MODIFIED_A, OLD.plusSeconds(10));
            f.putB("p.txt", MODIFIED_B);
            assertThat(f.sync(ConflictStrategy.MANUAL).exitCode()).isEqualTo(2);

            // When a person keeps B (archive-sync resolve p.txt --keep b) and the pair syncs again
            ConflictRecord open = f.state.conflicts(f.pair().id()).get(0);
            f.state.putConflict(open.resolved(Keep.B));
            SyncReport report = f.sync(ConflictStrategy.MANUAL);

            // Then B's content is on both sides and the conflict is closed
            assertThat(report.exitCode()).as(report.failures().toString()).isZero();
            assertThat(f.a("p.txt")).contains(MODIFIED_B);
            assertThat(f.state.conflicts(f.pair().id())).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"s3", "azure"})
    void shouldPropagateARenameAsAServerSideMove(String backend) throws IOException {
        try (SyncFixture f = fixture(backend)) {
            // Given a file synced once
            f.putA("old/report.csv", "x".repeat(10_000), OLD);
            f.sync(ConflictStrategy.MANUAL);

            // When it is renamed on A
            Files.createDirectories(f.dir.resolve("new"));
            Files.move(f.dir.resolve("old/report.csv"), f.dir.resolve("new/report.csv"));
            SyncReport report = f.sync(ConflictStrategy.MANUAL);

            // Then B moved it within itself: no byte went through this process
            assertThat(report.exitCode()).as(report.failures().toString()).isZero();
            assertThat(report.done()).containsEntry(ActionKind.MOVE_ON_B, 1L).doesNotContainKey(ActionKind.DELETE_B);
            assertThat(report.copiedBytes()).isZero();
            assertThat(f.b("new/report.csv")).contains("x".repeat(10_000));
            assertThat(f.b("old/report.csv")).isEmpty();
            assertThat(f.sync(ConflictStrategy.MANUAL).plan().decisions()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"s3", "azure"})
    void shouldPropagateARenameInTheCloudAsALocalMove(String backend) throws IOException {
        try (SyncFixture f = fixture(backend)) {
            // Given a file synced once
            f.putA("old.csv", "y".repeat(5_000), OLD);
            f.sync(ConflictStrategy.MANUAL);

            // When another writer renames it on B (a new key with the same content, the old one deleted)
            f.putB("renamed.csv", "y".repeat(5_000));
            f.deleteB("old.csv");
            SyncReport report = f.sync(ConflictStrategy.MANUAL);

            // Then A moves it locally: nothing downloaded
            assertThat(report.exitCode()).as(report.failures().toString()).isZero();
            assertThat(report.done()).containsEntry(ActionKind.MOVE_ON_A, 1L);
            assertThat(report.copiedBytes()).isZero();
            assertThat(f.a("renamed.csv")).contains("y".repeat(5_000));
            assertThat(f.a("old.csv")).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"s3", "azure"})
    void shouldNeverTakeAFailedOrEmptyListingForDeletions(String backend) throws IOException {
        try (SyncFixture f = fixture(backend)) {
            // Given three files synced
            for (String p : List.of("1.txt", "2.txt", "3.txt")) {
                f.putA(p, p, OLD);
            }
            f.sync(ConflictStrategy.MANUAL);

            // When B's listing fails
            SyncPair failing = new SyncPair(f.a, new SyncEndpoint(new FaultyStore(f.remote, true, 0), f.b.root(),
                    f.b.location()));

            // Then the run stops before any action, and nothing is deleted
            assertThatThrownBy(() -> f.sync(failing, ConflictStrategy.MANUAL, d -> { }))
                    .isInstanceOf(ListingFailed.class).hasMessageContaining("nothing is taken for deleted");
            assertThat(f.a("1.txt")).contains("1.txt");

            // When B comes back empty (the prefix wiped, or a wrong one)
            List.of("1.txt", "2.txt", "3.txt").forEach(f::deleteB);
            SyncReport report = f.sync(ConflictStrategy.MANUAL);

            // Then the deletions are refused, even within --max-delete 100%, and A keeps its files
            assertThat(report.exitCode()).isEqualTo(3);
            assertThat(report.plan().refusal()).contains("listed no objects");
            assertThat(f.a("2.txt")).contains("2.txt");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"s3", "azure"})
    void shouldNotOverwriteAChangeMadeBetweenPlanAndWrite(String backend) throws IOException {
        try (SyncFixture f = fixture(backend)) {
            // Given a synced path modified on A
            f.putA("p.txt", "base", OLD);
            f.sync(ConflictStrategy.MANUAL);
            f.putA("p.txt", MODIFIED_A, OLD.plusSeconds(10));

            // When B is written by someone else after the plan, just before the copy to it
            SyncReport report = f.sync(f.pair(), ConflictStrategy.A_WINS, d -> f.putB("p.txt", "written meanwhile"));

            // Then the copy is refused by its precondition, and B's write survives
            assertThat(report.changed()).isEqualTo(1);
            assertThat(report.exitCode()).isEqualTo(1);
            assertThat(f.b("p.txt")).contains("written meanwhile");

            // And the next run sees a conflict, not a stale copy
            SyncReport next = f.sync(ConflictStrategy.MANUAL);
            assertThat(next.exitCode()).isEqualTo(2);
            assertThat(f.b("p.txt")).contains("written meanwhile");
            assertThat(f.a("p.txt")).contains(MODIFIED_A);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"s3", "azure"})
    void shouldResumeAnInterruptedFirstSyncWithoutResync(String backend) throws IOException {
        try (SyncFixture f = fixture(backend)) {
            // Given six new files, and B failing after three writes
            for (int i = 0; i < 6; i++) {
                f.putA("f" + i + ".txt", "content " + i, OLD);
            }
            SyncPair failing = new SyncPair(f.a, new SyncEndpoint(new FaultyStore(f.remote, false, 3), f.b.root(),
                    f.b.location()));
            SyncReport broken = f.sync(failing, ConflictStrategy.MANUAL, d -> { });
            assertThat(broken.exitCode()).isEqualTo(1);
            assertThat(broken.failures()).hasSize(3);

            // When the pair syncs again
            SyncReport resumed = f.sync(ConflictStrategy.MANUAL);

            // Then it copies only what was left, and the pair is whole; no resync was needed
            assertThat(resumed.exitCode()).as(resumed.failures().toString()).isZero();
            assertThat(resumed.done()).containsEntry(ActionKind.COPY_A_TO_B, 3L).containsEntry(ActionKind.NOTHING, 3L);
            for (int i = 0; i < 6; i++) {
                assertThat(f.b("f" + i + ".txt")).contains("content " + i);
            }
            assertThat(f.sync(ConflictStrategy.MANUAL).plan().decisions()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"s3", "azure"})
    void shouldRecordNotRecopyWhatWasCopiedWhenItsBaseWasLost(String backend) throws IOException {
        try (SyncFixture f = fixture(backend)) {
            // Given a first sync of four files whose base records were lost after the first one (a crash before the
            // state was flushed)
            for (int i = 0; i < 4; i++) {
                f.putA("f" + i + ".txt", "content " + i, OLD);
            }
            var durable = f.state;
            f.state = new ForgetfulState(durable, 1);
            assertThat(f.sync(ConflictStrategy.MANUAL).exitCode()).isZero();
            f.state = durable;

            // When the pair syncs again
            SyncReport again = f.sync(ConflictStrategy.MANUAL);

            // Then the copies are proved the same content on both sides and recorded, not copied again
            assertThat(again.exitCode()).as(again.failures().toString()).isZero();
            assertThat(again.done()).containsEntry(ActionKind.RECORD, 3L).containsEntry(ActionKind.NOTHING, 1L);
            assertThat(again.copiedBytes()).isZero();
            assertThat(f.sync(ConflictStrategy.MANUAL).plan().decisions()).isEmpty();
        }
    }

    private static Optional<String> content(String expected) {
        return switch (expected) {
            case "A" -> Optional.of(MODIFIED_A);
            case "B" -> Optional.of(MODIFIED_B);
            case "S" -> Optional.of("the same new content");
            default -> Optional.empty();
        };
    }

    private static String conflictCopy(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.contains(".sync-conflict-"))
                    .findFirst().orElseThrow(() -> new AssertionError("no conflict copy in " + dir));
        }
    }
}
