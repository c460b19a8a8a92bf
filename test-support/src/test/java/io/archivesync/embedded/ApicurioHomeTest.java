package io.archivesync.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApicurioHomeTest {

    private static final UnaryOperator<String> NONE = name -> null;

    @TempDir
    Path repo;

    @Test
    void shouldFindTheDistributionAboveAnyModuleDirectory() throws IOException {
        // Given a repository whose test-support module has unpacked the registry
        Path home = unpackedHome(repo.resolve("test-support/target/apicurio"));
        Path moduleDir = Files.createDirectories(repo.resolve("sink/src/test"));

        // Then it is found from the root, from another module, and from the test-support module itself
        assertThat(ApicurioHome.locate(NONE, NONE, repo)).isEqualTo(home);
        assertThat(ApicurioHome.locate(NONE, NONE, moduleDir)).isEqualTo(home);
        assertThat(ApicurioHome.locate(NONE, NONE, repo.resolve("test-support"))).isEqualTo(home);
    }

    @Test
    void shouldPreferTheSystemPropertyOverTheEnvironmentAndTheSearch() throws IOException {
        unpackedHome(repo.resolve("test-support/target/apicurio"));
        Path fromProperty = unpackedHome(repo.resolve("elsewhere"));
        Path fromEnv = unpackedHome(repo.resolve("from-env"));

        assertThat(ApicurioHome.locate(Map.of(ApicurioHome.PROPERTY, fromProperty.toString())::get,
                Map.of(ApicurioHome.ENV, fromEnv.toString())::get, repo)).isEqualTo(fromProperty);
        assertThat(ApicurioHome.locate(NONE, Map.of(ApicurioHome.ENV, fromEnv.toString())::get, repo))
                .isEqualTo(fromEnv);
    }

    @Test
    void shouldTellHowToBuildTheDistributionWhenNoneIsFound() {
        assertThatThrownBy(() -> ApicurioHome.locate(NONE, NONE, repo))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("./mvnw -pl test-support -am package")
                .hasMessageContaining(ApicurioHome.PROPERTY);
    }

    @Test
    void shouldRejectAConfiguredDirectoryWithoutTheRunnerJar() {
        assertThatThrownBy(() -> ApicurioHome.locate(Map.of(ApicurioHome.PROPERTY, repo.toString())::get, NONE, repo))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(repo.toString());
    }

    private static Path unpackedHome(Path home) throws IOException {
        Files.createDirectories(home);
        Files.createFile(home.resolve("apicurio-registry-app-2.6.13.Final-runner.jar"));
        return home;
    }
}
