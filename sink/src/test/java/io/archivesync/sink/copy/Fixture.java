package io.archivesync.sink.copy;

import static org.assertj.core.api.Assertions.assertThat;

import io.archivesync.avro.ArchiveCoordinates;
import io.archivesync.avro.CopyResult;
import io.archivesync.avro.FileSyncRequest;
import io.archivesync.core.config.AppConfig;
import io.archivesync.embedded.Stack;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * A source and a mirror bucket on the stack's S3, and the copier composed by {@link CopierFactory} exactly as the
 * service composes it, with optional settings and a fault-injecting layer.
 */
final class Fixture implements AutoCloseable {

    static final String BATCH = "batch-1";

    final S3Client client;
    final String source = "source-" + UUID.randomUUID();
    final String mirror = "mirror-" + UUID.randomUUID();
    final StorageClients clients;
    final CopierFactory.Composed copier;
    final AppConfig config;

    Fixture(Stack.S3Endpoint s3, String... overrides) {
        this(s3, UnaryOperator.identity(), overrides);
    }

    Fixture(Stack.S3Endpoint s3, UnaryOperator<Copier> faults, String... overrides) {
        this(s3, faults, List.of(), overrides);
    }

    /** With interceptors on the copier's own clients, which see each request as it goes on the wire. */
    Fixture(Stack.S3Endpoint s3, List<ExecutionInterceptor> interceptors, String... overrides) {
        this(s3, UnaryOperator.identity(), interceptors, overrides);
    }

    private Fixture(Stack.S3Endpoint s3, UnaryOperator<Copier> faults, List<ExecutionInterceptor> interceptors,
                    String... overrides) {
        client = s3.newClient();
        client.createBucket(b -> b.bucket(source));
        client.createBucket(b -> b.bucket(mirror));
        config = CopierConfigs.config(s3, overrides);
        clients = new StorageClients(config.s3(), config.sink(), interceptors);
        copier = CopierFactory.create(config.sink(), clients, faults);
    }

    /** Fails the test if the future completes exceptionally: a copier must always answer with a result. */
    CopyResult copy(FileSyncRequest request) {
        CompletableFuture<CopyResult> future = copier.copy(request, BATCH);
        CopyResult result = future.orTimeout(60, TimeUnit.SECONDS).join();
        assertThat(future).isCompleted().isNotCompletedExceptionally();
        return result;
    }

    /** The same, for a task that carries what the processor knew. */
    CopyResult copy(CopyTask task) {
        CompletableFuture<CopyResult> future = copier.copy(task);
        CopyResult result = future.orTimeout(60, TimeUnit.SECONDS).join();
        assertThat(future).isCompleted().isNotCompletedExceptionally();
        return result;
    }

    /** Keys under a prefix of a bucket. */
    List<String> keys(String bucket, String prefix) {
        return client.listObjectsV2(b -> b.bucket(bucket).prefix(prefix)).contents().stream().map(o -> o.key())
                .toList();
    }

    /** Uploads {@code bytes} in parts of {@code partSize}, as big files are; returns the (composite) ETag. */
    String putInParts(String key, byte[] bytes, int partSize) {
        String uploadId = client.createMultipartUpload(b -> b.bucket(source).key(key)).uploadId();
        List<software.amazon.awssdk.services.s3.model.CompletedPart> parts = new java.util.ArrayList<>();
        for (int offset = 0, n = 1; offset < bytes.length; offset += partSize, n++) {
            int part = n;
            byte[] chunk = java.util.Arrays.copyOfRange(bytes, offset, Math.min(bytes.length, offset + partSize));
            String etag = client.uploadPart(b -> b.bucket(source).key(key).uploadId(uploadId).partNumber(part),
                    RequestBody.fromBytes(chunk)).eTag();
            parts.add(software.amazon.awssdk.services.s3.model.CompletedPart.builder().partNumber(part).eTag(etag)
                    .build());
        }
        return client.completeMultipartUpload(b -> b.bucket(source).key(key).uploadId(uploadId)
                .multipartUpload(m -> m.parts(parts))).eTag().replace("\"", "");
    }

    String put(String key, byte[] bytes) {
        return client.putObject(b -> b.bucket(source).key(key), RequestBody.fromBytes(bytes)).eTag().replace("\"", "");
    }

    /** A data file and its sidecar, as Binance publishes them; returns the request the producer would make. */
    FileSyncRequest archiveFile(String key, byte[] zip, String publishedSha256) {
        String etag = put(key, zip);
        String name = key.substring(key.lastIndexOf('/') + 1);
        put(key + ".CHECKSUM", (publishedSha256 + "  " + name).getBytes(StandardCharsets.UTF_8));
        return Requests.copy(uri(key), mirror, "binance/" + key)
                .setExpectedEtag(etag).setExpectedSize((long) zip.length)
                .setArchive(coordinates(false)).build();
    }

    static ArchiveCoordinates coordinates(boolean sidecar) {
        return ArchiveCoordinates.newBuilder().setMarket("spot").setFrequency("daily").setDataType("klines")
                .setSymbol("BTCUSDT").setInterval("1m").setDate("2024-01-02").setSidecar(sidecar).build();
    }

    byte[] read(String bucket, String key) {
        return client.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
    }

    boolean exists(String bucket, String key) {
        try {
            client.headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        }
    }

    String uri(String key) {
        return "s3://" + source + "/" + key;
    }

    /** Bytes that look like a zip (Binance's files are zips), deterministic per seed. */
    static byte[] zip(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        bytes[0] = 'P';
        bytes[1] = 'K';
        return bytes;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        copier.close();
        clients.close();
        client.close();
    }
}
