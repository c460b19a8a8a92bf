package io.archivesync.storage.http;

import java.io.InputStream;
import java.net.http.HttpHeaders;

/**
 * What a server answered to one request, redirects not followed.
 *
 * @param status  the HTTP status
 * @param headers the response headers
 * @param body    the body, empty for a HEAD; closing it before its end must drop the connection, not read the rest
 */
public record HttpAnswer(int status, HttpHeaders headers, InputStream body) {
}
