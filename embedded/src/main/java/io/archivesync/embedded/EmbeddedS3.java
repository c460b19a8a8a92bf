package io.archivesync.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.middleware.Middlewares;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 API (S3Proxy) inside this JVM, on a 127.0.0.1 ephemeral port, with real signature checking.
 *
 * <p>Why S3Proxy: it checks AWS V2/V4 signatures (a wrong secret gets 403), serves public-read objects to anonymous
 * callers, and supports CopyObject, multipart and UploadPartCopy, which the mirror relies on. Its latency middleware
 * ({@code LatencyBlobStore}) makes a local run behave like a remote S3, where concurrency rather than CPU decides.
 */
public final class EmbeddedS3 implements AutoCloseable {

    /** S3Proxy ignores the region, but signatures include it, so clients and server agree on this one. */
    public static final String REGION = "us-east-1";

    private static final Logger LOGGER = LoggerFactory.getLogger(EmbeddedS3.class);
    private static final long START_TIMEOUT_MILLIS = 10_000;

    private final S3Proxy proxy;
    private final BlobStore blobStore;
    private final Options options;
    private final URI endpoint;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * How to run the server.
     *
     * @param accessKey     the only access key the server accepts
     * @param secretKey     its secret
     * @param latencyMillis delay added to every storage operation, as a remote S3's round trip would; 0 for none
     * @param dataDir       where objects are kept; {@code null} keeps them in memory and loses them on close
     * @param foreign       a second account whose buckets the first cannot address; {@code null} for none
     */
    public record Options(String accessKey, String secretKey, long latencyMillis, Path dataDir,
                          ForeignAccount foreign) {

        public Options {
            requireNonBlank(accessKey, "accessKey");
            requireNonBlank(secretKey, "secretKey");
            if (latencyMillis < 0) {
                throw new IllegalArgumentException("latencyMillis must be >= 0, was " + latencyMillis);
            }
        }

        /** In memory, no added latency, fixed test credentials. */
        public static Options defaults() {
            return new Options("archive-sync", "archive-sync-secret", 0, null, null);
        }

        public Options withCredentials(String newAccessKey, String newSecretKey) {
            return new Options(newAccessKey, newSecretKey, latencyMillis, dataDir, foreign);
        }

        public Options withLatencyMillis(long newLatencyMillis) {
            return new Options(accessKey, secretKey, newLatencyMillis, dataDir, foreign);
        }

        public Options withDataDir(Path newDataDir) {
            return new Options(accessKey, secretKey, latencyMillis, newDataDir, foreign);
        }

        public Options withForeignAccount(ForeignAccount newForeign) {
            return new Options(accessKey, secretKey, latencyMillis, dataDir, newForeign);
        }

        /** Masks the secret: options get logged. */
        @Override
        public String toString() {
            return "Options[accessKey=" + accessKey + ", secretKey=****, latencyMillis=" + latencyMillis
                    + ", dataDir=" + (dataDir == null ? "in-memory" : dataDir)
                    + (foreign == null ? "" : ", foreign=" + foreign) + "]";
        }

        private static void requireNonBlank(String value, String name) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
        }
    }

    private EmbeddedS3(S3Proxy proxy, BlobStore blobStore, Options options, URI endpoint) {
        this.proxy = proxy;
        this.blobStore = blobStore;
        this.options = options;
        this.endpoint = endpoint;
    }

    /** An in-memory server with {@link Options#defaults()}. */
    public static EmbeddedS3 start() {
        return start(Options.defaults());
    }

    public static EmbeddedS3 start(Options options) {
        Objects.requireNonNull(options, "options");
        BlobStore blobStore = S3BlobStores.create(options);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(blobStore)
                .endpoint(URI.create("http://" + FreePorts.LOOPBACK + ":0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, options.accessKey(), options.secretKey())
                .ignoreUnknownHeaders(true)
                .build();
        if (options.foreign() != null) {
            proxy.setBlobStoreLocator(options.foreign().locator(options.accessKey(), options.secretKey(), blobStore));
        }
        try {
            proxy.start();
            awaitStarted(proxy);
        } catch (Exception e) {
            stop(proxy, blobStore);
            throw new IllegalStateException("S3Proxy did not start with " + options, e);
        }
        URI endpoint = URI.create("http://" + FreePorts.LOOPBACK + ":" + proxy.getPort());
        LOGGER.info("S3 server started endpoint={} options={}", endpoint, options);
        return new EmbeddedS3(proxy, blobStore, options, endpoint);
    }

    public URI endpoint() {
        return endpoint;
    }

    public String accessKey() {
        return options.accessKey();
    }

    public String secretKey() {
        return options.secretKey();
    }

    /** Always {@value #REGION}. */
    public String region() {
        return REGION;
    }

    /** A path-style client with this server's credentials; the caller closes it. */
    public S3Client newClient() {
        return AwsClients.s3(endpoint, REGION, accessKey(), secretKey());
    }

    /** A client with the foreign account's credentials (see {@link Options#withForeignAccount}). */
    public S3Client newForeignClient() {
        if (options.foreign() == null) {
            throw new IllegalStateException("this server was started without a foreign account");
        }
        return AwsClients.s3(endpoint, REGION, options.foreign().accessKey(), options.foreign().secretKey());
    }

    /** Stops the HTTP server and its thread pool and releases the store. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            stop(proxy, blobStore);
            LOGGER.info("S3 server stopped endpoint={}", endpoint);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedS3[" + endpoint + "]";
    }

    private static void awaitStarted(S3Proxy proxy) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MILLIS);
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("S3Proxy state=" + proxy.getState() + " after "
                        + START_TIMEOUT_MILLIS + " ms");
            }
            Thread.sleep(10);
        }
    }

    private static void stop(S3Proxy proxy, BlobStore blobStore) {
        try {
            proxy.stop();
        } catch (Exception e) {
            LOGGER.warn("S3Proxy did not stop cleanly", e);
        }
        blobStore.close();
    }

    /** Builds the storage behind the server: in memory or on disk, optionally slowed down. */
    private static final class S3BlobStores {

        private S3BlobStores() {
        }

        static BlobStore create(Options options) {
            Properties props = new Properties();
            BlobStore store;
            if (options.dataDir() == null) {
                store = BlobStores.create("transient-nio2", props);
            } else {
                props.setProperty("jclouds.filesystem.basedir", createDirectories(options.dataDir()).toString());
                store = BlobStores.create("filesystem-nio2", props);
            }
            return options.latencyMillis() == 0 ? store : withLatency(store, options.latencyMillis());
        }

        /**
         * {@code LatencyBlobStore} has no public constructor; {@code Middlewares.wrap} is S3Proxy's public way to
         * apply it, driven by the same properties as its configuration file ({@code *} = every operation).
         */
        private static BlobStore withLatency(BlobStore store, long latencyMillis) {
            Properties props = new Properties();
            props.setProperty("s3proxy.latency-blobstore.*.latency", String.valueOf(latencyMillis));
            try {
                return Middlewares.wrap(store, props, unused -> {
                    throw new IOException("No alternate backend is configured");
                });
            } catch (IOException e) {
                throw new UncheckedIOException("Could not add latency to the S3 store", e);
            }
        }

        private static Path createDirectories(Path dir) {
            try {
                return Files.createDirectories(dir).toAbsolutePath();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not create S3 data directory " + dir, e);
            }
        }
    }
}
