package org.callcenter.metrics;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The metric names Grafana dashboards query: every PromQL {@code expr} of every panel (rows and
 * nested panels included) and every {@code label_values(metric, label)} variable, reduced to the
 * series names they select (functions, keywords, label matchers, grouping labels, ranges, numbers
 * and Grafana variables removed).
 */
public final class DashboardQueries {
    private static final Set<String> KEYWORDS = Set.of(
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "bool",
            "and",
            "or",
            "unless",
            "offset",
            "inf",
            "nan");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPING =
            Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENT = Pattern.compile("(?<![\\w$.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*,");

    private DashboardQueries() {}

    /** The series names one PromQL expression selects. */
    public static Set<String> metricNames(String expr) {
        String s = STRING.matcher(expr).replaceAll(" ");
        s = MATCHERS.matcher(s).replaceAll(" ");
        s = RANGE.matcher(s).replaceAll(" ");
        s = GROUPING.matcher(s).replaceAll(" ");
        Set<String> out = new TreeSet<>();
        Matcher m = IDENT.matcher(s);
        while (m.find()) {
            if (m.group(2) != null) continue; // a function call
            String name = m.group(1);
            if (!KEYWORDS.contains(name.toLowerCase())) out.add(name);
        }
        return out;
    }

    /** Metric name → the dashboard files querying it, over every *.json in {@code dir}. */
    public static Map<String, Set<String>> inDirectory(Path dir) {
        Map<String, Set<String>> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f :
                    files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonObject board = new JsonObject(Files.readString(f));
                for (String name : inDashboard(board))
                    out.computeIfAbsent(name, k -> new TreeSet<>())
                            .add(f.getFileName().toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    public static Set<String> inDashboard(JsonObject board) {
        Set<String> out = new TreeSet<>();
        panels(board.getJsonArray("panels", new JsonArray()), out);
        JsonObject templating = board.getJsonObject("templating", new JsonObject());
        for (Object v : templating.getJsonArray("list", new JsonArray())) {
            Object q = ((JsonObject) v).getValue("query");
            String query = q instanceof JsonObject j ? j.getString("query", "") : String.valueOf(q);
            Matcher m = LABEL_VALUES.matcher(query);
            while (m.find()) out.add(m.group(1));
        }
        return out;
    }

    private static void panels(JsonArray panels, Set<String> out) {
        for (Object p : panels) {
            JsonObject panel = (JsonObject) p;
            for (Object t : panel.getJsonArray("targets", new JsonArray())) {
                String expr = ((JsonObject) t).getString("expr");
                if (expr != null) out.addAll(metricNames(expr));
            }
            panels(panel.getJsonArray("panels", new JsonArray()), out);
        }
    }

    /** The sample names in a Prometheus text exposition ({@code name{labels} value}). */
    public static Set<String> exported(String exposition) {
        Set<String> out = new TreeSet<>();
        for (String line : exposition.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            int end = 0;
            while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') end++;
            out.add(line.substring(0, end));
        }
        return out;
    }
}
