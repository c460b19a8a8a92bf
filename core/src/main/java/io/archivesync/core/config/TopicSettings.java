package io.archivesync.core.config;

/**
 * How our topics are named and created.
 *
 * @param prefix            prepended to every topic name, so several pipelines can share a cluster
 * @param partitions        partitions per topic: the ceiling on processor and copier instances
 * @param replicationFactor replicas per partition (1 for a single broker, 3 in production)
 * @param create            create missing topics at start-up
 */
public record TopicSettings(String prefix, int partitions, short replicationFactor, boolean create) {

    public TopicSettings {
        prefix = prefix == null ? "" : prefix.strip();
        if (!prefix.matches("[A-Za-z0-9._-]*")) {
            throw new ConfigException("topics.prefix", "'" + prefix + "' may only hold letters, digits, '.', '_' and '-'");
        }
        Check.positive("topics.partitions", partitions);
        Check.positive("topics.replicationFactor", (int) replicationFactor);
    }
}
