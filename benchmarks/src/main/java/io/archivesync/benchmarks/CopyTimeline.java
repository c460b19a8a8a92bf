package io.archivesync.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where one {@code archive-sync copy} process spent its time: seconds from the process's start to each milestone
 * its INFO lines mark (each line stamped {@code HH:mm:ss.SSS}), in the order they happen. Before the first log line:
 * JVM start-up, class loading, command-line parsing. The first copy is the job's own {@code firstCopyMillis}; exit is
 * the process's end as the parent saw it. A milestone whose line is missing is left out.
 */
record CopyTimeline(Map<String, Double> milestones) {

    private static final Pattern STAMP = Pattern.compile("^(\\d\\d:\\d\\d:\\d\\d\\.\\d\\d\\d) ");
    private static final Pattern PIPELINE = Pattern.compile("local pipeline started .*millis=(\\d+)");
    private static final Pattern DONE = Pattern.compile("job done .*firstCopyMillis=(-?\\d+) totalMillis=(\\d+)");

    /** Milestone names and the text of the line that marks each. */
    private static final Map<String, String> MARKS = marks();

    static CopyTimeline read(Path log, LocalTime started, double exit) throws IOException {
        Map<String, Double> at = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        for (String line : lines) {
            double t = offset(line, started);
            if (t < 0) {
                continue;
            }
            at.putIfAbsent("first log line", t);
            MARKS.forEach((name, text) -> {
                if (line.contains(text)) {
                    at.putIfAbsent(name, t);
                }
            });
            Matcher p = PIPELINE.matcher(line);
            if (p.find()) {
                // the source is listed before the pipeline starts: this tells the two apart
                at.put("pipeline starting", t - Long.parseLong(p.group(1)) / 1000.0);
            }
            Matcher m = DONE.matcher(line);
            if (m.find() && Long.parseLong(m.group(1)) >= 0) {
                // the job's clock started totalMillis before this line
                at.put("first copy", t - Long.parseLong(m.group(2)) / 1000.0 + Long.parseLong(m.group(1)) / 1000.0);
            }
        }
        at.put("exit", exit);
        Map<String, Double> ordered = at.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
        return new CopyTimeline(ordered);
    }

    private static Map<String, String> marks() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("broker up", "Kafka broker started");
        m.put("processor running", "processor running");
        m.put("copier started", "copier started");
        m.put("requests published", "job published ");
        m.put("job done", "job done ");
        m.put("copier stopped", "copier stopped");
        m.put("processor stopped", "processor stopped");
        m.put("broker stopped", "Kafka broker stopped");
        return m;
    }

    private static double offset(String line, LocalTime started) {
        Matcher m = STAMP.matcher(line);
        if (!m.find()) {
            return -1;
        }
        try {
            long millis = Duration.between(started, LocalTime.parse(m.group(1))).toMillis();
            return Math.floorMod(millis, Duration.ofDays(1).toMillis()) / 1000.0;
        } catch (DateTimeParseException e) {
            return -1;
        }
    }

    @Override
    public String toString() {
        return milestones.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %.1f", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", ", "", " (s from process start)"));
    }
}
