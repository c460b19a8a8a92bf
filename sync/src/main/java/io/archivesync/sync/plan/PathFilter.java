package io.archivesync.sync.plan;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Which paths a sync sees: {@code --include} and {@code --exclude} globs ({@code *} within a directory, {@code **}
 * across, {@code ?} one character) or {@code regex:...}, on the path relative to the roots. A path left out is
 * invisible: never copied, never deleted, its base kept as it is.
 */
public final class PathFilter implements Predicate<String> {

    public static final PathFilter ALL = new PathFilter(List.of(), List.of());

    private final List<Pattern> include;
    private final List<Pattern> exclude;

    public PathFilter(List<String> include, List<String> exclude) {
        this.include = include == null ? List.of() : include.stream().map(PathFilter::compile).toList();
        this.exclude = exclude == null ? List.of() : exclude.stream().map(PathFilter::compile).toList();
    }

    @Override
    public boolean test(String path) {
        return (include.isEmpty() || include.stream().anyMatch(p -> p.matcher(path).matches()))
                && exclude.stream().noneMatch(p -> p.matcher(path).matches());
    }

    static Pattern compile(String glob) {
        if (glob.startsWith("regex:")) {
            return Pattern.compile(glob.substring("regex:".length()));
        }
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
