package io.archivesync.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds free loopback ports for servers that must be told their port up front (Kafka's listeners, Quarkus).
 *
 * <p>The port is free when found, not reserved: another process may take it before the server binds it, so callers
 * retry their start when binding fails.
 */
final class FreePorts {

    /** Every server here binds this address only; the machines are shared. */
    static final String LOOPBACK = "127.0.0.1";

    private FreePorts() {
    }

    /** One free port on {@link #LOOPBACK}. */
    static int find() {
        return find(1)[0];
    }

    /** {@code count} distinct free ports: all sockets stay open until all are found, so none repeats. */
    static int[] find(int count) {
        List<ServerSocket> sockets = new ArrayList<>(count);
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK));
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free port on " + LOOPBACK, e);
        } finally {
            sockets.forEach(FreePorts::closeQuietly);
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Nothing was accepted on it; the port is released either way.
        }
    }
}
