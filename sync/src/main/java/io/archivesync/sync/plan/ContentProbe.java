package io.archivesync.sync.plan;

import io.archivesync.storage.BlobRead;
import io.archivesync.storage.BlobRef;
import io.archivesync.storage.BlobStore;
import io.archivesync.storage.Checksums;
import io.archivesync.storage.ReadOptions;
import io.archivesync.storage.StorageException;
import io.archivesync.sync.PathState;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hashes a local file (MD5 and SHA-256) when a decision needs its content: a changed version of the base's size (was
 * it only touched?), both sides changed to the same size (the same content?), a rename candidate. Never on a path
 * whose version is the base's, so a no-change run reads nothing. Object stores are not read: their listings carry
 * what evidence they have (an MD5 ETag, Content-MD5).
 */
final class ContentProbe {

    private static final Logger LOGGER = LoggerFactory.getLogger(ContentProbe.class);

    private final AtomicLong files = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    /** Whether this store's objects are hashed on demand. */
    static boolean hashable(BlobStore store) {
        return "file".equals(store.scheme());
    }

    /** The state with its content hashed in, or as it was when it cannot be read as listed. */
    PathState hash(BlobStore store, BlobRef ref, PathState state) {
        if (!hashable(store) || state.content().md5() != null && state.content().sha256() != null) {
            return state;
        }
        try (BlobRead read = store.read(ref, ReadOptions.ifVersion(state.version()))) {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            InputStream in = read.content();
            for (int n; (n = in.read(buffer)) > 0; ) {
                md5.update(buffer, 0, n);
                sha256.update(buffer, 0, n);
                bytes.addAndGet(n);
            }
            files.incrementAndGet();
            HexFormat hex = HexFormat.of();
            return state.withContent(new Checksums(hex.formatHex(md5.digest()), null, hex.formatHex(sha256.digest())));
        } catch (StorageException | IOException e) {
            LOGGER.info("not hashed ref={} (changed or unreadable since listed; decided without): {}", ref,
                    e.toString());
            return state;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks MD5 or SHA-256", e);
        }
    }

    long files() {
        return files.get();
    }

    long bytes() {
        return bytes.get();
    }
}
