package io.archivesync.bridge.event;

/** S3 event notification bodies as S3 writes them to a queue (keys URL-encoded by the caller). */
public final class Notifications {

    private Notifications() {
    }

    public static String created(String eventName, String bucket, String encodedKey, long size, String etag) {
        return "{\"Records\":[" + record(eventName, bucket, encodedKey,
                ",\"size\":" + size + ",\"eTag\":\"" + etag.replace("\"", "\\\"") + "\"") + "]}";
    }

    public static String removed(String bucket, String encodedKey) {
        return "{\"Records\":[" + record("ObjectRemoved:Delete", bucket, encodedKey, "") + "]}";
    }

    /** Several created records in one message. */
    public static String createdMany(String bucket, long size, String etag, String... encodedKeys) {
        StringBuilder body = new StringBuilder("{\"Records\":[");
        for (int i = 0; i < encodedKeys.length; i++) {
            body.append(i == 0 ? "" : ",").append(record("ObjectCreated:Put", bucket, encodedKeys[i],
                    ",\"size\":" + size + ",\"eTag\":\"" + etag + "\""));
        }
        return body.append("]}").toString();
    }

    public static String testEvent(String bucket) {
        return "{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\",\"Time\":\"2024-01-01T00:00:00.000Z\","
                + "\"Bucket\":\"" + bucket + "\",\"RequestId\":\"5582815E1AEA5ADF\",\"HostId\":\"8cLeGAmw\"}";
    }

    private static String record(String eventName, String bucket, String encodedKey, String objectExtra) {
        return "{\"eventVersion\":\"2.1\",\"eventSource\":\"aws:s3\",\"awsRegion\":\"us-east-1\","
                + "\"eventTime\":\"2024-01-02T00:10:00.000Z\",\"eventName\":\"" + eventName + "\","
                + "\"userIdentity\":{\"principalId\":\"AWS:AIDAEXAMPLE\"},"
                + "\"s3\":{\"s3SchemaVersion\":\"1.0\",\"configurationId\":\"mirror\","
                + "\"bucket\":{\"name\":\"" + bucket + "\",\"arn\":\"arn:aws:s3:::" + bucket + "\"},"
                + "\"object\":{\"key\":\"" + encodedKey + "\"" + objectExtra
                + ",\"sequencer\":\"0055AED6DCD90281E5\"}}}";
    }
}
