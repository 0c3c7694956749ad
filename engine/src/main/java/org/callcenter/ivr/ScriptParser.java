package org.callcenter.ivr;

import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a script file strictly: every problem is reported at once as {@code file:line: node 'id':
 * what}, using SnakeYAML's node marks for the line numbers. A script with any problem is refused.
 */
public final class ScriptParser {
    private static final Set<String> TOP = Set.of("start", "description", "nodes");
    private static final Set<String> INTEGERS = Set.of("max_digits", "min_digits", "retries");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s)?");
    private static final Pattern KEYS = Pattern.compile("[0-9*#]");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");

    private final String file;
    private final List<String> problems = new ArrayList<>();

    private ScriptParser(String file) {
        this.file = file;
    }

    public static IvrScript parse(String name, String file, String text) {
        return new ScriptParser(file).read(name, text);
    }

    private IvrScript read(String name, String text) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 1;
            throw new ScriptException(List.of(file + ":" + line + ": not valid YAML: " + e.getProblem()));
        } catch (RuntimeException e) {
            throw new ScriptException(List.of(file + ":1: not valid YAML: " + e.getMessage()));
        }
        if (!(root instanceof MappingNode top))
            throw new ScriptException(List.of(file + ":1: a script is a mapping with 'start' and 'nodes'"));
        String start = null;
        int startLine = line(top);
        MappingNode nodes = null;
        for (NodeTuple t : top.getValue()) {
            String key = scalar(t.getKeyNode());
            if (!TOP.contains(key)) problem(t.getKeyNode(), null, "unknown key '" + key + "' (allowed: " + TOP + ")");
            else if (key.equals("start")) {
                start = scalar(t.getValueNode());
                startLine = line(t.getValueNode());
            } else if (key.equals("nodes")) {
                if (t.getValueNode() instanceof MappingNode m) nodes = m;
                else problem(t.getValueNode(), null, "'nodes' must be a mapping of node id to node");
            }
        }
        Map<String, ScriptNode> byId = new LinkedHashMap<>();
        if (nodes != null) for (NodeTuple t : nodes.getValue()) node(t, byId);
        if (start == null) problems.add(file + ":" + startLine + ": 'start' is missing");
        else if (nodes != null && !byId.containsKey(start))
            problems.add(file + ":" + startLine + ": 'start' names no node: '" + start + "'");
        if (nodes == null && problems.isEmpty()) problems.add(file + ":1: 'nodes' is missing");
        checkReferences(byId);
        if (!problems.isEmpty()) throw new ScriptException(problems);
        return new IvrScript(name, file, start, Map.copyOf(byId));
    }

    private void node(NodeTuple tuple, Map<String, ScriptNode> byId) {
        String id = scalar(tuple.getKeyNode());
        if (id == null || !NAME.matcher(id).matches()) {
            problem(tuple.getKeyNode(), null, "node ids are letters, digits, '_' and '-', got '" + id + "'");
            return;
        }
        if (!(tuple.getValueNode() instanceof MappingNode body)) {
            problem(tuple.getValueNode(), id, "a node is a mapping with a 'type'");
            return;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        Map<String, Node> at = new LinkedHashMap<>();
        for (NodeTuple f : body.getValue()) {
            String key = scalar(f.getKeyNode());
            at.put(key, f.getValueNode());
            fields.put(key, value(f.getValueNode(), id, key));
        }
        Object typeName = fields.get("type");
        NodeType type =
                typeName == null ? null : NodeType.of(typeName.toString()).orElse(null);
        if (type == null) {
            problem(
                    at.getOrDefault("type", body),
                    id,
                    typeName == null
                            ? "'type' is missing"
                            : "unknown type '" + typeName + "' (known: " + knownTypes() + ")");
            return;
        }
        for (String key : fields.keySet())
            if (!type.accepts(key)) problem(at.get(key), id, "'" + key + "' is not a field of " + type.key());
        for (String req : type.required())
            if (!fields.containsKey(req)) problem(body, id, type.key() + " needs '" + req + "'");
        checkValues(id, type, fields, at);
        byId.put(id, new ScriptNode(id, type, line(body), fields));
    }

    private void checkValues(String id, NodeType type, Map<String, Object> fields, Map<String, Node> at) {
        fields.forEach((key, v) -> {
            if (INTEGERS.contains(key) && !(v instanceof Integer))
                problem(at.get(key), id, "'" + key + "' must be a whole number");
            if (key.equals("timeout") && v != null) {
                try {
                    duration(v.toString());
                } catch (IllegalArgumentException e) {
                    problem(at.get(key), id, e.getMessage());
                }
            }
            if (key.equals("validate") && v != null && !v.equals("ticket_number")) {
                try {
                    Pattern.compile(v.toString());
                } catch (PatternSyntaxException e) {
                    problem(at.get(key), id, "'validate' is neither ticket_number nor a regular expression");
                }
            }
        });
        if (type == NodeType.MENU) {
            if (!(fields.get("options") instanceof Map<?, ?> opts) || opts.isEmpty())
                problem(at.getOrDefault("options", at.get("type")), id, "'options' maps keys (0-9, *, #) to nodes");
            else
                opts.keySet().forEach(k -> {
                    if (!KEYS.matcher(k.toString()).matches())
                        problem(at.get("options"), id, "option '" + k + "' is not one key (0-9, *, #)");
                });
        }
        if (fields.get("max_digits") instanceof Integer n && (n < 1 || n > 32))
            problem(at.get("max_digits"), id, "'max_digits' must be 1..32");
        if (fields.get("retries") instanceof Integer n && (n < 0 || n > 10))
            problem(at.get("retries"), id, "'retries' must be 0..10");
    }

    private void checkReferences(Map<String, ScriptNode> byId) {
        for (ScriptNode n : byId.values()) {
            for (String ref : n.type().references()) {
                String target = n.text(ref);
                if (target != null && !byId.containsKey(target))
                    problems.add(where(n.line(), n.id()) + "'" + ref + "' names no node: '" + target + "'");
            }
            n.options().forEach((key, target) -> {
                if (!byId.containsKey(target))
                    problems.add(where(n.line(), n.id()) + "option '" + key + "' names no node: '" + target + "'");
            });
        }
    }

    private Object value(Node v, String id, String key) {
        if (v instanceof ScalarNode s) {
            if (INTEGERS.contains(key)) {
                try {
                    return Integer.parseInt(s.getValue().trim());
                } catch (NumberFormatException e) {
                    return s.getValue();
                }
            }
            return s.getValue();
        }
        if (v instanceof SequenceNode seq && key.equals("play")) {
            List<String> out = new ArrayList<>();
            for (Node item : seq.getValue()) {
                if (item instanceof ScalarNode s) out.add(s.getValue());
                else problem(item, id, "'play' lists prompt names");
            }
            return out;
        }
        if (v instanceof MappingNode m && key.equals("options")) {
            Map<String, String> out = new LinkedHashMap<>();
            for (NodeTuple t : m.getValue()) {
                String k = scalar(t.getKeyNode());
                String target = scalar(t.getValueNode());
                if (k == null || target == null) problem(t.getKeyNode(), id, "an option maps one key to a node id");
                else out.put(k, target);
            }
            return out;
        }
        problem(v, id, "'" + key + "' must be a single value");
        return null;
    }

    /** "5s", "1500ms", "2000" (milliseconds). */
    static Duration duration(String raw) {
        Matcher m = DURATION.matcher(raw.trim());
        if (!m.matches()) throw new IllegalArgumentException("'" + raw + "' is not a duration like 5s or 1500ms");
        long n = Long.parseLong(m.group(1));
        return "s".equals(m.group(2)) ? Duration.ofSeconds(n) : Duration.ofMillis(n);
    }

    private static String knownTypes() {
        return String.join(
                ", ",
                java.util.Arrays.stream(NodeType.values()).map(NodeType::key).toList());
    }

    private static String scalar(Node n) {
        return n instanceof ScalarNode s ? s.getValue() : null;
    }

    private static int line(Node n) {
        return n == null ? 1 : n.getStartMark().getLine() + 1;
    }

    private String where(int line, String id) {
        return file + ":" + line + ": " + (id == null ? "" : "node '" + id + "': ");
    }

    private void problem(Node at, String id, String message) {
        problems.add(where(line(at), id) + message);
    }
}
