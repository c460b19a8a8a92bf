package io.archivesync.bridge.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class S3EventParserTest {

    private final S3EventParser parser = new S3EventParser();

    @Test
    void shouldReadACreatedEventWithItsSizeAndUnquotedEtag() throws Exception {
        // Given a notification as S3 sends it
        String body = Notifications.created("ObjectCreated:Put", "src", "data/a.zip", 1234, "\"abc\"");

        // When
        S3Notification n = parser.parse(body);

        // Then
        assertThat(n).isEqualTo(new S3Notification.Records(java.util.List.of(new S3EventRecord("ObjectCreated:Put",
                "us-east-1", "src", "data/a.zip", 1234L, "abc", null, "0055AED6DCD90281E5"))));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "my+file.zip                       | my file.zip",
            "a%2Bb.zip                         | a+b.zip",
            "%C3%A9t%C3%A9/%E6%97%A5%E6%9C%AC.zip | été/日本.zip",
            "data/spot/BTCUSDT-1m-2024-01-01.zip | data/spot/BTCUSDT-1m-2024-01-01.zip",
            "100%25+sure.zip                   | 100% sure.zip",
    })
    void shouldDecodeKeysAsS3EncodesThem(String encoded, String decoded) throws Exception {
        // When
        var n = (S3Notification.Records) parser.parse(Notifications.created("ObjectCreated:Put", "b", encoded, 1, "e"));

        // Then
        assertThat(n.records().get(0).key()).isEqualTo(decoded);
    }

    @Test
    void shouldRecogniseTheTestEvent() throws Exception {
        assertThat(parser.parse(Notifications.testEvent("src"))).isEqualTo(new S3Notification.TestEvent("src"));
    }

    @Test
    void shouldUnwrapAnSnsEnvelope() throws Exception {
        // Given the event as SNS delivers it to a subscribed queue
        String inner = Notifications.created("ObjectCreated:CompleteMultipartUpload", "src", "big+file.zip", 9, "x-2");
        String body = "{\"Type\":\"Notification\",\"TopicArn\":\"arn:aws:sns:us-east-1:1:t\",\"Message\":"
                + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(inner) + "}";

        // When
        var n = (S3Notification.Records) parser.parse(body);

        // Then
        assertThat(n.records().get(0).key()).isEqualTo("big file.zip");
        assertThat(n.records().get(0).isCreated()).isTrue();
    }

    @Test
    void shouldReadARemovalWithoutSize() throws Exception {
        var n = (S3Notification.Records) parser.parse(Notifications.removed("src", "gone.zip"));

        assertThat(n.records().get(0).isRemoved()).isTrue();
        assertThat(n.records().get(0).size()).isNull();
        assertThat(n.records().get(0).etag()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "not json",
            "[1, 2]",
            "{\"Records\": []}",
            "{\"hello\": \"world\"}",
            "{\"Records\": [{\"eventName\": \"ObjectCreated:Put\", \"s3\": {\"object\": {\"key\": \"a\"}}}]}",
            "{\"Records\": [{\"eventName\": \"ObjectCreated:Put\", \"s3\": {\"bucket\": {\"name\": \"b\"}}}]}",
            "{\"Records\": [{\"eventName\": \"ObjectCreated:Put\", \"s3\": {\"bucket\": {\"name\": \"b\"},"
                    + " \"object\": {\"key\": \"bad%zz\"}}}]}",
            "{\"Records\": [{\"eventName\": \"ObjectCreated:Put\", \"s3\": {\"bucket\": {\"name\": \"b\"},"
                    + " \"object\": {\"key\": \"k\", \"size\": \"big\"}}}]}",
    })
    void shouldRefuseWhatIsNotAnS3Notification(String body) {
        assertThatThrownBy(() -> parser.parse(body)).isInstanceOf(MalformedNotificationException.class)
                .satisfies(e -> assertThat(e.getMessage()).isNotBlank().doesNotStartWith("null"));
    }
}
