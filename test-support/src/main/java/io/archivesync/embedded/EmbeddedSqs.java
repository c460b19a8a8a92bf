package io.archivesync.embedded;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.net.URI;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pekko.actor.ActorSystem;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A real SQS API (ElasticMQ) inside this JVM, on a 127.0.0.1 ephemeral port.
 *
 * <p>Why ElasticMQ: visibility timeouts, dead-letter redrive, batches and message attributes behave as in SQS. It
 * runs on a Pekko actor system; this class creates that system itself, with its own configuration (logging through
 * SLF4J, nothing on stdout, whatever {@code application.conf} the application has), so that {@link #close()} can
 * terminate it: stopping only the HTTP server would leave the actor system's non-daemon threads running.
 */
public final class EmbeddedSqs implements AutoCloseable {

    /** ElasticMQ accepts any region and credentials; clients use these. */
    public static final String REGION = "us-east-1";

    private static final Logger LOGGER = LoggerFactory.getLogger(EmbeddedSqs.class);
    private static final long STOP_TIMEOUT_SECONDS = 30;
    private static final String ACTOR_SYSTEM_CONFIG = """
            pekko {
              loggers = ["org.apache.pekko.event.slf4j.Slf4jLogger"]
              logging-filter = "org.apache.pekko.event.slf4j.Slf4jLoggingFilter"
              loglevel = "INFO"
              stdout-loglevel = "OFF"
              log-dead-letters = off
              log-dead-letters-during-shutdown = off
              http.server.parsing.illegal-header-warnings = off
              # SQS long polls wait up to 20 s; the request must outlive that.
              http.server.request-timeout = 21 s
              # SQS allows 256 KiB payloads, which the query protocol can put in the URI.
              http.server.parsing.max-uri-length = 256k
            }
            """;

    private final ActorSystem actorSystem;
    private final SQSRestServer server;
    private final URI endpoint;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedSqs(ActorSystem actorSystem, SQSRestServer server, URI endpoint) {
        this.actorSystem = actorSystem;
        this.server = server;
        this.endpoint = endpoint;
    }

    public static EmbeddedSqs start() {
        ClassLoader classLoader = EmbeddedSqs.class.getClassLoader();
        Config config = ConfigFactory.parseString(ACTOR_SYSTEM_CONFIG)
                .withFallback(ConfigFactory.defaultReference(classLoader));
        ActorSystem actorSystem = ActorSystem.create("archive-sync-sqs", config, classLoader);
        try {
            SQSRestServer server = SQSRestServerBuilder.withActorSystem(actorSystem)
                    .withInterface(FreePorts.LOOPBACK)
                    .withDynamicPort()
                    .withAWSRegion(REGION)
                    .start();
            int port = server.waitUntilStarted().localAddress().getPort();
            URI endpoint = URI.create("http://" + FreePorts.LOOPBACK + ":" + port);
            LOGGER.info("SQS server started endpoint={}", endpoint);
            return new EmbeddedSqs(actorSystem, server, endpoint);
        } catch (RuntimeException e) {
            terminate(actorSystem);
            throw new IllegalStateException("ElasticMQ did not start", e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /** A client for this server (region {@value #REGION}, placeholder credentials); the caller closes it. */
    public SqsClient newClient() {
        return AwsClients.sqs(endpoint, REGION, "archive-sync", "archive-sync-secret");
    }

    /** Unbinds the HTTP server, then terminates the actor system and waits for it. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            server.stopAndWait();
        } catch (RuntimeException e) {
            LOGGER.warn("ElasticMQ HTTP server did not stop cleanly endpoint={}", endpoint, e);
        }
        terminate(actorSystem);
        LOGGER.info("SQS server stopped endpoint={}", endpoint);
    }

    @Override
    public String toString() {
        return "EmbeddedSqs[" + endpoint + "]";
    }

    private static void terminate(ActorSystem actorSystem) {
        actorSystem.terminate();
        try {
            actorSystem.getWhenTerminated().toCompletableFuture().get(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOGGER.warn("ElasticMQ actor system did not terminate in {} s", STOP_TIMEOUT_SECONDS, e);
        }
    }
}
