package io.archivesync.storage.http;

import io.archivesync.storage.BlobInfo;
import io.archivesync.storage.BlobPage;
import io.archivesync.storage.BlobRead;
import io.archivesync.storage.BlobRef;
import io.archivesync.storage.BlobStore;
import io.archivesync.storage.BlobWrite;
import io.archivesync.storage.Capabilities;
import io.archivesync.storage.Precondition;
import io.archivesync.storage.ReadOptions;
import io.archivesync.storage.WriteOptions;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A web server as a read-only store of {@code http} and {@code https} locations (see the package description).
 * {@link #scheme} says {@code https}; {@code http} locations are served alike. Nothing can be written, deleted, listed
 * or copied into it: those calls fail INVALID, and its {@link Capabilities} say so (reading ranges, which it does,
 * has no flag there). HEADs run on this store's own threads, since the opener blocks.
 */
public final class HttpBlobStore implements BlobStore {

    private static final Logger LOGGER = LoggerFactory.getLogger(HttpBlobStore.class);
    private static final Capabilities CAPABILITIES = new Capabilities(false, false, false, false, false, 0);
    private static final int MAX_REDIRECTS = 5;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final HttpOpener opener;
    private final ExecutorService executor;

    /** Plain JDK requests ({@link HttpOpener#jdk()}), no address checks: for sources an operator chose. */
    public HttpBlobStore() {
        this(HttpOpener.jdk());
    }

    /** @param opener how requests are sent: the copier's address-checked client, say */
    public HttpBlobStore(HttpOpener opener) {
        this.opener = Objects.requireNonNull(opener, "opener");
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "archive-sync-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public String scheme() {
        return "https";
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    /** The object's own URL: a service that can reach it reads it there. */
    @Override
    public Optional<String> readUrl(BlobRef ref, Duration validity) {
        return Optional.of(ref.url());
    }

    @Override
    public CompletableFuture<Optional<BlobInfo>> head(BlobRef ref) {
        try {
            return CompletableFuture.supplyAsync(() -> {
                HttpAnswer answer = send("HEAD", ref, Map.of());
                HttpRead.closeQuietly(answer.body());
                if (answer.status() == 404) {
                    return Optional.<BlobInfo>empty();
                }
                if (answer.status() / 100 != 2) {
                    throw HttpErrors.status(ref.url(), "HEAD", answer.status());
                }
                return Optional.of(HttpInfo.of(ref, answer.status(), answer.headers()));
            }, executor);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public BlobRead read(BlobRef ref, ReadOptions options) {
        boolean ranged = options.offset() > 0 || options.length() >= 0;
        Map<String, String> headers = new HashMap<>(HttpInfo.conditions(options.ifVersion()));
        if (ranged) {
            long last = options.offset() + Math.max(options.length(), 1) - 1;
            headers.put("Range", "bytes=" + options.offset() + "-" + (options.length() < 0 ? "" : last));
        }
        HttpAnswer answer = send("GET", ref, headers);
        InputStream body = answer.body();
        try {
            if (answer.status() / 100 != 2) {
                throw HttpErrors.status(ref.url(), "GET", answer.status());
            }
            BlobInfo info = HttpInfo.of(ref, answer.status(), answer.headers());
            if (options.ifVersion() != null && !options.ifVersion().equals(info.version())) {
                throw HttpErrors.precondition(ref + " is at version " + info.version() + ", not "
                        + options.ifVersion());
            }
            return new HttpRead(info, body, ranged ? range(ref, options, answer) : body);
        } catch (RuntimeException e) {
            HttpRead.closeQuietly(body);
            throw e;
        }
    }

    /** The requested range of the body: as sent (206), or cut from the whole (200: the server ignored Range). */
    private static InputStream range(BlobRef ref, ReadOptions options, HttpAnswer answer) {
        InputStream body = answer.body();
        if (answer.status() == 206) {
            long start = HttpInfo.rangeStart(answer.headers());
            if (start >= 0 && start != options.offset()) {
                throw HttpErrors.invalid(ref + " answered the range from " + start + ", not " + options.offset());
            }
        } else {
            LOGGER.debug("url={} ignored Range (status={}): skipping offset={} here", ref, answer.status(),
                    options.offset());
            try {
                body.skipNBytes(options.offset());
            } catch (EOFException e) {
                throw HttpErrors.invalid("the range of " + ref + " starts at " + options.offset() + ", past its end");
            } catch (IOException e) {
                throw HttpErrors.io(ref.url(), "GET", e);
            }
        }
        return options.length() < 0 ? body : new LimitedInputStream(body, options.length());
    }

    /** One request, following up to five redirects, each through the opener again. */
    private HttpAnswer send(String method, BlobRef ref, Map<String, String> headers) {
        URI current = uri(ref);
        for (int hop = 0; ; hop++) {
            HttpAnswer answer;
            try {
                answer = opener.open(method, current, headers);
            } catch (IOException e) {
                throw HttpErrors.io(current.toString(), method, e);
            } catch (InterruptedException e) {
                throw HttpErrors.interrupted(current.toString(), method, e);
            }
            Optional<String> location = answer.headers().firstValue("Location");
            if (!REDIRECTS.contains(answer.status()) || location.isEmpty()) {
                return answer;
            }
            HttpRead.closeQuietly(answer.body());
            if (hop == MAX_REDIRECTS) {
                throw HttpErrors.invalid(method + " " + ref + " was redirected more than " + MAX_REDIRECTS
                        + " times (last to " + location.get() + ")");
            }
            URI next = current.resolve(location.get());
            if (Objects.equals(next.getHost(), current.getHost())) {
                LOGGER.debug("url={} redirected status={} to={}", current, answer.status(), next);
            } else {
                LOGGER.info("url={} redirected status={} to another host: to={}", current, answer.status(), next);
            }
            current = next;
        }
    }

    private static URI uri(BlobRef ref) {
        if (!ref.scheme().equals("https") && !ref.scheme().equals("http")) {
            throw HttpErrors.invalid(ref + " is not an http(s) location");
        }
        try {
            return URI.create(ref.url());
        } catch (IllegalArgumentException e) {
            throw HttpErrors.invalid(ref + " is not a valid URL: " + e.getMessage());
        }
    }

    @Override
    public BlobWrite write(BlobRef ref, WriteOptions options) {
        throw HttpErrors.readOnly("write " + ref);
    }

    @Override
    public Iterator<BlobPage> list(BlobRef prefix, String delimiter) {
        throw HttpErrors.readOnly("list " + prefix);
    }

    @Override
    public CompletableFuture<Void> delete(BlobRef ref, Precondition precondition) {
        return CompletableFuture.failedFuture(HttpErrors.readOnly("delete " + ref));
    }

    /** A failed copy rather than none: streaming into this store would fail the same way. */
    @Override
    public Optional<CompletableFuture<BlobInfo>> copy(BlobRef source, String sourceUrl, BlobRef destination,
                                                      WriteOptions options) {
        return Optional.of(CompletableFuture.failedFuture(HttpErrors.readOnly("copy into " + destination)));
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}
