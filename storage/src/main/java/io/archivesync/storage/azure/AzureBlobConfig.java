package io.archivesync.storage.azure;

import java.net.URI;
import java.util.Objects;

/**
 * One storage account and the shared key that signs requests to it.
 *
 * @param account     the storage account (the first part of {@code az://account/container/key})
 * @param endpoint    its blob endpoint: {@code https://ACCOUNT.blob.core.windows.net}, or Azurite's
 *                    {@code http://127.0.0.1:PORT/devstoreaccount1}
 * @param accountKey  its base64 shared key: signs requests and the SAS URLs of {@link AzureBlobStore#sasUrl}; masked in
 *                    {@link #toString()}
 * @param copyBlockBytes the range one Put Block From URL copies, when a copy is staged by ranges
 */
public record AzureBlobConfig(String account, URI endpoint, String accountKey, long copyBlockBytes) {

    /** 100 MiB: 50,000 blocks of it cover 4.7 TiB, beyond which the block grows (see {@link AzureCopier}). */
    public static final long DEFAULT_COPY_BLOCK_BYTES = 100L * 1024 * 1024;

    public AzureBlobConfig {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(accountKey, "accountKey");
        if (account.isBlank()) {
            throw new IllegalArgumentException("azure account is empty");
        }
        if (!"https".equals(endpoint.getScheme()) && !"http".equals(endpoint.getScheme())) {
            throw new IllegalArgumentException("azure endpoint '" + endpoint + "' must be http(s)");
        }
        if (copyBlockBytes <= 0 || copyBlockBytes > Limits.MAX_BLOCK_BYTES) {
            throw new IllegalArgumentException("azure copyBlockBytes must be 1.." + Limits.MAX_BLOCK_BYTES
                    + ", was " + copyBlockBytes);
        }
    }

    /** The account on Azure itself, at its public blob endpoint. */
    public static AzureBlobConfig of(String account, String accountKey) {
        return new AzureBlobConfig(account, URI.create("https://" + account + ".blob.core.windows.net"), accountKey,
                DEFAULT_COPY_BLOCK_BYTES);
    }

    /** The account at another endpoint (Azurite, a private endpoint). */
    public static AzureBlobConfig of(String account, URI endpoint, String accountKey) {
        return new AzureBlobConfig(account, endpoint, accountKey, DEFAULT_COPY_BLOCK_BYTES);
    }

    @Override
    public String toString() {
        return "AzureBlobConfig[account=" + account + ", endpoint=" + endpoint + ", accountKey=****, copyBlockBytes="
                + copyBlockBytes + "]";
    }
}
