package io.archivesync.schemas.serde;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;

/**
 * The contracts as a third party builds them: Avro's own {@link Schema.Parser} over the published {@code .avsc}
 * files, each after the types it refers to, with no generated class anywhere.
 */
public final class PublishedAvsc {

    private static final Path AVRO_DIR = Path.of("src/main/avro");
    private static final String NAMESPACE = "io.archivesync.avro.";

    private PublishedAvsc() {
    }

    /** Parses every published file, each after those it refers to, as a client of the public contract would. */
    public static Schema parse(String name) {
        Schema.Parser parser = new Schema.Parser();
        Deque<Path> pending = new ArrayDeque<>(files(AVRO_DIR.resolve("common")));
        pending.addAll(files(AVRO_DIR));
        int failuresInARow = 0;
        while (!pending.isEmpty()) {
            Path file = pending.removeFirst();
            try {
                parser.parse(file.toFile());
                failuresInARow = 0;
            } catch (AvroRuntimeException undefinedYet) {
                // refers to a shared type not parsed yet: try again after the others
                pending.addLast(file);
                if (++failuresInARow > pending.size()) {
                    throw undefinedYet;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return parser.getTypes().get(NAMESPACE + name);
    }

    private static List<Path> files(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.toString().endsWith(".avsc")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
