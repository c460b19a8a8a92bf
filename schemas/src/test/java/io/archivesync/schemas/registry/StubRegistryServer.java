package io.archivesync.schemas.registry;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.SSLContext;

/**
 * A tiny HTTP peer on 127.0.0.1 that records what the client sends (method, path, headers, body) and answers
 * with canned responses. It stands in for the network peer only, to check what goes over the wire; the
 * registry's behaviour is tested against a real Apicurio in {@code ApicurioRegistryIT}.
 */
final class StubRegistryServer implements AutoCloseable {

    /** What the client sent. */
    record Recorded(String method, String path, String authorization, String contentType, String body) {
    }

    /** What to answer. */
    record Reply(int status, String body) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();

    private StubRegistryServer(HttpServer server, Function<Recorded, Reply> handler) {
        this.server = server;
        server.createContext("/", exchange -> answer(exchange, handler));
        server.setExecutor(executor);
        server.start();
    }

    static StubRegistryServer http(Function<Recorded, Reply> handler) throws IOException {
        return new StubRegistryServer(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0), handler);
    }

    static StubRegistryServer https(SSLContext tls, Function<Recorded, Reply> handler) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        return new StubRegistryServer(server, handler);
    }

    String url(String scheme) {
        return scheme + "://127.0.0.1:" + server.getAddress().getPort();
    }

    String url() {
        return url("http");
    }

    List<Recorded> requests() {
        return requests;
    }

    private void answer(HttpExchange exchange, Function<Recorded, Reply> handler) throws IOException {
        try (exchange) {
            Recorded request = new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            requests.add(request);
            Reply reply = handler.apply(request);
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", RegistryHttp.CONTENT_TYPE);
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
