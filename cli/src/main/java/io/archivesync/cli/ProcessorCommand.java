package io.archivesync.cli;

import io.archivesync.core.config.AppConfig;
import io.archivesync.processor.ProcessorService;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Runs the Streams topology until the process is told to stop. */
@Command(name = "processor", mixinStandardHelpOptions = true,
        description = "Run the topology: validate, deduplicate and batch requests.")
final class ProcessorCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() throws InterruptedException {
        AppConfig config = SharedRegistry.require(options.load(List.of()));
        CountDownLatch stopped = new CountDownLatch(1);
        ProcessorService service = ProcessorService.start(config, Duration.ofMinutes(2));
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "archive-sync-shutdown"));
            stopped.await();
        } finally {
            service.close();
        }
        return 0;
    }
}
