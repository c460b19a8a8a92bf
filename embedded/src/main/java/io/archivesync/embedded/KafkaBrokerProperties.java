package io.archivesync.embedded;

import java.nio.file.Path;
import java.util.Properties;

/**
 * The configuration of a single combined KRaft broker and controller, loopback only.
 *
 * <p>Why each non-default: a single node can hold only one replica, so every internal topic (consumer offsets,
 * transaction state, share-group state) gets replication factor 1 and min.isr 1, which is what lets Kafka
 * transactions and Kafka Streams {@code exactly_once_v2} work at all. Internal topics get one partition and the
 * log cleaner a small dedupe buffer (the default allocates 128 MiB of heap per broker) so a test broker starts fast
 * and small. Auto topic creation is off so code must create its topics explicitly, as it must in production.
 */
final class KafkaBrokerProperties {

    static final String BROKER_LISTENER = "PLAINTEXT";
    static final String CONTROLLER_LISTENER = "CONTROLLER";

    private KafkaBrokerProperties() {
    }

    /**
     * The same node with a static quorum ({@code controller.quorum.voters}) instead of a dynamic one: the voter's
     * address lives in the configuration, not in the log, so a log directory kept across restarts works with new
     * ports each time.
     */
    static Properties staticQuorum(Path logDir, int brokerPort, int controllerPort) {
        Properties props = of(logDir, brokerPort, controllerPort);
        props.remove("controller.quorum.bootstrap.servers");
        props.setProperty("controller.quorum.voters", props.getProperty("node.id") + "@" + FreePorts.LOOPBACK + ":"
                + controllerPort);
        return props;
    }

    static Properties of(Path logDir, int brokerPort, int controllerPort) {
        String host = FreePorts.LOOPBACK;
        Properties props = new Properties();
        props.setProperty("process.roles", "broker,controller");
        props.setProperty("node.id", "1");
        props.setProperty("listeners", BROKER_LISTENER + "://" + host + ":" + brokerPort + ","
                + CONTROLLER_LISTENER + "://" + host + ":" + controllerPort);
        props.setProperty("advertised.listeners", BROKER_LISTENER + "://" + host + ":" + brokerPort);
        props.setProperty("listener.security.protocol.map",
                BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.setProperty("inter.broker.listener.name", BROKER_LISTENER);
        props.setProperty("controller.listener.names", CONTROLLER_LISTENER);
        props.setProperty("controller.quorum.bootstrap.servers", host + ":" + controllerPort);
        props.setProperty("log.dirs", logDir.toAbsolutePath().toString());

        props.setProperty("auto.create.topics.enable", "false");
        props.setProperty("num.partitions", "1");
        props.setProperty("default.replication.factor", "1");
        props.setProperty("min.insync.replicas", "1");
        props.setProperty("offsets.topic.replication.factor", "1");
        props.setProperty("offsets.topic.num.partitions", "1");
        props.setProperty("transaction.state.log.replication.factor", "1");
        props.setProperty("transaction.state.log.min.isr", "1");
        props.setProperty("transaction.state.log.num.partitions", "1");
        props.setProperty("share.coordinator.state.topic.replication.factor", "1");
        props.setProperty("share.coordinator.state.topic.min.isr", "1");
        props.setProperty("share.coordinator.state.topic.num.partitions", "1");
        props.setProperty("group.initial.rebalance.delay.ms", "0");

        props.setProperty("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
        props.setProperty("num.network.threads", "2");
        props.setProperty("num.io.threads", "4");
        return props;
    }
}
