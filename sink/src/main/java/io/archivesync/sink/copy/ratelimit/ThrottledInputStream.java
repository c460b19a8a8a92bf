package io.archivesync.sink.copy.ratelimit;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.TimeUnit;

/**
 * A source read no faster than a shared {@link Pacer} of bytes per second allows ({@code sink.rateLimit.bandwidth}):
 * reads are cut into chunks of at most 64 KiB, and after each the reading thread sleeps until the bytes it read are
 * paid for. Only the streaming copier's reader threads read through it, where blocking is fine.
 */
public final class ThrottledInputStream extends FilterInputStream {

    private static final int CHUNK = 64 * 1024;

    private final Pacer bytes;

    public ThrottledInputStream(InputStream in, Pacer bytes) {
        super(in);
        this.bytes = bytes;
    }

    /** A pacer for a copier's streamed bytes, letting a reader that comes back late catch up by up to 50 ms. */
    public static Pacer bandwidth(long bytesPerSecond) {
        return new Pacer(bytesPerSecond, TimeUnit.MILLISECONDS.toNanos(50));
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            pay(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, Math.min(length, CHUNK));
        if (n > 0) {
            pay(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(Math.min(n, CHUNK));
        if (skipped > 0) {
            pay(skipped);
        }
        return skipped;
    }

    private void pay(long n) throws InterruptedIOException {
        long wait = bytes.reserve(n);
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while throttled to sink.rateLimit.bandwidth");
            }
        }
    }
}
