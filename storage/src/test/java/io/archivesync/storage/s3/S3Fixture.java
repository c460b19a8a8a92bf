package io.archivesync.storage.s3;

import io.archivesync.core.config.S3Settings;
import io.archivesync.embedded.Stack;
import io.archivesync.storage.BlobInfo;
import io.archivesync.storage.BlobRead;
import io.archivesync.storage.BlobRef;
import io.archivesync.storage.BlobWrite;
import io.archivesync.storage.Precondition;
import io.archivesync.storage.ReadOptions;
import io.archivesync.storage.WriteOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.s3.S3Client;

/** An S3 store on the stack's S3, an admin client for buckets, and the small steps the S3-specific tests share. */
final class S3Fixture implements AutoCloseable {

    static final int PART = 5 * 1024 * 1024;

    final Stack.S3Endpoint endpoint;
    final S3BlobStore store;
    final S3Client admin;

    S3Fixture(Stack.S3Endpoint endpoint, S3StoreOptions options) {
        this.endpoint = endpoint;
        this.store = S3BlobStore.create(settings(endpoint, endpoint.secretKey()), false, options);
        this.admin = endpoint.newClient();
    }

    /** The settings a copier would have for this endpoint, with the given secret. */
    static S3Settings settings(Stack.S3Endpoint s3, String secret) {
        return new S3Settings(s3.endpoint().toString(), s3.region(), s3.accessKey(), secret, true, 8);
    }

    BlobRef freshContainer() {
        String bucket = "s3-" + UUID.randomUUID().toString().substring(0, 8);
        admin.createBucket(b -> b.bucket(bucket));
        return new BlobRef("s3", bucket, "");
    }

    BlobInfo writeWhole(BlobRef ref, byte[] bytes, WriteOptions options) {
        try (BlobWrite write = store.write(ref, options)) {
            write.part(bytes, bytes.length);
            return write.complete();
        }
    }

    byte[] readAll(BlobRef ref, ReadOptions options) {
        try (BlobRead read = store.read(ref, options); InputStream in = read.content()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Optional<BlobInfo> head(BlobRef ref) {
        return join(store.head(ref));
    }

    static <T> T join(CompletableFuture<T> future) {
        try {
            return future.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new CompletionException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static WriteOptions options(String storageClass, String sha256, Precondition precondition) {
        return new WriteOptions(null, Map.of(), storageClass, -1, sha256, null, precondition);
    }

    static byte[] bytes(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    static String hex(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        store.close();
        admin.close();
    }
}
