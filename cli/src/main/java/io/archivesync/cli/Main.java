package io.archivesync.cli;

import io.archivesync.cli.demo.DemoCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The archive-sync launcher: one jar, one subcommand per service, plus the embedded demo. */
@Command(name = "archive-sync", mixinStandardHelpOptions = true, version = "archive-sync 0.1.0",
        description = "Mirrors public data archives into object storage, event by event, over Kafka.",
        subcommands = {DemoCommand.class, ProducerCommand.class, ProcessorCommand.class, SinkCommand.class,
                SampleArchiveCommand.class, PublishCommand.class, SqsBridgeCommand.class})
public final class Main {

    /** The console log level property read by logback.xml; the demo keeps the console for its own output. */
    static final String CONSOLE_LEVEL = "archivesync.console.level";

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("demo") && System.getProperty(CONSOLE_LEVEL) == null) {
            System.setProperty(CONSOLE_LEVEL, "WARN");
        }
        System.exit(new CommandLine(new Main()).execute(args));
    }
}
