package io.archivesync.core.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where objects may live besides the {@code s3} section's S3: named remotes, and the local directories
 * {@code file://} locations may use.
 *
 * @param localRoots directories under which {@code file://} sources and destinations are allowed; empty refuses every
 *                   {@code file://} location, since whoever publishes a request would otherwise choose which files of
 *                   the copier's host are read or written (the one-shot commands set it to the directories
 *                   they are given)
 * @param remotes    named remotes, written {@code NAME:container/key} ({@link RemoteSettings})
 */
public record StorageSettings(List<String> localRoots, Map<String, RemoteSettings> remotes) {

    /** No remotes, no local files. */
    public static final StorageSettings NONE = new StorageSettings(List.of(), Map.of());

    /** What a remote may be called: it is written before a colon in locations. */
    public static final Pattern REMOTE_NAME = Pattern.compile("[a-z][a-z0-9_-]{0,62}");

    public StorageSettings {
        localRoots = localRoots == null ? List.of() : localRoots.stream().map(String::strip).toList();
        remotes = remotes == null ? Map.of() : Map.copyOf(remotes);
        for (String root : localRoots) {
            if (!Path.of(root).isAbsolute()) {
                throw new ConfigException("storage.localRoots", "'" + root + "' must be an absolute directory");
            }
        }
        remotes.forEach((name, remote) -> {
            if (!REMOTE_NAME.matcher(name).matches()) {
                throw new ConfigException("storage.remotes." + name, "a remote's name must be lower-case letters, "
                        + "digits, '-' or '_', starting with a letter");
            }
            if (remote == null) {
                throw new ConfigException("storage.remotes." + name, "is empty");
            }
            remote.validate(name);
        });
    }

    public StorageSettings withLocalRoots(List<String> roots) {
        return new StorageSettings(roots, remotes);
    }

    public StorageSettings withRemote(String name, RemoteSettings remote) {
        Map<String, RemoteSettings> more = new java.util.HashMap<>(remotes);
        more.put(name, remote);
        return new StorageSettings(localRoots, more);
    }
}
