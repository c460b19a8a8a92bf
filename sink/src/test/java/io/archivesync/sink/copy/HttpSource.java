package io.archivesync.sink.copy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP server the test starts, standing in for a CDN such as data.binance.vision: serves the bytes it was given,
 * 404 for the rest, and, for paths marked so, cuts the connection or stalls halfway through the body.
 */
final class HttpSource implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, Integer> statuses = new ConcurrentHashMap<>();
    private final Map<String, String> redirects = new ConcurrentHashMap<>();
    private final java.util.List<java.net.ServerSocket> cutSockets = new java.util.concurrent.CopyOnWriteArrayList<>();
    final AtomicInteger gets = new AtomicInteger();

    HttpSource() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            gets.incrementAndGet();
            String path = exchange.getRequestURI().getPath();
            if (redirects.containsKey(path)) {
                exchange.getResponseHeaders().add("Location", redirects.get(path));
                exchange.sendResponseHeaders(302, -1);
                exchange.close();
                return;
            }
            byte[] body = files.get(path);
            int status = statuses.getOrDefault(path, body == null ? 404 : 200);
            if (body == null || status != 200) {
                byte[] error = ("<Error><Code>" + status + "</Code></Error>").getBytes();
                exchange.sendResponseHeaders(status, error.length);
                exchange.getResponseBody().write(error);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "application/zip");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            } catch (IOException e) {
                exchange.close();
            }
        });
        server.start();
    }

    String serve(String path, byte[] bytes) {
        files.put(path, bytes);
        return url(path);
    }

    /**
     * Serves the bytes from a raw socket that announces the full length, sends half, then resets the connection
     * (SO_LINGER 0), as a dropped CDN connection looks to the client.
     */
    String serveCut(String path, byte[] bytes) {
        return serveHalf(path, bytes, true);
    }

    /**
     * Serves the bytes from a raw socket that announces the full length, sends half, then goes silent with the
     * connection open, as a stalled CDN looks to the client: no error ever comes, only no more bytes.
     */
    String serveStalled(String path, byte[] bytes) {
        return serveHalf(path, bytes, false);
    }

    /** Half the body, then a reset ({@code reset}) or silence until the test closes the server. */
    private String serveHalf(String path, byte[] bytes, boolean reset) {
        try {
            java.net.ServerSocket socket = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
            cutSockets.add(socket);
            Thread t = new Thread(() -> {
                java.util.List<java.net.Socket> silent = new java.util.ArrayList<>();
                while (!socket.isClosed()) {
                    try {
                        java.net.Socket s = socket.accept();
                        s.getInputStream().read(new byte[8192]);
                        OutputStream out = s.getOutputStream();
                        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/zip\r\nContent-Length: "
                                + bytes.length + "\r\n\r\n").getBytes());
                        out.write(bytes, 0, bytes.length / 2);
                        out.flush();
                        if (reset) {
                            s.setSoLinger(true, 0);
                            s.close();
                        } else {
                            silent.add(s);
                        }
                    } catch (IOException e) {
                        // closed by the test, or the client went away
                    }
                }
                silent.forEach(HttpSource::closeQuietly);
            }, reset ? "cut-source" : "stalled-source");
            t.setDaemon(true);
            t.start();
            return "http://127.0.0.1:" + socket.getLocalPort() + path;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    String serveStatus(String path, int status) {
        statuses.put(path, status);
        files.put(path, new byte[0]);
        return url(path);
    }

    /** Answers 302 with this Location. */
    String serveRedirect(String path, String location) {
        redirects.put(path, location);
        return url(path);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        server.stop(0);
        cutSockets.forEach(HttpSource::closeQuietly);
    }
}
