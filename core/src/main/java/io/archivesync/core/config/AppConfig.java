package io.archivesync.core.config;

/**
 * Everything a process of archive-sync is configured with, parsed once at start-up by {@link ConfigLoader}. Each
 * section validates itself; settings that only make sense together are checked here.
 */
public record AppConfig(
        KafkaSettings kafka,
        TopicSettings topics,
        S3Settings s3,
        ProducerSettings producer,
        ProcessorSettings processor,
        SinkSettings sink,
        BridgeSettings bridge,
        StorageSettings storage) {

    public AppConfig {
        if (kafka == null || topics == null || s3 == null || producer == null || processor == null || sink == null) {
            throw new ConfigException("(root)", "sections kafka, topics, s3, producer, processor and sink are required");
        }
        bridge = bridge == null ? BridgeSettings.defaults() : bridge;
        storage = storage == null ? StorageSettings.NONE : storage;
        processor.batch().requireFits(kafka.properties());
    }

    /** Without a bridge section (the bridge's defaults), for code written before the SQS bridge existed. */
    public AppConfig(KafkaSettings kafka, TopicSettings topics, S3Settings s3, ProducerSettings producer,
                     ProcessorSettings processor, SinkSettings sink) {
        this(kafka, topics, s3, producer, processor, sink, BridgeSettings.defaults());
    }

    /** Without a storage section: no named remotes and no local files. */
    public AppConfig(KafkaSettings kafka, TopicSettings topics, S3Settings s3, ProducerSettings producer,
                     ProcessorSettings processor, SinkSettings sink, BridgeSettings bridge) {
        this(kafka, topics, s3, producer, processor, sink, bridge, StorageSettings.NONE);
    }



    /**
     * Whether S3 sources are read from another endpoint than the destination's ({@code sink.sourceEndpoint} set and
     * not {@code s3.endpoint}): two servers cannot copy between each other, so such copies stream. The processor's
     * routes and the copier's router both ask this.
     */
    public boolean sourcesOnOtherEndpoint() {
        return sourcesOnOtherEndpoint(s3, sink);
    }

    /** {@link #sourcesOnOtherEndpoint()} from the two sections it depends on. */
    public static boolean sourcesOnOtherEndpoint(S3Settings s3, SinkSettings sink) {
        return sink.sourceEndpoint() != null && !sink.sourceEndpoint().equals(s3.endpoint());
    }

    public AppConfig withProducer(ProducerSettings p) {
        return new AppConfig(kafka, topics, s3, p, processor, sink, bridge, storage);
    }


    public AppConfig withSink(SinkSettings s) {
        return new AppConfig(kafka, topics, s3, producer, processor, s, bridge, storage);
    }

    public AppConfig withStorage(StorageSettings st) {
        return new AppConfig(kafka, topics, s3, producer, processor, sink, bridge, st);
    }

    public AppConfig withBridge(BridgeSettings b) {
        return new AppConfig(kafka, topics, s3, producer, processor, sink, b, storage);
    }
}
