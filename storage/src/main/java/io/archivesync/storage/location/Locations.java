package io.archivesync.storage.location;

import io.archivesync.avro.ErrorKind;
import io.archivesync.core.config.RemoteSettings;
import io.archivesync.core.config.S3Settings;
import io.archivesync.core.config.StorageSettings;
import io.archivesync.storage.BlobRef;
import io.archivesync.storage.BlobStore;
import io.archivesync.storage.StorageException;
import io.archivesync.storage.file.FileBlobStore;
import io.archivesync.storage.http.HttpBlobStore;
import io.archivesync.storage.http.HttpOpener;
import io.archivesync.storage.s3.S3StoreOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The one place a location becomes a store and a {@link BlobRef}, and where each scheme's default is decided:
 * <ul>
 *   <li>{@code s3://bucket/key}: the remote named {@code s3} if there is one, else the {@code s3} section;</li>
 *   <li>{@code gs://bucket/key}: the remote named {@code gs}, else Google's endpoint with the environment's
 *       credentials and project;</li>
 *   <li>{@code az://account/container/key}: the {@code az} remote of that account (there is no credential-less
 *       default for Azure);</li>
 *   <li>{@code file:///path}: the local file system, only under {@code storage.localRoots};</li>
 *   <li>{@code https://...}: read only, through the given {@link HttpOpener};</li>
 *   <li>{@code NAME:container/key}: the remote {@code NAME} of {@code storage.remotes}.</li>
 * </ul>
 * Stores are made on first use and shared: the two sides of a copy on one remote are one store, which is what lets
 * {@link io.archivesync.storage.transfer.Transfers} copy server-side. Closing closes them all.
 */
public final class Locations implements AutoCloseable {

    /**
     * A location made concrete.
     *
     * @param store where it is
     * @param ref   what it is within that store
     */
    public record Resolved(BlobStore store, BlobRef ref) {
    }

    private final StorageSettings storage;
    private final StoreFactory factory;
    private final HttpOpener http;
    private final List<Path> localRoots;
    private final Map<String, BlobStore> stores = new ConcurrentHashMap<>();
    private final Function<Boolean, BlobStore> defaultS3;

    /** Stores with clients of their own, plain {@code s3://} URLs on the {@code s3} section. */
    public Locations(S3Settings s3, StorageSettings storage, S3StoreOptions s3Options, HttpOpener http) {
        this(s3, storage, s3Options, http, null);
    }

    /**
     * @param defaultS3 the store of plain {@code s3://} URLs (by anonymity), when the caller has one on clients it
     *                  keeps (the copier's, with their rate limit); null to build it from the {@code s3} section
     */
    public Locations(S3Settings s3, StorageSettings storage, S3StoreOptions s3Options, HttpOpener http,
                     Function<Boolean, BlobStore> defaultS3) {
        this.storage = storage;
        this.factory = new StoreFactory(s3, s3Options);
        this.defaultS3 = defaultS3;
        this.http = http;
        this.localRoots = storage.localRoots().stream().map(r -> Path.of(r).toAbsolutePath().normalize()).toList();
    }

    /**
     * @param anonymous read without credentials (public buckets), for S3 and GCS sources
     * @throws StorageException INVALID for a location that cannot be read or names an unknown remote; ACCESS for a
     *                          file outside {@code storage.localRoots}
     */
    public Resolved resolve(String location, boolean anonymous) {
        Optional<LocationSyntax.Named> named;
        try {
            named = LocationSyntax.named(location);
        } catch (IllegalArgumentException e) {
            throw new StorageException(ErrorKind.INVALID, "InvalidLocation", -1, e.getMessage(), e);
        }
        if (named.isPresent()) {
            return onRemote(named.get(), anonymous);
        }
        BlobRef ref = BlobRef.parse(location);
        return switch (ref.scheme()) {
            case "s3" -> new Resolved(storage.remotes().containsKey("s3")
                    ? store("s3", storage.remotes().get("s3"), anonymous)
                    : stores.computeIfAbsent("s3-section" + anonymous, k -> defaultS3 != null
                    ? defaultS3.apply(anonymous) : factory.defaultS3(anonymous)), ref);
            case "gs" -> new Resolved(store("gs", storage.remotes().getOrDefault("gs",
                    RemoteSettings.gcs(null, null, false)), anonymous), ref);
            case "az" -> new Resolved(azure(ref), ref);
            case "file" -> new Resolved(local(ref), ref);
            default -> new Resolved(stores.computeIfAbsent("http", k -> new HttpBlobStore(http)), ref);
        };
    }

    private Resolved onRemote(LocationSyntax.Named named, boolean anonymous) {
        RemoteSettings remote = storage.remotes().get(named.remote());
        if (remote == null) {
            throw new StorageException(ErrorKind.INVALID, "UnknownRemote", -1, "remote '" + named.remote()
                    + "' is not configured (storage.remotes has " + storage.remotes().keySet() + ")", null);
        }
        String path = named.path().startsWith("/") ? named.path().substring(1) : named.path();
        BlobRef ref = switch (remote.type()) {
            case "file" -> new BlobRef("file", "", path);
            case "az" -> BlobRef.parse("az://" + remote.account() + "/" + path);
            default -> BlobRef.parse(remote.type() + "://" + path);
        };
        return new Resolved(store(named.remote(), remote, anonymous), ref);
    }

    private BlobStore store(String name, RemoteSettings remote, boolean anonymous) {
        return stores.computeIfAbsent(name + (anonymous ? "#anonymous" : ""),
                k -> factory.create(name, remote, anonymous));
    }

    private BlobStore azure(BlobRef ref) {
        String account = ref.container().substring(0, ref.container().indexOf('/'));
        return storage.remotes().entrySet().stream()
                .filter(e -> "az".equals(e.getValue().type()) && account.equals(e.getValue().account()))
                .findFirst()
                .map(e -> store(e.getKey(), e.getValue(), false))
                .orElseThrow(() -> new StorageException(ErrorKind.ACCESS, "NoCredentials", -1, "no remote for "
                        + "Azure account '" + account + "': add storage.remotes.NAME {type: az, account: " + account
                        + ", accountKey: ...}", null));
    }

    private BlobStore local(BlobRef ref) {
        Path path = Path.of("/" + ref.key()).normalize();
        Path real = realOfNearestExisting(path);
        boolean allowed = localRoots.stream().anyMatch(root -> path.startsWith(root)
                && real.startsWith(realOfNearestExisting(root)));
        if (!allowed) {
            throw new StorageException(ErrorKind.ACCESS, "LocalPathNotAllowed", -1, ref + " is not under "
                    + "storage.localRoots " + localRoots + " (file:// locations are refused elsewhere, since whoever "
                    + "publishes a request would choose which files are read or written)", null);
        }
        return stores.computeIfAbsent("file", k -> new FileBlobStore());
    }

    /** The real path of {@code path}, or of its nearest ancestor that exists, with the rest appended. */
    private static Path realOfNearestExisting(Path path) {
        Path existing = path;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return path;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(path));
        } catch (IOException e) {
            return path;
        }
    }

    @Override
    public void close() {
        stores.values().forEach(BlobStore::close);
        stores.clear();
    }
}
