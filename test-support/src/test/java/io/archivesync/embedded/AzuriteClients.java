package io.archivesync.embedded;

import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.BlobServiceVersion;
import com.azure.storage.blob.sas.BlobSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Random;
import java.util.UUID;

/** The real Azure Blob client as the product will build it, and the small helpers the Azurite tests share. */
final class AzuriteClients {

    private AzuriteClients() {
    }

    /**
     * Shared key, the JDK's HTTP client (Netty is excluded), and the API version Azurite 3.37.0 serves by default,
     * pinned so that a newer SDK does not ask Azurite for a version it does not know.
     */
    static BlobServiceClient serviceClient(AzureBlobEndpoint endpoint) {
        return new BlobServiceClientBuilder()
                .connectionString(endpoint.connectionString())
                .httpClient(new JdkHttpClientBuilder().build())
                .serviceVersion(BlobServiceVersion.V2026_06_06)
                .buildClient();
    }

    /** A new container with a unique name (lower case, 3-63 characters, as Azure requires). */
    static BlobContainerClient newContainer(BlobServiceClient service, String purpose) {
        String name = purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
        return service.createBlobContainer(name);
    }

    /** The blob's URL with a read-only SAS: how a copy names its source, on Azurite as on Azure. */
    static String readableUrl(BlobClient source) {
        BlobServiceSasSignatureValues sas = new BlobServiceSasSignatureValues(OffsetDateTime.now().plusHours(1),
                new BlobSasPermission().setReadPermission(true));
        return source.getBlobUrl() + "?" + source.generateSas(sas);
    }

    static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static BinaryData text(String text) {
        return BinaryData.fromString(text);
    }

    static byte[] md5(byte[] data) {
        try {
            return MessageDigest.getInstance("MD5").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every JDK", e);
        }
    }

    /** Block ids must be base64 and of one length within a blob. */
    static String blockId(int index) {
        return Base64.getEncoder().encodeToString(String.format("block-%06d", index)
                .getBytes(StandardCharsets.US_ASCII));
    }
}
