package io.archivesync.sink.copy;

import static org.assertj.core.api.Assertions.assertThat;

import io.archivesync.avro.CopyMethod;
import io.archivesync.avro.CopyOutcome;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.Destination;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.core.config.AppConfig;
import io.archivesync.core.config.StorageSettings;
import io.archivesync.core.topic.TopicAdmin;
import io.archivesync.core.topic.Topics;
import io.archivesync.embedded.Stack;
import io.archivesync.embedded.StackExtension;
import io.archivesync.sink.copy.journal.AbandonedTransfers;
import io.archivesync.sink.copy.journal.KafkaTransferJournal;
import io.archivesync.storage.BlobRef;
import io.archivesync.storage.transfer.Checkpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A copier that dies part-way through a streamed upload (a local file to S3, in 5 MiB parts) resumes from its last
 * part when a new copier, as a restarted process would, copies the object again: the progress is on the real
 * compacted {@code transfers} topic, the upload on S3Proxy. And a write nobody resumed is given up at start-up.
 */
@ExtendWith(StackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResumeAfterCrashIT {

    private static final int PART = 5 * 1024 * 1024;

    @TempDir
    static Path dir;

    private final String bucket = "resume-" + UUID.randomUUID().toString().substring(0, 8);
    private S3Client s3;
    private AppConfig config;
    private Topics topics;
    private StorageClients clients;
    private StorageSettings storage;

    @BeforeAll
    void servers(Stack stack, Stack.S3Endpoint endpoint) {
        s3 = endpoint.newClient();
        s3.createBucket(b -> b.bucket(bucket));
        String run = UUID.randomUUID().toString().substring(0, 8);
        config = CopierConfigs.config(endpoint,
                "kafka.bootstrapServers=" + stack.kafkaBootstrapServers(),
                "kafka.schemaRegistryUrl=mock://resume-" + run,
                "topics.prefix=resume-" + run + ".",
                "topics.partitions=2",
                "sink.streaming.partSize=" + PART,
                "sink.retry.maxAttempts=1");
        topics = Topics.create(config);
        TopicAdmin.ensureTopics(config.kafka().clientConfig(), config.topics(), List.of(topics.transfers()));
        clients = new StorageClients(config.s3(), config.sink());
        storage = StorageSettings.NONE.withLocalRoots(List.of(dir.toAbsolutePath().toString()));
    }

    @AfterAll
    void close() {
        clients.close();
    }

    @Test
    void shouldResumeFromTheLastRecordedPartAfterACrashAndForgetTheCheckpointOnceDone() throws IOException {
        // Given a 20 MiB file (4 parts) whose upload to S3 dies after the copier recorded its 2nd part
        byte[] bytes = Fixture.zip(4 * PART, 41);
        String source = file("big.bin", bytes);
        String destination = "s3://" + bucket + "/resumed/" + UUID.randomUUID() + ".bin";
        CopyResult crashed = copyWithNewCopier(source, destination, bytes, 2).result();
        assertThat(crashed.getOutcome()).isNotIn(CopyOutcome.COPIED, CopyOutcome.COPIED_UNVERIFIED);
        assertThat(uploadsOf(destination)).isEqualTo(1);

        // When a new copier, with a new journal read from the topic, copies it again
        Attempt resumed = copyWithNewCopier(source, destination, bytes, -1);

        // Then it sent only parts 3 and 4, says so, and the object is whole and verified
        CopyResult result = resumed.result();
        assertThat(result.getOutcome()).as(result.getErrorMessage()).isEqualTo(CopyOutcome.COPIED);
        assertThat(result.getMethod()).isEqualTo(CopyMethod.STREAMED);
        assertThat(result.getMethodReason()).contains("resumed at " + 2L * PART + " bytes from an earlier attempt");
        assertThat(resumed.sent()).extracting(Checkpoint::committedBytes).containsExactly(3L * PART, 4L * PART);
        assertThat(result.getDestinationSha256()).isEqualTo(Fixture.sha256(bytes));
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key(BlobRef.parse(destination).key())).asByteArray())
                .isEqualTo(bytes);

        // And the checkpoint is a tombstone: a copier starting now finds nothing, and no upload is left
        try (KafkaTransferJournal later = openJournal()) {
            assertThat(later.find(BlobRef.parse(destination))).isEmpty();
        }
        assertThat(uploadsOf(destination)).isZero();
    }

    @Test
    void shouldGiveUpAtStartUpAWriteThatHadNoPartForAbandonAfter() throws IOException {
        // Given an upload of 3 parts whose copier died after its second
        byte[] bytes = Fixture.zip(2 * PART + 1, 43);
        String source = file("left.bin", bytes);
        String destination = "s3://" + bucket + "/left/" + UUID.randomUUID() + ".bin";
        copyWithNewCopier(source, destination, bytes, 2);
        assertThat(uploadsOf(destination)).isEqualTo(1);

        try (KafkaTransferJournal journal = openJournal();
             CopierFactory.Composed copier = CopierFactory.create(config.sink(), clients, UnaryOperator.identity(),
                     storage, journal)) {
            // When a copier starts within abandonAfter, and then one starts after it
            Duration after = config.sink().streaming().abandonAfter();
            int young = AbandonedTransfers.abandon(journal, copier.locations(), after, Clock.systemUTC());
            int old = AbandonedTransfers.abandon(journal, copier.locations(), after,
                    Clock.offset(Clock.systemUTC(), after.plusHours(1)));

            // Then the first keeps it, and the second aborts the upload and forgets the checkpoint
            assertThat(young).isZero();
            assertThat(old).isEqualTo(1);
            assertThat(uploadsOf(destination)).isZero();
        }
        try (KafkaTransferJournal later = openJournal()) {
            assertThat(later.find(BlobRef.parse(destination))).isEmpty();
        }
    }

    /** What one copier process did: its result, and the checkpoints it recorded (one per part sent). */
    private record Attempt(CopyResult result, List<Checkpoint> sent) {
    }

    /** Copies with a copier and journal of their own, as one process would, closed after (or "dead"). */
    private Attempt copyWithNewCopier(String source, String destination, byte[] bytes, int crashAfter) {
        try (KafkaTransferJournal journal = openJournal()) {
            WatchedJournal watched = new WatchedJournal(journal, crashAfter);
            try (CopierFactory.Composed copier = CopierFactory.create(config.sink(), clients,
                    UnaryOperator.identity(), storage, watched)) {
                CopyResult result = copier.copy(request(source, destination, bytes), "batch-1")
                        .orTimeout(60, TimeUnit.SECONDS).join();
                return new Attempt(result, watched.recorded());
            }
        }
    }

    private KafkaTransferJournal openJournal() {
        return KafkaTransferJournal.open(config.kafka().clientConfig(), topics.transfers(), Clock.systemUTC());
    }

    private static FileSyncRequest request(String source, String destination, byte[] bytes) {
        String key = destination.substring(destination.lastIndexOf('/') + 1);
        return Requests.copy(source, "resume", key)
                .setDestination(Destination.newBuilder().setBucket("resume").setKey(key).setUri(destination).build())
                .setExpectedSha256(Fixture.sha256(bytes))
                .build();
    }

    private static String file(String name, byte[] bytes) throws IOException {
        Path file = dir.toAbsolutePath().resolve(UUID.randomUUID() + "-" + name);
        Files.write(file, bytes);
        return "file://" + file;
    }

    private int uploadsOf(String destination) {
        String key = BlobRef.parse(destination).key();
        return (int) s3.listMultipartUploads(b -> b.bucket(bucket).prefix(key)).uploads().stream()
                .filter(u -> u.key().equals(key)).count();
    }
}
