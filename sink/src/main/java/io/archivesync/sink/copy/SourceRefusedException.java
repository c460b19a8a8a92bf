package io.archivesync.sink.copy;

import java.net.UnknownHostException;

/**
 * A source host the copier will not connect to. It is an {@link UnknownHostException} because the HTTP client's
 * resolver may only throw that: refusing to resolve is how the check sits at connect time, on the very addresses
 * the connection then uses.
 */
final class SourceRefusedException extends UnknownHostException {

    private static final long serialVersionUID = 1L;

    SourceRefusedException(String reason) {
        super(reason);
    }
}
