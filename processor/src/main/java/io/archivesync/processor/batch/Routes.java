package io.archivesync.processor.batch;

import io.archivesync.avro.OperationMode;
import io.archivesync.avro.Route;
import io.archivesync.core.config.AppConfig;
import io.archivesync.core.mode.CopyModes;
import io.archivesync.processor.validate.ValidatedRequest;
import io.archivesync.schemas.key.Destinations;

/**
 * Which copier pool a request belongs to, by the rule the copier's router applies ({@link CopyModes#plan}): a request
 * the storage can copy by itself goes to the server-side pool (request-rate bound), anything that must stream through
 * a copier (an HTTP(S) source, TRADITIONAL, sources on another endpoint) to the streaming pool (bandwidth bound).
 *
 * @param defaultMode            {@code sink.mode}: the mode of requests that name none
 * @param sourcesOnOtherEndpoint whether {@code sink.sourceEndpoint} is another endpoint than the destination's
 */
public record Routes(OperationMode defaultMode, boolean sourcesOnOtherEndpoint) {

    /** AUTO, sources on the destination's endpoint: the defaults. */
    public static final Routes DEFAULT = new Routes(OperationMode.AUTO, false);

    public Routes {
        if (defaultMode == null) {
            throw new IllegalArgumentException("defaultMode is required");
        }
    }

    /** The routes the copiers configured like this one will follow. */
    public static Routes of(AppConfig config) {
        return new Routes(config.sink().mode(), config.sourcesOnOtherEndpoint());
    }

    public Route of(ValidatedRequest accepted) {
        OperationMode mode = accepted.mode() != null ? accepted.mode() : defaultMode;
        return CopyModes.plan(mode, accepted.request().getSource().getUri(),
                Destinations.location(accepted.request().getDestination()), sourcesOnOtherEndpoint).route();
    }
}
