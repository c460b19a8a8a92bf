package io.archivesync.sink.copy;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The part buffers of all streamed copies of one copier, reused: at most {@code sink.streaming.concurrency ×
 * (partsInFlight + 1)} of {@code partSize} bytes, allocated on first use. Taking one blocks while all are in use,
 * which is what bounds a streaming copier's memory. Reuse matters: a fresh multi-MiB array per part is a "humongous"
 * allocation for the JVM's G1 collector, and churning them cost more time than the copy itself (measured).
 */
final class PartBuffers {

    private final int size;
    private final int capacity;
    private final BlockingQueue<byte[]> free;
    private final AtomicInteger allocated = new AtomicInteger();

    PartBuffers(int size, int capacity) {
        this.size = size;
        this.capacity = capacity;
        this.free = new ArrayBlockingQueue<>(capacity);
    }

    int size() {
        return size;
    }

    byte[] take() throws InterruptedException {
        byte[] buffer = free.poll();
        if (buffer != null) {
            return buffer;
        }
        if (allocated.incrementAndGet() <= capacity) {
            return new byte[size];
        }
        allocated.decrementAndGet();
        return free.take();
    }

    void give(byte[] buffer) {
        free.offer(buffer);
    }
}
