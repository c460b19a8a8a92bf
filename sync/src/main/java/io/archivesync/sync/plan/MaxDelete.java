package io.archivesync.sync.plan;

/**
 * How many deletions one run may make on each side: a count, or a percentage of the pair's paths in the base (rounded
 * up, so one of three paths may go under 10%).
 *
 * @param count   the count, or -1 when a percentage
 * @param percent the percentage, or -1 when a count
 */
public record MaxDelete(long count, double percent) {

    /** The default: a tenth of the paths; rclone bisync's is half. */
    public static final String DEFAULT = "10%";

    public MaxDelete {
        if ((count < 0) == (percent < 0)) {
            throw new IllegalArgumentException("a limit is a count or a percentage");
        }
        if (percent > 100) {
            throw new IllegalArgumentException("--max-delete is at most 100%, not " + percent + "%");
        }
    }

    /** Reads {@code 50} or {@code 10%}. */
    public static MaxDelete parse(String text) {
        String t = text.strip();
        try {
            return t.endsWith("%") ? new MaxDelete(-1, Double.parseDouble(t.substring(0, t.length() - 1)))
                    : new MaxDelete(Long.parseLong(t), -1);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--max-delete takes a count (50) or a percentage (10%), not '" + text
                    + "'", e);
        }
    }

    /** The number of deletions allowed for a pair with this many paths in its base. */
    public long limit(long basePaths) {
        return count >= 0 ? count : (long) Math.ceil(basePaths * percent / 100.0);
    }

    @Override
    public String toString() {
        return count >= 0 ? Long.toString(count) : (percent == Math.rint(percent) ? Long.toString((long) percent)
                : Double.toString(percent)) + "%";
    }
}
