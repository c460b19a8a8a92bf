package io.archivesync.embedded.gcs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two parts of a {@code multipart/related} upload (RFC 2046): the object's JSON metadata, then its bytes.
 *
 * <p>Framing: {@code --B CRLF headers CRLF CRLF body CRLF --B ... --B--}, with the boundary B from the request's
 * {@code Content-Type}. Parts are found by searching the bytes for {@code CRLF--B}, so binary content is safe.
 *
 * @param metadata the first part's body (JSON)
 * @param content  the second part's body (the object's bytes)
 */
record MultipartBody(byte[] metadata, byte[] content) {

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final byte[] HEADER_END = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    static MultipartBody parse(String contentType, byte[] body) {
        Matcher matcher = contentType == null ? null : BOUNDARY.matcher(contentType);
        if (matcher == null || !matcher.find()) {
            throw GcsError.BAD_REQUEST.exception("A multipart upload needs a boundary, got Content-Type "
                    + contentType);
        }
        byte[] dashBoundary = ("--" + matcher.group(1)).getBytes(StandardCharsets.US_ASCII);
        byte[] delimiter = ("\r\n--" + matcher.group(1)).getBytes(StandardCharsets.US_ASCII);
        int start = indexOf(body, dashBoundary, 0);
        if (start < 0) {
            throw GcsError.BAD_REQUEST.exception("The multipart body has no boundary");
        }
        List<byte[]> parts = new ArrayList<>();
        int partStart = start + dashBoundary.length;
        while (true) {
            if (startsWith(body, partStart, "--")) {
                break;
            }
            int next = indexOf(body, delimiter, partStart);
            if (next < 0) {
                throw GcsError.BAD_REQUEST.exception("The multipart body is not closed");
            }
            int headersEnd = indexOf(body, HEADER_END, partStart);
            if (headersEnd < 0 || headersEnd > next) {
                throw GcsError.BAD_REQUEST.exception("A multipart part has no header end");
            }
            parts.add(Arrays.copyOfRange(body, headersEnd + HEADER_END.length, next));
            partStart = next + delimiter.length;
        }
        if (parts.size() != 2) {
            throw GcsError.BAD_REQUEST.exception("A multipart upload has metadata and content, got "
                    + parts.size() + " parts");
        }
        return new MultipartBody(parts.get(0), parts.get(1));
    }

    private static boolean startsWith(byte[] bytes, int at, String text) {
        byte[] expected = text.getBytes(StandardCharsets.US_ASCII);
        return at + expected.length <= bytes.length
                && Arrays.equals(bytes, at, at + expected.length, expected, 0, expected.length);
    }

    private static int indexOf(byte[] bytes, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= bytes.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (bytes[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
