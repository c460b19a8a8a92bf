package io.archivesync.benchmarks;

import io.archivesync.storage.BlobRef;
import io.archivesync.storage.BlobStore;
import java.io.IOException;
import java.io.InputStream;

/**
 * One destination service of {@link CrossProviderStreamingBenchmark}, reached one way (directly, or through a
 * request counter): our {@link BlobStore} on it, and the provider's own SDK client used as a user would use it.
 */
interface CopyDestination extends AutoCloseable {

    /** The service, as the benchmark prints it: {@code Azure (Azurite)}. */
    String name();

    /** The SDK call the plain copy makes, as printed. */
    String plainCall();

    /** Our store on this service. */
    BlobStore store();

    /** Where an object named {@code key} goes, in {@link #store()}'s terms. */
    BlobRef ref(String key);

    /** The plain copy's upload: the provider's SDK, given the source's stream and its length. */
    void plainUpload(String key, InputStream content, long length) throws IOException;

    /** The object as it landed, read back in full with the SDK. */
    Landed readBack(String key) throws IOException;

    void delete(String key);

    @Override
    void close();
}
