package io.archivesync.sync.state;

import io.archivesync.sync.BaseRecord;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bases of every pair materialized from the compacted {@code sync-bases} topic into a local RocksDB, so that a run
 * walks its pair's bases in key order from disk, in constant memory, instead of loading them. RocksDB orders keys by
 * their bytes, unsigned, which for {@code pairId/path} in UTF-8 is {@link io.archivesync.sync.plan.PathOrder}.
 *
 * <p>The topic stays the truth; this store only reflects it up to the offsets it records with each batch it applies
 * (atomically, in the same write), and {@link BaseCatchUp} brings it to the topic's end before each run, reading only
 * what was written since. When it cannot be trusted it is rebuilt from the topic: see {@link BaseCatchUp}.
 */
public final class LocalBases implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(LocalBases.class);

    /** Meta keys start with a 0 byte: pair ids are hex digits, so no record key does. */
    private static final byte[] META = {0};
    private static final String OFFSET = "\0offset/";
    private static final String CAUGHT_UP_AT = "\0caughtUpAt";
    private static final byte[] RECORDS_FROM = {1};
    private static final byte[] RECORDS_TO = {(byte) 0xff};

    static {
        RocksDB.loadLibrary();
    }

    private final Path dir;
    private final Options options;
    private final RocksDB db;
    private final WriteOptions sync = new WriteOptions().setSync(true);

    private LocalBases(Path dir, Options options, RocksDB db) {
        this.dir = dir;
        this.options = options;
        this.db = db;
    }

    /** Opens (or creates) the store in {@code dir}; only one process may hold it (RocksDB's own lock). */
    public static LocalBases open(Path dir) {
        Options options = new Options().setCreateIfMissing(true);
        try {
            Files.createDirectories(dir);
            return new LocalBases(dir, options, RocksDB.open(options, dir.toString()));
        } catch (RocksDBException | IOException e) {
            options.close();
            throw new IllegalStateException("cannot open the local base store " + dir + ": " + e.getMessage(), e);
        }
    }

    /** A pair's bases in path order, read from disk as the cursor advances. */
    public BaseCursor cursor(String pairId) {
        byte[] prefix = (pairId + "/").getBytes(StandardCharsets.UTF_8);
        ReadOptions read = new ReadOptions().setFillCache(false);
        RocksIterator it = db.newIterator(read);
        it.seek(prefix);
        return new BaseCursor() {
            @Override
            public boolean hasNext() {
                return it.isValid() && startsWith(it.key(), prefix);
            }

            @Override
            public BaseRecord next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                BaseRecord record = StateJson.read(it.value(), BaseRecord.class);
                it.next();
                return record;
            }

            @Override
            public void close() {
                it.close();
                read.close();
            }
        };
    }

    /** The offset of each partition this store reflects (the next to read), empty when it reflects nothing. */
    Map<Integer, Long> offsets() {
        Map<Integer, Long> offsets = new TreeMap<>();
        try (RocksIterator it = db.newIterator()) {
            byte[] prefix = OFFSET.getBytes(StandardCharsets.UTF_8);
            for (it.seek(prefix); it.isValid() && startsWith(it.key(), prefix); it.next()) {
                String key = new String(it.key(), StandardCharsets.UTF_8);
                offsets.put(Integer.parseInt(key.substring(OFFSET.length())), ByteBuffer.wrap(it.value()).getLong());
            }
        }
        return offsets;
    }

    /** When it was last brought to the topic's end (epoch millis), or -1. */
    long caughtUpAt() {
        try {
            byte[] v = db.get(CAUGHT_UP_AT.getBytes(StandardCharsets.UTF_8));
            return v == null ? -1 : ByteBuffer.wrap(v).getLong();
        } catch (RocksDBException e) {
            throw failed("read", e);
        }
    }

    /** Applies records (a null value: a tombstone) and the offsets they bring it to, in one atomic write. */
    void apply(Map<String, byte[]> records, Map<Integer, Long> offsets) {
        try (WriteBatch batch = new WriteBatch()) {
            for (Map.Entry<String, byte[]> r : records.entrySet()) {
                byte[] key = r.getKey().getBytes(StandardCharsets.UTF_8);
                if (r.getValue() == null) {
                    batch.delete(key);
                } else {
                    batch.put(key, r.getValue());
                }
            }
            for (Map.Entry<Integer, Long> o : offsets.entrySet()) {
                batch.put((OFFSET + o.getKey()).getBytes(StandardCharsets.UTF_8), longBytes(o.getValue()));
            }
            db.write(sync, batch);
        } catch (RocksDBException e) {
            throw failed("write", e);
        }
    }

    void caughtUp(Clock clock) {
        try {
            db.put(sync, CAUGHT_UP_AT.getBytes(StandardCharsets.UTF_8), longBytes(clock.millis()));
        } catch (RocksDBException e) {
            throw failed("write", e);
        }
    }

    /** Forgets everything (records and offsets), before a rebuild from the topic's start. */
    void clear() {
        try {
            db.deleteRange(sync, META, RECORDS_FROM);
            db.deleteRange(sync, RECORDS_FROM, RECORDS_TO);
            LOGGER.info("local base store cleared for a rebuild dir={}", dir);
        } catch (RocksDBException e) {
            throw failed("clear", e);
        }
    }

    private IllegalStateException failed(String what, RocksDBException e) {
        return new IllegalStateException("cannot " + what + " the local base store " + dir + ": " + e.getMessage(), e);
    }

    private static byte[] longBytes(long v) {
        return ByteBuffer.allocate(Long.BYTES).putLong(v).array();
    }

    private static boolean startsWith(byte[] key, byte[] prefix) {
        return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    }

    @Override
    public void close() {
        sync.close();
        db.close();
        options.close();
    }
}
