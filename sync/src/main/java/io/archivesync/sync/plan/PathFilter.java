package io.archivesync.sync.plan;

import io.archivesync.core.archive.KeyPattern;
import java.util.List;
import java.util.function.Predicate;

/**
 * Which paths a sync sees: {@code --include} and {@code --exclude} globs ({@code *} within a directory, {@code **}
 * across, {@code ?} one character) or {@code regex:...} ({@link KeyPattern}, as the copy commands read them), on the
 * path relative to the roots. A path left out is invisible: never copied, never deleted, its base kept as it is.
 */
public final class PathFilter implements Predicate<String> {

    public static final PathFilter ALL = new PathFilter(List.of(), List.of());

    private final List<KeyPattern> include;
    private final List<KeyPattern> exclude;

    /** @throws IllegalArgumentException naming a pattern that is not valid */
    public PathFilter(List<String> include, List<String> exclude) {
        this.include = include == null ? List.of() : include.stream().map(KeyPattern::of).toList();
        this.exclude = exclude == null ? List.of() : exclude.stream().map(KeyPattern::of).toList();
    }

    @Override
    public boolean test(String path) {
        return (include.isEmpty() || include.stream().anyMatch(p -> p.matches(path)))
                && exclude.stream().noneMatch(p -> p.matches(path));
    }
}
