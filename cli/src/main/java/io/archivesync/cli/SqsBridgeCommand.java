package io.archivesync.cli;

import io.archivesync.bridge.SqsBridgeService;
import io.archivesync.core.config.AppConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs the SQS bridge until the process is told to stop. */
@Command(name = "sqs-bridge", mixinStandardHelpOptions = true,
        description = "Turn S3 event notifications from an SQS queue into file-to-sync requests.")
final class SqsBridgeCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Option(names = "--queue-url", description = "the queue of S3 event notifications (bridge.queueUrl)")
    String queueUrl;

    @Option(names = "--sqs-endpoint", description = "non-AWS SQS endpoint, e.g. ElasticMQ (bridge.endpoint)")
    String sqsEndpoint;

    @Override
    public Integer call() throws InterruptedException {
        List<String> o = new ArrayList<>();
        if (queueUrl != null) {
            o.add("bridge.queueUrl=" + queueUrl);
        }
        if (sqsEndpoint != null) {
            o.add("bridge.endpoint=" + sqsEndpoint);
        }
        AppConfig config = SharedRegistry.require(options.load(o));
        config.bridge().requireQueueUrl();
        CountDownLatch stopped = new CountDownLatch(1);
        SqsBridgeService service = SqsBridgeService.start(config);
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "archive-sync-shutdown"));
            stopped.await();
        } finally {
            service.close();
        }
        return 0;
    }
}
