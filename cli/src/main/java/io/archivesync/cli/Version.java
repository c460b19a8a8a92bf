package io.archivesync.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The launcher's version for {@code --version} on every command, read from the one place the build writes it: the
 * {@code pom.properties} Maven puts in the jar. Run from classes (tests, an IDE) there is none.
 */
public final class Version implements IVersionProvider {

    private static final String POM_PROPERTIES = "/META-INF/maven/io.archivesync/archive-sync-cli/pom.properties";

    @Override
    public String[] getVersion() {
        return new String[] {"archive-sync " + version()};
    }

    static String version() {
        try (InputStream in = Version.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                return "(development build)";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "(unknown version)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
