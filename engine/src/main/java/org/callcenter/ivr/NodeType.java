package org.callcenter.ivr;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The node types of the IVR script language, each with the fields it requires, the fields it
 * accepts, and which of them name other nodes (checked at load). See ivr-scripts/README.md.
 */
public enum NodeType {
    PROMPT(Set.of("play"), Set.of("next"), Set.of("next")),
    SAY_DIGITS(Set.of("value"), Set.of("prompt", "next"), Set.of("next")),
    SAY_NUMBER(Set.of("value"), Set.of("prompt", "next"), Set.of("next")),
    MENU(
            Set.of("prompt", "options"),
            Set.of("timeout", "retries", "invalid_prompt", "timeout_prompt", "fallback"),
            Set.of("fallback")),
    COLLECT(
            Set.of("prompt", "store", "max_digits", "next"),
            Set.of("min_digits", "validate", "timeout", "retries", "invalid_prompt", "timeout_prompt", "fallback"),
            Set.of("next", "fallback")),
    SET(Set.of("var", "value"), Set.of("next"), Set.of("next")),
    BUSINESS_HOURS(Set.of("open", "closed"), Set.of(), Set.of("open", "closed")),
    IDENTIFY_CALLER(Set.of(), Set.of("next", "known", "unknown"), Set.of("next", "known", "unknown")),
    LOOKUP_REQUEST(
            Set.of("number", "found", "not_found"),
            Set.of("status_prompt_prefix", "due_prompt", "no_due_prompt"),
            Set.of("found", "not_found")),
    REGISTER_PROBLEM(Set.of("category", "next"), Set.of("description", "failed", "prompt"), Set.of("next", "failed")),
    CALLBACK(Set.of("reason", "next"), Set.of("prompt", "failed"), Set.of("next", "failed")),
    COMPLAINT(Set.of("next"), Set.of("prompt", "description", "failed", "technician"), Set.of("next", "failed")),
    QUEUE(Set.of("queue"), Set.of("prompt"), Set.of()),
    TRANSFER(Set.of("department", "queue"), Set.of("prompt"), Set.of()),
    SURVEY(Set.of("rating", "next"), Set.of("callback"), Set.of("next")),
    HANGUP(Set.of(), Set.of("prompt"), Set.of());

    private final Set<String> required;
    private final Set<String> optional;
    private final Set<String> references;

    NodeType(Set<String> required, Set<String> optional, Set<String> references) {
        this.required = required;
        this.optional = optional;
        this.references = references;
    }

    public Set<String> required() {
        return required;
    }

    public boolean accepts(String field) {
        return field.equals("type") || required.contains(field) || optional.contains(field);
    }

    public Set<String> references() {
        return references;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<NodeType> of(String key) {
        for (NodeType t : values()) if (t.key().equals(key)) return Optional.of(t);
        return Optional.empty();
    }

    /** True for nodes that end the script (control returns to the dialplan). */
    public boolean terminal() {
        return this == QUEUE || this == TRANSFER || this == HANGUP;
    }
}
