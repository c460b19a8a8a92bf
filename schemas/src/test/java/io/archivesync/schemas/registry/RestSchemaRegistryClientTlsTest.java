package io.archivesync.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.archivesync.schemas.registry.StubRegistryServer.Reply;

/**
 * The {@code schema.registry.ssl.*} settings against a real TLS handshake: a self-signed certificate for
 * 127.0.0.1 made with the JDK's keytool, served by an HttpsServer, trusted only through the configured store.
 */
class RestSchemaRegistryClientTlsTest {

    private static final String PASSWORD = "changeit-42";

    @TempDir
    static Path dir;
    private static Path truststore;
    private static StubRegistryServer server;

    @BeforeAll
    static void startHttpsPeer() throws Exception {
        Path keystore = dir.resolve("server.p12");
        Path cert = dir.resolve("server.crt");
        truststore = dir.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "registry", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-alias", "registry", "-keystore", keystore.toString(), "-storepass", PASSWORD,
                "-file", cert.toString());
        keytool("-importcert", "-noprompt", "-alias", "registry", "-file", cert.toString(), "-storetype", "PKCS12",
                "-keystore", truststore.toString(), "-storepass", PASSWORD);
        TlsSettings serverSide = new TlsSettings(null, null, null, keystore.toString(), PASSWORD, "PKCS12", null);
        server = StubRegistryServer.https(serverSide.toSslContext(), r -> new Reply(200, "{\"schema\":\"\\\"string\\\"\"}"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void shouldTrustTheRegistryThroughTheConfiguredTruststore() {
        // Given the truststore holding the registry's certificate
        Map<String, Object> configs = tlsConfigs(PASSWORD);

        // When a schema is fetched over https / Then the handshake succeeds
        assertThat(new RestSchemaRegistryClient(configs).getById(1).getType())
                .isEqualTo(org.apache.avro.Schema.Type.STRING);
    }

    @Test
    void shouldRefuseAnUntrustedRegistry() {
        // Given no truststore: the JVM's default trust does not know the self-signed certificate
        RestSchemaRegistryClient client = new RestSchemaRegistryClient(
                Map.of("schema.registry.url", server.url("https")));

        // When / Then the handshake fails and no answer is accepted
        assertThatThrownBy(() -> client.getById(1))
                .isInstanceOfSatisfying(SchemaRegistryException.class,
                        e -> assertThat(e.status()).isEqualTo(SchemaRegistryException.NO_RESPONSE));
    }

    @Test
    void shouldNameTheSettingButNotThePasswordWhenTheStoreCannotBeRead() {
        // Given a wrong truststore password
        Map<String, Object> configs = tlsConfigs("wrong-secret");

        // When the client is built / Then it fails at once, naming the setting and hiding the password
        assertThatThrownBy(() -> new RestSchemaRegistryClient(configs))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.ssl.truststore.location")
                .hasMessageNotContaining("wrong-secret");
    }

    @Test
    void shouldFailAtStartUpOnAMissingStore() {
        // Given a truststore path that does not exist
        Map<String, Object> configs = tlsConfigs(PASSWORD);
        configs.put("schema.registry.ssl.truststore.location", dir.resolve("absent.p12").toString());

        // When / Then
        assertThatThrownBy(() -> new RestSchemaRegistryClient(configs))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("absent.p12");
    }

    private static Map<String, Object> tlsConfigs(String password) {
        Map<String, Object> configs = new HashMap<>();
        configs.put("schema.registry.url", server.url("https"));
        configs.put("schema.registry.ssl.truststore.location", truststore.toString());
        configs.put("schema.registry.ssl.truststore.password", new org.apache.kafka.common.config.types.Password(password));
        configs.put("schema.registry.ssl.truststore.type", "PKCS12");
        return configs;
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool " + args[0] + " failed: " + output);
        }
    }
}
