package io.archivesync.cli;

import io.archivesync.cli.demo.DemoCommand;
import io.archivesync.cli.oneshot.ConflictsCommand;
import io.archivesync.cli.oneshot.CopyCommand;
import io.archivesync.cli.oneshot.DownloadCommand;
import io.archivesync.cli.oneshot.HistoryCommand;
import io.archivesync.cli.oneshot.MirrorCommand;
import io.archivesync.cli.oneshot.ResolveCommand;
import io.archivesync.cli.oneshot.RetryCommand;
import io.archivesync.cli.oneshot.StatusCommand;
import io.archivesync.cli.oneshot.SyncCommand;
import io.archivesync.cli.oneshot.UploadCommand;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine;

/** The archive-sync launcher: one jar, one subcommand per service, plus the embedded demo. */
@Command(name = "archive-sync", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Copies, mirrors and syncs object stores and local files, event by event, over Kafka.",
        subcommands = {CopyCommand.class, UploadCommand.class, DownloadCommand.class, MirrorCommand.class,
                SyncCommand.class, ConflictsCommand.class, ResolveCommand.class, StatusCommand.class,
                RetryCommand.class, HistoryCommand.class, DemoCommand.class, ProducerCommand.class,
                ProcessorCommand.class, SinkCommand.class, SampleArchiveCommand.class, PublishCommand.class,
                SqsBridgeCommand.class})
public final class Main {

    /** The console log level property read by logback.xml; the demo keeps the console for its own output. */
    static final String CONSOLE_LEVEL = "archivesync.console.level";

    /** Commands whose own output (progress, summary) is what a person reads: the log says only warnings. */
    private static final Set<String> QUIET_COMMANDS = Set.of("demo", "copy", "upload", "download", "mirror",
            "status", "retry", "history", "sync", "conflicts", "resolve");

    public static void main(String[] args) {
        if (args.length > 0 && QUIET_COMMANDS.contains(args[0]) && System.getProperty(CONSOLE_LEVEL) == null) {
            System.setProperty(CONSOLE_LEVEL, "WARN");
        }
        System.exit(commandLine().execute(args));
    }

    /**
     * The launcher as every caller should build it: one-line errors ({@link ErrorLine}), {@code --version} on every
     * command, and {@code --help} that shows each option's default (the settings' own, from the defaults file).
     */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(new ErrorLine());
        configure(cli, SettingDefaults.load());
        return cli;
    }

    private static void configure(CommandLine command, SettingDefaults defaults) {
        CommandSpec spec = command.getCommandSpec();
        spec.usageMessage().showDefaultValues(true);
        spec.versionProvider(new Version());
        spec.resourceBundle(defaults);
        command.getSubcommands().values().forEach(sub -> configure(sub, defaults));
    }
}
