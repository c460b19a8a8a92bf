package io.archivesync.cli.demo;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;

/** The demo's closing summary. */
final class DemoReport {

    private DemoReport() {
    }

    static void print(PrintStream out, DemoRun.RunReport first, DemoRun.RunReport second, DemoCheck.Verdict check,
                      URI endpoint, Path mirrorDir, double totalSeconds) {
        out.println();
        out.println("summary");
        out.println("  run  requests  copied  unverified  skipped  failed  dup-dropped  bytes copied  bytes via copier"
                + "  requests  mode           seconds");
        for (DemoRun.RunReport r : new DemoRun.RunReport[] {first, second}) {
            var s = r.summary();
            out.printf("  %3d  %8d  %6d  %10d  %7d  %6d  %11d  %12d  %16d  %8d  %-13s  %7.1f%n", r.run(),
                    r.emitted(), s.copied(), s.unverified(), s.skipped(), s.failed(), r.dropped(), s.bytes(),
                    s.bytesThroughCopier(),
                    s.storageRequests(), s.byMethod().isEmpty() ? "-" : s.byMethod().toString(), r.seconds());
        }
        if (first.summary().failed() > 0 || first.summary().unverified() > 0) {
            out.println("  failures: " + first.summary().byOutcome());
        }
        out.printf("  verified: %d objects byte-identical, %d/%d zips match their published SHA-256%n",
                check.identical(), check.checksumsOk(), check.zips());
        out.printf("  mirror: s3://%s/%s on %s (stopped now); its files stay under %s%n", DemoRun.MIRROR_BUCKET,
                DemoRun.MIRROR_PREFIX, endpoint, mirrorDir);
        out.printf("  wall time: %.1f s%n", totalSeconds);
    }
}
