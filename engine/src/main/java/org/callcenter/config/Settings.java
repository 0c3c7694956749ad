package org.callcenter.config;

import java.util.Map;

/** Typed access to the flattened key → value map, with errors that name the key. */
final class Settings {
    private final Map<String, String> values;

    Settings(Map<String, String> values) {
        this.values = values;
    }

    String string(String key) {
        String value = values.get(key);
        if (value == null) throw new ConfigException("configuration key '" + key + "' has no default");
        return value.trim();
    }

    int integer(String key) {
        String value = string(key);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ConfigException("configuration key '" + key + "' (env " + ConfigLoader.envName(key)
                    + ") must be an integer, got '" + value + "'");
        }
    }

    boolean bool(String key) {
        String value = string(key).toLowerCase(java.util.Locale.ROOT);
        return switch (value) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off", "" -> false;
            default ->
                throw new ConfigException("configuration key '" + key + "' (env " + ConfigLoader.envName(key)
                        + ") must be true or false, got '" + value + "'");
        };
    }

    java.time.ZoneId zone(String key) {
        String value = string(key);
        try {
            return java.time.ZoneId.of(value);
        } catch (java.time.DateTimeException e) {
            throw new ConfigException("configuration key '" + key + "' is not a time zone: '" + value + "'");
        }
    }

    int port(String key) {
        int port = integer(key);
        if (port < 0 || port > 65535)
            throw new ConfigException("configuration key '" + key + "' is not a port: " + port);
        return port;
    }
}
