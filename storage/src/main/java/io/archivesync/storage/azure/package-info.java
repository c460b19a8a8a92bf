/**
 * The Azure Blob Storage provider: {@link io.archivesync.storage.azure.AzureBlobStore}, one per storage account, on the
 * real {@code azure-storage-blob} client over the JDK's HTTP client (no Netty). Block blobs only: writes stage one block
 * per part and commit the list; copies stay on Azure's side (Copy Blob From URL, Copy Blob, or Put Block From URL per
 * range for a source outside Azure, such as a presigned S3 URL).
 */
package io.archivesync.storage.azure;
