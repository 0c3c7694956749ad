package org.callcenter.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Loads the configuration: built-in defaults (config/defaults.yaml, the one place defaults live),
 * then an optional YAML file, then environment variables. A key's environment name is its path
 * upper-cased with '.' replaced by '_' (http.port → HTTP_PORT). Unknown keys in the file are an
 * error that names them, so a typo never silently falls back to a default.
 */
public final class ConfigLoader {
    private static final String DEFAULTS = "/config/defaults.yaml";

    private ConfigLoader() {}

    public static AppConfig load(Optional<Path> file, Map<String, String> env) {
        return AppConfig.from(flatten(file, env));
    }

    /** The merged key → value map, leaf keys only ("http.port" → "8080"). */
    static Map<String, String> flatten(Optional<Path> file, Map<String, String> env) {
        Map<String, String> values = new LinkedHashMap<>();
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) throw new IllegalStateException("missing " + DEFAULTS + " on the classpath");
            flattenInto("", parse(in, DEFAULTS), values, key -> true, DEFAULTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (file.isPresent()) {
            Path path = file.get();
            try (InputStream in = Files.newInputStream(path)) {
                flattenInto("", parse(in, path.toString()), values, values::containsKey, path.toString());
            } catch (IOException e) {
                throw new ConfigException("cannot read config file " + path + ": " + e.getMessage());
            }
        }
        for (String key : values.keySet().toArray(String[]::new)) {
            String envValue = env.get(envName(key));
            if (envValue != null) values.put(key, envValue);
        }
        return values;
    }

    public static String envName(String key) {
        return key.replace('.', '_').toUpperCase(Locale.ROOT);
    }

    private static Map<?, ?> parse(InputStream in, String source) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        if (root == null) return Map.of();
        if (!(root instanceof Map<?, ?> map)) throw new ConfigException(source + ": top level must be a mapping");
        return map;
    }

    private static void flattenInto(
            String prefix, Map<?, ?> map, Map<String, String> out, Function<String, Boolean> known, String source) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = prefix + e.getKey();
            if (e.getValue() instanceof Map<?, ?> nested) {
                flattenInto(key + ".", nested, out, k -> known.apply(k), source);
            } else {
                if (!known.apply(key)) throw new ConfigException(source + ": unknown configuration key '" + key + "'");
                out.put(key, e.getValue() == null ? "" : String.valueOf(e.getValue()));
            }
        }
    }
}
