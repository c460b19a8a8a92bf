package io.archivesync.embedded.gcs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;

/**
 * One page of {@code objects.list}: objects in name order under a prefix, names with the delimiter past the prefix
 * rolled up into {@code prefixes}, at most {@code maxResults} entries (objects and prefixes together, as GCS counts).
 *
 * <p>The page token is opaque to clients; here it is the last object name or prefix returned, so the next page
 * starts after it (and after every name under a returned prefix).
 */
final class ObjectLister {

    /** GCS's default and largest page. */
    static final int MAX_RESULTS = 1000;

    private static final String OBJECT_MARK = "o:";
    private static final String PREFIX_MARK = "p:";

    /** A page: the objects, the rolled-up prefixes, and the token of the next page or null. */
    record Page(List<StoredObject> items, Set<String> prefixes, String nextPageToken) {
    }

    private ObjectLister() {
    }

    static Page list(StoredBucket bucket, Map<String, String> query) {
        for (String unsupported : List.of("startOffset", "endOffset", "matchGlob")) {
            if (query.containsKey(unsupported)) {
                throw GcsError.NOT_IMPLEMENTED.exception("objects.list with " + unsupported);
            }
        }
        if (Boolean.parseBoolean(query.get("versions")) || Boolean.parseBoolean(query.get("includeTrailingDelimiter"))) {
            throw GcsError.NOT_IMPLEMENTED.exception("objects.list with versions or includeTrailingDelimiter");
        }
        String prefix = query.getOrDefault("prefix", "");
        String delimiter = emptyToNull(query.get("delimiter"));
        Long requested = Preconditions.longParam(query, "maxResults");
        int maxResults = requested == null || requested <= 0 || requested > MAX_RESULTS
                ? MAX_RESULTS : requested.intValue();

        List<StoredObject> items = new ArrayList<>();
        Set<String> prefixes = new LinkedHashSet<>();
        String mark = query.get("pageToken") == null || query.get("pageToken").isEmpty()
                ? null : decode(query.get("pageToken"));
        String skipUnder = mark != null && mark.startsWith(PREFIX_MARK) ? mark.substring(PREFIX_MARK.length()) : null;
        String lastMark = null;
        for (StoredObject object : start(bucket.objects(), prefix, mark)) {
            String name = object.name();
            if (!name.startsWith(prefix)) {
                break;
            }
            if (skipUnder != null && name.startsWith(skipUnder)) {
                continue;
            }
            if (items.size() + prefixes.size() == maxResults) {
                return new Page(items, prefixes, encode(lastMark));
            }
            int cut = delimiter == null ? -1 : name.indexOf(delimiter, prefix.length());
            if (cut >= 0) {
                skipUnder = name.substring(0, cut + delimiter.length());
                prefixes.add(skipUnder);
                lastMark = PREFIX_MARK + skipUnder;
            } else {
                items.add(object);
                lastMark = OBJECT_MARK + name;
            }
        }
        return new Page(items, prefixes, null);
    }

    /** The objects from where the page starts: the prefix, or just after the last object of the previous page. */
    private static Iterable<StoredObject> start(NavigableMap<String, StoredObject> objects, String prefix,
                                                String mark) {
        if (mark == null) {
            return objects.tailMap(prefix, true).values();
        }
        if (mark.startsWith(OBJECT_MARK)) {
            return objects.tailMap(mark.substring(OBJECT_MARK.length()), false).values();
        }
        if (mark.startsWith(PREFIX_MARK)) {
            return objects.tailMap(mark.substring(PREFIX_MARK.length()), true).values();
        }
        throw GcsError.BAD_REQUEST.exception("Not a page token of this fixture");
    }

    private static String encode(String mark) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mark.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw GcsError.BAD_REQUEST.exception("Not a page token of this fixture: " + token);
        }
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
