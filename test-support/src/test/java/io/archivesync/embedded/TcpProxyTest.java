package io.archivesync.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A cut looks like an outage to a client (refused, open connections closed); a restore listens on the same port. */
class TcpProxyTest {

    private final ServerSocket echo = echoServer();
    private final TcpProxy proxy = TcpProxy.to("127.0.0.1", echo.getLocalPort());

    @AfterEach
    void close() throws IOException {
        proxy.close();
        echo.close();
    }

    @Test
    void shouldForwardBothWays() throws IOException {
        // Given a client connected through the proxy
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
            // When it sends a line, Then the echo comes back through the proxy
            assertThat(roundTrip(client, "hello")).isEqualTo("hello");
        }
        assertThat(proxy.connectionsAccepted()).isEqualTo(1);
    }

    @Test
    void shouldRefuseNewConnectionsAndCloseOpenOnesWhileCut() throws IOException {
        // Given a connection that worked
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
            assertThat(roundTrip(client, "before")).isEqualTo("before");

            // When the proxy is cut
            proxy.cut();

            // Then the open connection ends, and a new one is refused
            assertThat(client.getInputStream().read()).isEqualTo(-1);
            assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), proxy.port()).close())
                    .isInstanceOf(ConnectException.class);
            assertThat(proxy.isCut()).isTrue();
        }
    }

    @Test
    void shouldForwardAgainOnTheSamePortAfterRestore() throws IOException {
        // Given a proxy cut and restored
        int port = proxy.port();
        proxy.cut();
        proxy.restore();

        // Then a client of the old address gets through again
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
            assertThat(roundTrip(client, "after")).isEqualTo("after");
        }
        assertThat(proxy.port()).isEqualTo(port);
        assertThat(proxy.isCut()).isFalse();
    }

    @Test
    void shouldRewriteAUrlToGoThroughTheProxy() {
        assertThat(proxy.proxied("http://localhost:8080/apis/ccompat/v7"))
                .isEqualTo("http://127.0.0.1:" + proxy.port() + "/apis/ccompat/v7");
    }

    private static String roundTrip(Socket client, String text) throws IOException {
        byte[] sent = text.getBytes(StandardCharsets.UTF_8);
        OutputStream out = client.getOutputStream();
        out.write(sent);
        out.flush();
        byte[] back = new byte[sent.length];
        new DataInputStream(client.getInputStream()).readFully(back);
        return new String(back, StandardCharsets.UTF_8);
    }

    /** Echoes every connection's bytes back, one thread per connection. */
    private static ServerSocket echoServer() {
        try {
            ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket s = server.accept();
                        Thread echo = new Thread(() -> echo(s), "echo");
                        echo.setDaemon(true);
                        echo.start();
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "echo-accept");
            acceptor.setDaemon(true);
            acceptor.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void echo(Socket s) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // the test closed it
        }
    }
}
