package io.archivesync.embedded;

import java.net.URI;
import java.util.Objects;

/**
 * Where an Azure Blob service is and the shared key that signs requests to it.
 *
 * <p>For Azurite the account is the emulator's well-known development account, whose key Microsoft publishes; for
 * an external service both come from the environment.
 *
 * @param blobEndpoint the account's blob endpoint: {@code http://127.0.0.1:PORT/devstoreaccount1} for Azurite,
 *                     {@code https://ACCOUNT.blob.core.windows.net} for Azure
 * @param accountName  the storage account
 * @param accountKey   its base64 shared key; masked in {@link #toString()}
 */
public record AzureBlobEndpoint(URI blobEndpoint, String accountName, String accountKey) {

    /** Azurite's development account, documented by Microsoft; it works only against the emulator. */
    public static final String AZURITE_ACCOUNT = "devstoreaccount1";
    /** Azurite's development account key, documented by Microsoft; not a secret. */
    public static final String AZURITE_KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public AzureBlobEndpoint {
        Objects.requireNonNull(blobEndpoint, "blobEndpoint");
        Objects.requireNonNull(accountName, "accountName");
        Objects.requireNonNull(accountKey, "accountKey");
    }

    /** The connection string the Azure SDKs take ({@code BlobServiceClientBuilder.connectionString}). */
    public String connectionString() {
        return "DefaultEndpointsProtocol=" + blobEndpoint.getScheme()
                + ";AccountName=" + accountName
                + ";AccountKey=" + accountKey
                + ";BlobEndpoint=" + blobEndpoint + ";";
    }

    @Override
    public String toString() {
        return "AzureBlobEndpoint[blobEndpoint=" + blobEndpoint + ", accountName=" + accountName
                + ", accountKey=****]";
    }
}
