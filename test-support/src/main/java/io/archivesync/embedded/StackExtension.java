package io.archivesync.embedded;

import com.google.cloud.storage.Storage;
import io.archivesync.embedded.gcs.GcsEndpoint;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Injects the {@link Stack#shared() shared stack} into JUnit 5 tests.
 *
 * <p>Use {@code @ExtendWith(StackExtension.class)} and declare parameters (constructor, test method,
 * {@code @BeforeAll}, ...) of type {@link Stack}, {@link Stack.S3Endpoint}, {@link S3Client}, {@link GcsEndpoint} or
 * {@link Storage} (a GCS client). Only what a parameter asks for is started: an {@code S3Endpoint} starts S3 and
 * nothing else; a {@code Stack} starts nothing until one of its methods is called.
 *
 * <p>Why the root store: the stack outlives every test class (starting it per class would dominate the run), and a
 * value in the root context's store is closed once, when the whole run ends. An injected {@link S3Client} or
 * {@link Storage} is closed when the scope that asked for it ends.
 */
public final class StackExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(StackExtension.class);
    private static final Set<Class<?>> SUPPORTED = Set.of(Stack.class, Stack.S3Endpoint.class, S3Client.class,
            GcsEndpoint.class, Storage.class);

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return SUPPORTED.contains(parameterContext.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Stack stack = sharedStack(extensionContext);
        Class<?> type = parameterContext.getParameter().getType();
        if (type == Stack.class) {
            return stack;
        }
        if (type == Stack.S3Endpoint.class) {
            return stack.s3();
        }
        if (type == S3Client.class) {
            S3Client client = stack.s3().newClient();
            extensionContext.getStore(NAMESPACE).put(new Object(), new ClientCloser(client));
            return client;
        }
        if (type == GcsEndpoint.class) {
            return stack.gcs();
        }
        if (type == Storage.class) {
            Storage client = stack.gcs().newClient();
            extensionContext.getStore(NAMESPACE).put(new Object(), new ClientCloser(client));
            return client;
        }
        throw new ParameterResolutionException("Unsupported parameter type " + type.getName());
    }

    /** The shared stack, with its shutdown registered once in the root store. */
    private static Stack sharedStack(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(StackShutdown.class, key -> new StackShutdown(), StackShutdown.class);
        return Stack.shared();
    }

    /**
     * Stops the shared stack when the root context closes, i.e. after the last test. JUnit closes
     * {@link AutoCloseable} store values since 5.13, where {@code Store.CloseableResource} is deprecated.
     */
    static final class StackShutdown implements AutoCloseable {
        @Override
        public void close() {
            Stack.closeAll();
        }
    }

    /** Closes an injected client with the scope that asked for it. */
    private record ClientCloser(AutoCloseable client) implements AutoCloseable {
        @Override
        public void close() {
            try {
                client.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                throw new IllegalStateException("Could not close the injected client " + client, e);
            }
        }
    }
}
