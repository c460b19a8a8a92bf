package io.archivesync.producer.plan;

import io.archivesync.core.archive.ArchiveLayout;
import io.archivesync.core.archive.KeyPattern;
import io.archivesync.core.config.ProducerSettings;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * Which keys the enumerator keeps: keys that follow the archive's layout, within the date range (a monthly file is
 * kept when its month overlaps the range), sidecars only when wanted, then the include and exclude patterns.
 */
public final class KeyFilter {

    private final ProducerSettings settings;
    private final List<KeyPattern> include;
    private final List<KeyPattern> exclude;

    public KeyFilter(ProducerSettings settings) {
        this.settings = settings;
        this.include = settings.include().stream().map(KeyPattern::of).toList();
        this.exclude = settings.exclude().stream().map(KeyPattern::of).toList();
    }

    /** The include/exclude patterns alone: what generated keys, which follow the layout by construction, need. */
    public boolean matchesPatterns(String key) {
        if (!include.isEmpty() && include.stream().noneMatch(p -> p.matches(key))) {
            return false;
        }
        return exclude.stream().noneMatch(p -> p.matches(key));
    }

    /** Every rule, for listed keys. */
    public boolean matches(String key) {
        var coordinates = ArchiveLayout.parse(key);
        if (coordinates.isEmpty()) {
            return false;
        }
        if (coordinates.get().getSidecar() && !settings.includeChecksums()) {
            return false;
        }
        String date = coordinates.get().getDate();
        return inRange(firstDay(date), lastDay(date)) && matchesPatterns(key);
    }

    /** Whether a file whose data starts after {@code producer.to} - listing can stop at the first such key. */
    public boolean isAfterRange(String date) {
        return settings.to() != null && firstDay(date).isAfter(settings.to());
    }

    private boolean inRange(LocalDate first, LocalDate last) {
        return (settings.from() == null || !last.isBefore(settings.from()))
                && (settings.to() == null || !first.isAfter(settings.to()));
    }

    static LocalDate firstDay(String date) {
        return date.length() == 7 ? YearMonth.parse(date).atDay(1) : LocalDate.parse(date);
    }

    static LocalDate lastDay(String date) {
        return date.length() == 7 ? YearMonth.parse(date).atEndOfMonth() : LocalDate.parse(date);
    }
}
