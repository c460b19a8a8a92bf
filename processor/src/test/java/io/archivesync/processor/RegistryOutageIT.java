package io.archivesync.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archivesync.core.config.AppConfig;
import io.archivesync.core.config.ConfigLoader;
import io.archivesync.core.config.EnvSubstitution;
import io.archivesync.embedded.Stack;
import io.archivesync.embedded.StackExtension;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The processor and an unreachable schema registry, on the real broker and the real registry. */
@ExtendWith(StackExtension.class)
class RegistryOutageIT {

    @Test
    void shouldRefuseToStartNamingTheSettingWhenTheRegistryCannotBeReached(Stack stack) throws IOException {
        // Given a real broker, and a registry URL on a port nobody listens on
        AppConfig config = config(stack, "http://127.0.0.1:" + closedPort() + "/apis/ccompat/v7");

        // When the processor starts / Then it fails fast, in one line that names the setting to fix
        long started = System.nanoTime();
        assertThatThrownBy(() -> ProcessorService.start(config, Duration.ofSeconds(30)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("kafka.schemaRegistryUrl")
                .hasMessageContaining("cannot be reached")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void shouldPassTheStartCheckAgainstTheRealRegistry(Stack stack) {
        // Given the real registry / When checked / Then nothing is thrown
        RegistryStartCheck.require(config(stack, stack.schemaRegistryUrl()).kafka());
    }

    private static AppConfig config(Stack stack, String registryUrl) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        return new ConfigLoader(new EnvSubstitution(name -> null)).load(null, List.of(
                "kafka.bootstrapServers=" + stack.kafkaBootstrapServers(),
                "kafka.schemaRegistryUrl=" + registryUrl,
                "topics.prefix=outage-" + run + ".",
                "processor.applicationId=outage-" + run,
                "processor.statusPort=-1"));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
