package io.archivesync.embedded.gcs;

import java.util.Map;

/**
 * The generation and metageneration preconditions of one request, checked against the object they name.
 *
 * <p>{@code ifGenerationMatch=0} means "only if there is no live object", as in GCS. A null field is no condition.
 *
 * @param ifGenerationMatch        the live generation must be this
 * @param ifGenerationNotMatch     the live generation must not be this
 * @param ifMetagenerationMatch    the live metageneration must be this
 * @param ifMetagenerationNotMatch the live metageneration must not be this
 */
record Preconditions(Long ifGenerationMatch, Long ifGenerationNotMatch, Long ifMetagenerationMatch,
                     Long ifMetagenerationNotMatch) {

    static final Preconditions NONE = new Preconditions(null, null, null, null);

    /** The preconditions named by the query parameters with the given prefix ({@code ""} or {@code "ifSource"}). */
    static Preconditions fromQuery(Map<String, String> query, String prefix) {
        String base = prefix.isEmpty() ? "if" : prefix;
        return new Preconditions(
                longParam(query, base + "GenerationMatch"),
                longParam(query, base + "GenerationNotMatch"),
                longParam(query, base + "MetagenerationMatch"),
                longParam(query, base + "MetagenerationNotMatch"));
    }

    /**
     * Throws {@link GcsError#PRECONDITION_FAILED} unless every condition holds for {@code current}.
     *
     * @param current the live object, or null if there is none
     */
    void check(StoredObject current, String what) {
        long generation = current == null ? 0 : current.generation();
        if (ifGenerationMatch != null && ifGenerationMatch != generation) {
            throw failed(what, "ifGenerationMatch=" + ifGenerationMatch + " but generation is " + generation);
        }
        if (ifGenerationNotMatch != null && ifGenerationNotMatch == generation) {
            throw failed(what, "ifGenerationNotMatch=" + ifGenerationNotMatch + " and generation is " + generation);
        }
        if (ifMetagenerationMatch == null && ifMetagenerationNotMatch == null) {
            return;
        }
        if (current == null) {
            throw failed(what, "a metageneration precondition on an object that does not exist");
        }
        if (ifMetagenerationMatch != null && ifMetagenerationMatch != current.metageneration()) {
            throw failed(what, "ifMetagenerationMatch=" + ifMetagenerationMatch + " but metageneration is "
                    + current.metageneration());
        }
        if (ifMetagenerationNotMatch != null && ifMetagenerationNotMatch == current.metageneration()) {
            throw failed(what, "ifMetagenerationNotMatch=" + ifMetagenerationNotMatch + " and metageneration is "
                    + current.metageneration());
        }
    }

    private static GcsException failed(String what, String detail) {
        return GcsError.PRECONDITION_FAILED.exception("Precondition failed for " + what + ": " + detail);
    }

    static Long longParam(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw GcsError.BAD_REQUEST.exception(name + "=" + value + " is not a number");
        }
    }
}
