package io.archivesync.cli.oneshot;

import io.archivesync.core.config.ConfigException;
import io.archivesync.sync.Keep;
import io.archivesync.sync.state.ConflictRecord;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code archive-sync resolve PATH --keep a|b|both}: a person's decision on a parked conflict, recorded on the
 * conflicts topic and applied by the pair's next sync, conditionally: only while both sides are still what they were
 * when the conflict was parked.
 */
@Command(name = "resolve", mixinStandardHelpOptions = true,
        description = {"Settle a conflict parked by --conflict manual. The decision is applied by the pair's next "
                + "'archive-sync sync', and only if neither side changed since the conflict was shown."})
public final class ResolveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SyncOptionsMixin options;

    @Parameters(index = "0", paramLabel = "PATH", description = "the path, as 'archive-sync conflicts' shows it")
    String path;

    @Option(names = "--keep", required = true, description = "a, b, or both (A's at the path, B's under a "
            + "conflict name, on both sides)")
    String keep;

    @Option(names = "--pair", description = "the pair id, when several pairs have a conflict on PATH")
    String pair;

    @Override
    public Integer call() {
        Keep decision;
        try {
            decision = Keep.parse(keep);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--keep", e.getMessage());
        }
        try (SyncSession session = SyncSession.open(options, List.of())) {
            List<ConflictRecord> matching = session.state().conflicts(pair).stream()
                    .filter(c -> c.path().equals(path)).toList();
            if (matching.isEmpty()) {
                throw new ConfigException("PATH", "no open conflict on '" + path + "'" + (pair == null ? ""
                        : " in pair " + pair) + " ('archive-sync conflicts' lists them)");
            }
            if (matching.size() > 1) {
                throw new ConfigException("--pair", "pairs " + matching.stream().map(ConflictRecord::pairId).toList()
                        + " all have a conflict on '" + path + "': name one");
            }
            ConflictRecord c = matching.get(0);
            session.state().putConflict(c.resolved(decision));
            spec.commandLine().getOut().printf("resolved %s: keep %s; the next 'archive-sync sync %s %s' applies it"
                    + " (if neither side changed since)%n", path, decision.name().toLowerCase(), c.aLocation(),
                    c.bLocation());
        }
        return 0;
    }
}
