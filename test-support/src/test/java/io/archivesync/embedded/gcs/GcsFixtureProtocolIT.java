package io.archivesync.embedded.gcs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The wire answers the Java client relies on but does not show: status codes, headers and the edge cases of
 * ranges, resumable chunks and rewrite tokens, checked with plain HTTP.
 */
class GcsFixtureProtocolIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static GcsFixture gcs;
    private static String base;

    private String bucket;

    @BeforeAll
    static void startFixture() {
        gcs = GcsFixture.start();
        base = gcs.endpoint().endpoint().toString();
    }

    @AfterAll
    static void stopFixture() {
        gcs.close();
    }

    @BeforeEach
    void createBucket() throws Exception {
        bucket = "wire-" + UUID.randomUUID();
        assertThat(send("POST", "/storage/v1/b?project=test", "{\"name\":\"" + bucket + "\"}", null).statusCode())
                .isEqualTo(200);
    }

    @Test
    void shouldAnswerARangeWith206AndTheHeadersOfTheWholeObject() throws Exception {
        // Given a 10-byte object
        byte[] content = "0123456789".getBytes(StandardCharsets.US_ASCII);
        put("digits", content);

        // When bytes 2-5, the last 3 bytes, and bytes from 10 on are asked for
        HttpResponse<byte[]> middle = get("/download/storage/v1/b/" + bucket + "/o/digits?alt=media", "bytes=2-5");
        HttpResponse<byte[]> suffix = get("/storage/v1/b/" + bucket + "/o/digits?alt=media", "bytes=-3");
        HttpResponse<byte[]> past = get("/storage/v1/b/" + bucket + "/o/digits?alt=media", "bytes=10-");

        // Then the first two are 206 with their slice and the stored length and hashes; the third is 416
        assertThat(middle.statusCode()).isEqualTo(206);
        assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(content, 2, 6));
        assertThat(middle.headers().firstValue("Content-Range")).hasValue("bytes 2-5/10");
        assertThat(middle.headers().firstValue("x-goog-stored-content-length")).hasValue("10");
        assertThat(middle.headers().firstValue("x-goog-hash").orElseThrow()).contains("crc32c=").contains("md5=");
        assertThat(suffix.body()).isEqualTo("789".getBytes(StandardCharsets.US_ASCII));
        assertThat(past.statusCode()).isEqualTo(416);
    }

    @Test
    void shouldAcceptOverlappingChunksAndReportProgressWith308() throws Exception {
        // Given a resumable session
        HttpResponse<byte[]> opened = send("POST", "/upload/storage/v1/b/" + bucket + "/o?uploadType=resumable",
                "{\"name\":\"resumed.txt\",\"contentType\":\"text/plain\"}", null);
        String session = opened.headers().firstValue("Location").orElseThrow().substring(base.length());

        // When a chunk is sent, then resent overlapping the next one, and the status is asked for
        HttpResponse<byte[]> first = send("PUT", session, "abcd", "bytes 0-3/*");
        HttpResponse<byte[]> overlapping = send("PUT", session, "cdef", "bytes 2-5/*");
        HttpResponse<byte[]> status = send("PUT", session, "", "bytes */*");
        HttpResponse<byte[]> gap = send("PUT", session, "zz", "bytes 9-10/*");
        HttpResponse<byte[]> last = send("PUT", session, "gh", "bytes 6-7/8");
        HttpResponse<byte[]> afterwards = send("PUT", session, "", "bytes */*");

        // Then each incomplete step is 308 with the persisted range, a gap is refused, and the last chunk writes it
        assertThat(first.statusCode()).isEqualTo(308);
        assertThat(first.headers().firstValue("Range")).hasValue("bytes=0-3");
        assertThat(overlapping.headers().firstValue("Range")).hasValue("bytes=0-5");
        assertThat(status.statusCode()).isEqualTo(308);
        assertThat(status.headers().firstValue("Range")).hasValue("bytes=0-5");
        assertThat(gap.statusCode()).isEqualTo(400);
        assertThat(last.statusCode()).isEqualTo(200);
        assertThat(json(last).get("size").asText()).isEqualTo("8");
        assertThat(json(last).get("contentType").asText()).isEqualTo("text/plain");
        assertThat(afterwards.statusCode()).isEqualTo(200);
        assertThat(get("/storage/v1/b/" + bucket + "/o/resumed.txt?alt=media", null).body())
                .isEqualTo("abcdefgh".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void shouldRefuseAMultipartUploadWhoseChecksumDoesNotMatch() throws Exception {
        // Given a multipart body whose metadata claims another MD5
        String boundary = "b0undary";
        String body = "--" + boundary + "\r\nContent-Type: application/json\r\n\r\n"
                + "{\"name\":\"claimed\",\"md5Hash\":\"AAAAAAAAAAAAAAAAAAAAAA==\"}\r\n"
                + "--" + boundary + "\r\nContent-Type: text/plain\r\n\r\nhello\r\n--" + boundary + "--";
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/upload/storage/v1/b/" + bucket
                        + "/o?uploadType=multipart"))
                .header("Content-Type", "multipart/related; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();

        // When it is uploaded, then it is refused with GCS's error body and nothing is stored
        HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).at("/error/code").asInt()).isEqualTo(400);
        assertThat(get("/storage/v1/b/" + bucket + "/o/claimed", null).statusCode()).isEqualTo(404);
    }

    @Test
    void shouldGiveTheSameAnswerWhenARewriteTokenIsReplayed() throws Exception {
        // Given a 10-byte object and a rewrite 4 bytes per call
        put("source", "0123456789".getBytes(StandardCharsets.US_ASCII));
        String rewrite = "/storage/v1/b/" + bucket + "/o/source/rewriteTo/b/" + bucket
                + "/o/target?maxBytesRewrittenPerCall=4";
        JsonNode first = json(send("POST", rewrite, "", null));
        String token = first.get("rewriteToken").asText();

        // When the next call is made twice with the same token (a client retrying), then finished
        JsonNode second = json(send("POST", rewrite + "&rewriteToken=" + token, "", null));
        JsonNode replayed = json(send("POST", rewrite + "&rewriteToken=" + token, "", null));
        JsonNode last = json(send("POST", rewrite + "&rewriteToken=" + second.get("rewriteToken").asText(), "",
                null));

        // Then progress is 4, 8 (twice), 10, and only the last call writes the target
        assertThat(first.get("done").asBoolean()).isFalse();
        assertThat(first.get("totalBytesRewritten").asText()).isEqualTo("4");
        assertThat(second.get("totalBytesRewritten").asText()).isEqualTo("8");
        assertThat(replayed.get("totalBytesRewritten").asText()).isEqualTo("8");
        assertThat(last.get("done").asBoolean()).isTrue();
        assertThat(last.at("/resource/size").asText()).isEqualTo("10");
    }

    @Test
    void shouldCheckMetagenerationPreconditionsAndRefuseToDeleteANonEmptyBucket() throws Exception {
        // Given an object, at metageneration 1
        put("meta", new byte[] {1});

        // Then a metageneration precondition is checked, and the bucket cannot go while the object is there
        assertThat(get("/storage/v1/b/" + bucket + "/o/meta?ifMetagenerationMatch=2", null).statusCode())
                .isEqualTo(412);
        assertThat(get("/storage/v1/b/" + bucket + "/o/meta?ifMetagenerationMatch=1", null).statusCode())
                .isEqualTo(200);
        assertThat(send("DELETE", "/storage/v1/b/" + bucket, "", null).statusCode()).isEqualTo(409);
    }

    @Test
    void shouldAnswer501ToWhatItDoesNotImplement() throws Exception {
        // Given an object
        put("patched", new byte[] {1});

        // When it is patched, composed, or listed with a glob, then the answer is 501 with a GCS error body
        HttpResponse<byte[]> patch = send("PATCH", "/storage/v1/b/" + bucket + "/o/patched", "{}", null);
        HttpResponse<byte[]> compose = send("POST", "/storage/v1/b/" + bucket + "/o/patched/compose", "{}", null);
        HttpResponse<byte[]> glob = get("/storage/v1/b/" + bucket + "/o?matchGlob=**", null);
        assertThat(patch.statusCode()).isEqualTo(501);
        assertThat(json(patch).at("/error/errors/0/reason").asText()).isEqualTo("notImplemented");
        assertThat(compose.statusCode()).isEqualTo(501);
        assertThat(glob.statusCode()).isEqualTo(501);
    }

    private void put(String name, byte[] content) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/upload/storage/v1/b/" + bucket
                        + "/o?uploadType=media&name=" + name))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)).build();
        assertThat(HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode()).isEqualTo(200);
    }

    private static HttpResponse<byte[]> get(String path, String range) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (range != null) {
            request.header("Range", range);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> send(String method, String path, String body, String contentRange)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (contentRange != null) {
            request.header("Content-Range", contentRange);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static JsonNode json(HttpResponse<byte[]> response) throws IOException {
        return JSON.readTree(response.body());
    }
}
