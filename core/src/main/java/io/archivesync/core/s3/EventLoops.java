package io.archivesync.core.s3;

import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;

/**
 * The one Netty event loop group every async S3 client of the process shares. Given to the SDK, it is not the
 * clients' to close: closing a client then returns at once, instead of waiting out Netty's two-second quiet period
 * (which made every command's planning and every copier's stop two seconds longer). Its threads are daemons, so the
 * process exits without closing it; as many as the SDK would make per client (two per core).
 */
final class EventLoops {

    static final SdkEventLoopGroup SHARED = SdkEventLoopGroup.create(new NioEventLoopGroup(
            2 * Runtime.getRuntime().availableProcessors(), new DefaultThreadFactory("archive-sync-s3-io", true)));

    private EventLoops() {
    }
}
