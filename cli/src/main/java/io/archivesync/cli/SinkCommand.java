package io.archivesync.cli;

import io.archivesync.core.config.AppConfig;
import io.archivesync.sink.CopierService;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Runs the copier until the process is told to stop. */
@Command(name = "sink", mixinStandardHelpOptions = true,
        description = "Run the copier: copy each batch's objects and write one result per object.")
final class SinkCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() throws InterruptedException {
        AppConfig config = SharedRegistry.require(options.load(List.of()));
        CopierService service = CopierService.start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, "archive-sync-shutdown"));
        service.await();
        return 0;
    }
}
