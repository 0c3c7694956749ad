package org.callcenter.ivr;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** One node of a script: its id, type, the line it starts on, and its fields as parsed. */
public record ScriptNode(String id, NodeType type, int line, Map<String, Object> fields) {

    public String text(String field) {
        Object v = fields.get(field);
        return v == null ? null : v.toString();
    }

    public String text(String field, String fallback) {
        String v = text(field);
        return v == null ? fallback : v;
    }

    public int integer(String field, int fallback) {
        Object v = fields.get(field);
        return v instanceof Number n ? n.intValue() : fallback;
    }

    /** A duration written as "5s", "1500ms" or a number of milliseconds. */
    public Duration duration(String field, Duration fallback) {
        Object v = fields.get(field);
        return v == null ? fallback : ScriptParser.duration(v.toString());
    }

    /** A prompt or a list of prompts. */
    public List<String> prompts(String field) {
        Object v = fields.get(field);
        if (v == null) return List.of();
        if (v instanceof List<?> l) return l.stream().map(Object::toString).toList();
        return List.of(v.toString());
    }

    @SuppressWarnings("unchecked")
    public Map<String, String> options() {
        return (Map<String, String>) fields.getOrDefault("options", Map.of());
    }
}
