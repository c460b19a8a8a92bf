package io.archivesync.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Finds the unpacked Apicurio Registry distribution.
 *
 * <p>Why a search: the build unpacks it once, to {@code test-support/target/apicurio}, but tests run with the working
 * directory of whichever module they belong to. Searching upward from the working directory finds it from all of
 * them; a system property or environment variable overrides the search.
 */
final class ApicurioHome {

    static final String PROPERTY = "archivesync.apicurio.home";
    static final String ENV = "APICURIO_HOME";
    static final Path RELATIVE_HOME = Path.of("test-support", "target", "apicurio");

    private static final String RUNNER_JAR_GLOB = "apicurio-registry-app-*-runner.jar";

    private ApicurioHome() {
    }

    /**
     * @param properties system properties by name
     * @param env        environment variables by name
     * @param start      the directory the upward search starts from
     */
    static Path locate(UnaryOperator<String> properties, UnaryOperator<String> env, Path start) {
        String configured = properties.apply(PROPERTY);
        String source = "system property " + PROPERTY;
        if (isBlank(configured)) {
            configured = env.apply(ENV);
            source = "environment variable " + ENV;
        }
        if (!isBlank(configured)) {
            Path home = Path.of(configured).toAbsolutePath();
            if (findRunnerJar(home).isEmpty()) {
                throw new IllegalStateException(source + " names " + home + ", which holds no "
                        + RUNNER_JAR_GLOB);
            }
            return home;
        }
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE_HOME);
            if (findRunnerJar(candidate).isPresent()) {
                return candidate;
            }
        }
        throw new IllegalStateException("Apicurio Registry distribution not found above " + start.toAbsolutePath()
                + ": run `./mvnw -pl test-support -am package` (it unpacks to " + RELATIVE_HOME + "), or set -D"
                + PROPERTY + "=<dir> or " + ENV);
    }

    /** The Quarkus runner jar in {@code home}. */
    static Path runnerJar(Path home) {
        return findRunnerJar(home).orElseThrow(() -> new IllegalStateException(
                "No " + RUNNER_JAR_GLOB + " in " + home + ": run `./mvnw -pl test-support -am package`"));
    }

    private static Optional<Path> findRunnerJar(Path home) {
        if (!Files.isDirectory(home)) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(home, RUNNER_JAR_GLOB)) {
            for (Path jar : jars) {
                return Optional.of(jar);
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + home, e);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
