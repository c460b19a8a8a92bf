package io.archivesync.embedded.gcs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
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
        String skipUnder = null;
        Iterator<StoredObject> objects = start(bucket.objects(), prefix, emptyToNull(query.get("pageToken")));
        String lastMark = null;
        if (query.get("pageToken") != null && decode(query.get("pageToken")).startsWith(PREFIX_MARK)) {
            skipUnder = decode(query.get("pageToken")).substring(PREFIX_MARK.length());
        }
        while (objects.hasNext()) {
            StoredObject object = objects.next();
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
                String rolledUp = name.substring(0, cut + delimiter.length());
                prefixes.add(rolledUp);
                skipUnder = rolledUp;
                lastMark = PREFIX_MARK + rolledUp;
            } else {
                items.add(object);
                lastMark = OBJECT_MARK + name;
            }
        }
        return new Page(items, prefixes, null);
    }

    private static Iterator<StoredObject> start(NavigableMap<String, StoredObject> objects, String prefix,
                                                String pageToken) {
        if (pageToken == null) {
            return objects.tailMap(prefix, true).values().iterator();
        }
        String mark = decode(pageToken);
        if (mark.startsWith(OBJECT_MARK)) {
            return objects.tailMap(mark.substring(OBJECT_MARK.length()), false).values().iterator();
        }
        if (mark.startsWith(PREFIX_MARK)) {
            return objects.tailMap(mark.substring(PREFIX_MARK.length()), true).values().iterator();
        }
        throw GcsError.BAD_REQUEST.exception("Not a page token of this fixture: " + pageToken);
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
