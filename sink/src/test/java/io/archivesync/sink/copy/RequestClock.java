package io.archivesync.sink.copy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/** Notes when each storage request goes on the wire, so a test can measure the request rate the server saw. */
final class RequestClock implements ExecutionInterceptor {

    private final ConcurrentLinkedQueue<Long> sent = new ConcurrentLinkedQueue<>();
    private final Map<String, ConcurrentLinkedQueue<Long>> byOperation = new ConcurrentHashMap<>();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        long now = System.nanoTime();
        sent.add(now);
        byOperation.computeIfAbsent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                k -> new ConcurrentLinkedQueue<>()).add(now);
    }

    /** When requests of one operation (GetObject, UploadPart, ...) went out, in order. */
    List<Long> sent(String operation) {
        return byOperation.getOrDefault(operation, new ConcurrentLinkedQueue<>()).stream().sorted().toList();
    }

    int count() {
        return sent.size();
    }

    /**
     * Requests per second over the steady part of a run: from {@code warmUpSeconds} after the first request to the
     * last one, so a start-up burst or the ramp of the first copies does not count.
     */
    double steadyRate(double warmUpSeconds) {
        List<Long> times = sent.stream().sorted().toList();
        long from = times.get(0) + (long) (warmUpSeconds * 1e9);
        List<Long> steady = times.stream().filter(t -> t >= from).toList();
        return (steady.size() - 1) / ((steady.get(steady.size() - 1) - steady.get(0)) / 1e9);
    }
}
