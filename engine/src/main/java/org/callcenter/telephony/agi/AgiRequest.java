package org.callcenter.telephony.agi;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code agi_*} environment block Asterisk sends first, with the script name, the script
 * arguments ({@code agi_arg_N}) and the {@code ?query} parameters of the AGI URL taken apart.
 * Values Asterisk reports as {@code unknown} (dnid, rdnis, absent caller ID) read as empty.
 */
public record AgiRequest(Map<String, String> env, String script, List<String> args, Map<String, String> params) {

    public static AgiRequest of(Map<String, String> env) {
        String path = env.getOrDefault("agi_network_script", "");
        if (path.isEmpty()) path = pathOf(env.getOrDefault("agi_request", ""));
        String query = "";
        int q = path.indexOf('?');
        if (q >= 0) {
            query = path.substring(q + 1);
            path = path.substring(0, q);
        } else {
            String request = env.getOrDefault("agi_request", "");
            int rq = request.indexOf('?');
            if (rq >= 0) query = request.substring(rq + 1);
        }
        while (path.startsWith("/")) path = path.substring(1);
        List<String> args = new ArrayList<>();
        for (int i = 1; env.containsKey("agi_arg_" + i); i++) args.add(env.get("agi_arg_" + i));
        return new AgiRequest(Map.copyOf(env), path, List.copyOf(args), parseQuery(query));
    }

    private static String pathOf(String request) {
        // agi://host:port/script?x=y
        int scheme = request.indexOf("://");
        if (scheme < 0) return request;
        int slash = request.indexOf('/', scheme + 3);
        return slash < 0 ? "" : request.substring(slash + 1);
    }

    static Map<String, String> parseQuery(String query) {
        Map<String, String> out = new LinkedHashMap<>();
        if (query.isEmpty()) return out;
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.putIfAbsent(key, value);
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    /** An environment value, empty when absent or "unknown". */
    public String get(String key) {
        String v = env.get(key);
        return v == null || v.equals("unknown") ? "" : v;
    }

    public String uniqueId() {
        return get("agi_uniqueid");
    }

    public String channel() {
        return get("agi_channel");
    }

    public String callerId() {
        return get("agi_callerid");
    }

    public String callerIdName() {
        return get("agi_calleridname");
    }

    public String threadId() {
        return get("agi_threadid");
    }

    /** A parameter from the URL query, else an argument of the form {@code name=value}. */
    public Optional<String> param(String name) {
        String v = params.get(name);
        if (v != null && !v.isEmpty()) return Optional.of(v);
        for (String a : args) if (a.startsWith(name + "=")) return Optional.of(a.substring(name.length() + 1));
        return Optional.empty();
    }
}
