package io.archivesync.benchmarks;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An HTTP/1.1 forwarder on a 127.0.0.1 ephemeral port that counts the requests passing through it, by kind
 * ({@link RequestTally}). It reads each request's head and frames its body (Content-Length or chunked) so that
 * keep-alive connections are counted request by request; answers flow back unread.
 *
 * <p>Why on the wire: a copy's request count should come from what reached the server, the same way for our store and
 * for a plain SDK client, whatever either says about itself. Requests that a client sends elsewhere (to an absolute
 * URL the server handed out) are not seen.
 */
final class CountingHttpProxy implements Closeable {

    private static final int BUFFER_BYTES = 64 * 1024;
    private static final int MAX_HEAD_BYTES = 64 * 1024;

    private final InetSocketAddress target;
    private final ServerSocket listener;
    private final RequestTally tally = new RequestTally();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    private CountingHttpProxy(InetSocketAddress target) throws IOException {
        this.target = target;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "counting-proxy-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Forwards to the host and port of {@code server} (an http URL with a port). */
    static CountingHttpProxy to(URI server) throws IOException {
        return new CountingHttpProxy(new InetSocketAddress(server.getHost(), server.getPort()));
    }

    /** {@code server} with its host and port replaced by this proxy's: clients pointed there are counted. */
    URI proxied(URI server) {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort() + (server.getRawPath() == null ? ""
                : server.getRawPath()));
    }

    RequestTally tally() {
        return tally;
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : open) {
            socket.close();
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(target.getAddress(), target.getPort());
                open.add(client);
                open.add(server);
                start("requests", () -> forwardRequests(client, server));
                start("answers", () -> forwardRaw(server, client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void start(String what, Runnable job) {
        Thread thread = new Thread(job, "counting-proxy-" + what);
        thread.setDaemon(true);
        thread.start();
    }

    /** Client to server: one request after another, each counted once its head has been read. */
    private void forwardRequests(Socket client, Socket server) {
        try (InputStream in = new BufferedInputStream(client.getInputStream(), BUFFER_BYTES)) {
            OutputStream out = server.getOutputStream();
            String head;
            while ((head = readHead(in)) != null) {
                out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                String[] requestLine = head.substring(0, head.indexOf("\r\n")).split(" ");
                tally.add(RequestTally.kind(requestLine[0], requestLine.length > 1 ? requestLine[1] : ""));
                if (header(head, "transfer-encoding").toLowerCase(Locale.ROOT).contains("chunked")) {
                    forwardChunked(in, out);
                } else {
                    String length = header(head, "content-length");
                    copy(in, out, length.isEmpty() ? 0 : Long.parseLong(length.strip()));
                }
                out.flush();
            }
        } catch (IOException | RuntimeException e) {
            // a closed connection ends the exchange; nothing to count
        } finally {
            halfClose(server);
        }
    }

    private void forwardRaw(Socket server, Socket client) {
        byte[] buffer = new byte[BUFFER_BYTES];
        try (InputStream in = server.getInputStream()) {
            OutputStream out = client.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // a closed connection ends the exchange
        } finally {
            closeQuietly(client);
            closeQuietly(server);
            open.remove(client);
            open.remove(server);
        }
    }

    /** The request line and headers up to and including the blank line, or null at a clean end of stream. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                if (head.size() == 0) {
                    return null;
                }
                throw new IOException("connection closed inside a request head");
            }
            head.write(b);
            matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1
                    : (b == '\r' ? 1 : 0);
            if (head.size() > MAX_HEAD_BYTES) {
                throw new IOException("request head over " + MAX_HEAD_BYTES + " bytes");
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static String header(String head, String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).strip();
            }
        }
        return "";
    }

    private static void forwardChunked(InputStream in, OutputStream out) throws IOException {
        while (true) {
            String sizeLine = readLine(in);
            out.write((sizeLine + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            int semicolon = sizeLine.indexOf(';');
            long size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip(), 16);
            if (size == 0) {
                String trailer;
                do {
                    trailer = readLine(in);
                    out.write((trailer + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                } while (!trailer.isEmpty());
                return;
            }
            copy(in, out, size + 2);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new IOException("connection closed inside a chunked body");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private static void copy(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[(int) Math.min(BUFFER_BYTES, Math.max(1, length))];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException("connection closed with " + left + " body bytes to come");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    private static void halfClose(Socket socket) {
        try {
            socket.shutdownOutput();
        } catch (IOException e) {
            closeQuietly(socket);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
