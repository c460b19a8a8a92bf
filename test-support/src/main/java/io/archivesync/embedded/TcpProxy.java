package io.archivesync.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP forwarder on loopback that a test can cut and restore, to play an outage of the server behind it (the
 * schema registry, an S3 endpoint) while the clients keep their configured address.
 *
 * <p>Why at the TCP level: a cut must look to a client as a real outage does (connection refused, open connections
 * reset), not as an HTTP error, which a client rightly treats as an answer. {@link #cut()} closes the listener and
 * every open connection; {@link #restore()} listens again on the same port.
 */
public final class TcpProxy implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(TcpProxy.class);
    private static final int BUFFER_BYTES = 16 * 1024;

    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private final int port;
    private ServerSocket listener;
    private Thread acceptor;

    private TcpProxy(InetSocketAddress target) {
        this.target = target;
        this.listener = bindOutsideEphemeralRange();
        this.port = listener.getLocalPort();
        this.acceptor = accept(listener);
    }

    /**
     * A free port below the kernel's ephemeral range (32768 and up on Linux). The proxy gives its port up while cut and
     * takes it back on restore: an ephemeral port could meanwhile go to any client socket, or, when nothing listens, a
     * connection to it can connect to itself (the kernel may pick the same port as its source), which would make a cut
     * proxy look reachable.
     */
    private static ServerSocket bindOutsideEphemeralRange() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        UncheckedIOException last = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                return bind(20_000 + random.nextInt(10_000));
            } catch (UncheckedIOException e) {
                last = e;
            }
        }
        throw last;
    }

    /** Forwards an ephemeral port on 127.0.0.1 to {@code host:port}. */
    public static TcpProxy to(String host, int port) {
        return new TcpProxy(new InetSocketAddress(host, port));
    }

    /** Forwards to the host and port of {@code url} (an {@code http} URL without a port means 80). */
    public static TcpProxy to(URI url) {
        return to(url.getHost(), url.getPort() >= 0 ? url.getPort() : 80);
    }

    /** The port clients connect to; the same before and after a cut. */
    public int port() {
        return port;
    }

    /** {@code url} with its host and port replaced by this proxy's, so that a client goes through it. */
    public String proxied(String url) {
        URI u = URI.create(url);
        return u.getScheme() + "://127.0.0.1:" + port + (u.getRawPath() == null ? "" : u.getRawPath())
                + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    }

    /** Connections accepted so far, over every cut and restore. */
    public int connectionsAccepted() {
        return connections.get();
    }

    /** Whether new connections are refused now. */
    public synchronized boolean isCut() {
        return listener == null;
    }

    /** Refuses new connections and closes every open one, both sides. Does nothing when already cut. */
    public synchronized void cut() {
        if (listener == null) {
            return;
        }
        closeQuietly(listener);
        listener = null;
        // the port is only released once the thread blocked in accept() has left it: wait, so a restore can bind it
        try {
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
        LOGGER.info("proxy cut port={} target={}", port, target);
    }

    /** Accepts connections again, on the same port. Does nothing when not cut. */
    public synchronized void restore() {
        if (listener != null) {
            return;
        }
        listener = bind(port);
        acceptor = accept(listener);
        LOGGER.info("proxy restored port={} target={}", port, target);
    }

    @Override
    public void close() {
        cut();
    }

    private static ServerSocket bind(int port) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
    }

    private Thread accept(ServerSocket server) {
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    forward(server, server.accept());
                } catch (IOException e) {
                    if (!server.isClosed()) {
                        LOGGER.warn("proxy accept failed port={} error={}", port, e.toString());
                    }
                }
            }
        }, "tcp-proxy-accept-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
        return acceptor;
    }

    private void forward(ServerSocket server, Socket client) {
        Socket upstream = new Socket();
        synchronized (this) {
            if (listener != server) {
                closeQuietly(client); // accepted just before a cut: refused like the ones after it
                return;
            }
            open.add(client);
            open.add(upstream);
        }
        connections.incrementAndGet();
        try {
            upstream.connect(target);
        } catch (IOException e) {
            LOGGER.warn("proxy cannot reach target={} error={}", target, e.toString());
            closeBoth(client, upstream);
            return;
        }
        pump(client, upstream, "up");
        pump(upstream, client, "down");
    }

    private void pump(Socket from, Socket to, String direction) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[BUFFER_BYTES];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (SocketException e) {
                LOGGER.debug("proxy connection closed port={} direction={} error={}", port, direction, e.toString());
            } catch (IOException e) {
                LOGGER.debug("proxy connection failed port={} direction={} error={}", port, direction, e.toString());
            } finally {
                closeBoth(from, to);
            }
        }, "tcp-proxy-" + direction + "-" + port);
        pump.setDaemon(true);
        pump.start();
    }

    private void closeBoth(Socket a, Socket b) {
        closeQuietly(a);
        closeQuietly(b);
        open.remove(a);
        open.remove(b);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOGGER.debug("close failed error={}", e.toString());
        }
    }
}
