package org.callcenter.config;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code customers.warranty_months_by_product}: {@code "Grease pump GP-200=24|Oil pump OP-9=6"}, the
 * warranty of each named product in months (product names compared case-insensitively); products
 * not listed get {@code customers.warranty_months}.
 */
final class WarrantyMonths {
    static final String KEY = "customers.warranty_months_by_product";

    private WarrantyMonths() {}

    static Map<String, Integer> byProduct(Settings s) {
        Map<String, Integer> out = new TreeMap<>();
        String raw = s.string(KEY);
        if (raw.isBlank()) return Map.of();
        for (String entry : raw.split("\\|")) {
            int eq = entry.lastIndexOf('=');
            String product = eq < 0 ? "" : entry.substring(0, eq).trim();
            String months = eq < 0 ? "" : entry.substring(eq + 1).trim();
            if (product.isEmpty() || !months.matches("\\d{1,3}") || Integer.parseInt(months) < 1)
                throw new ConfigException("configuration key '" + KEY + "' (env " + ConfigLoader.envName(KEY)
                        + ") must be 'product=months|...' with months >= 1, got '" + entry.trim() + "'");
            out.put(product.toLowerCase(Locale.ROOT), Integer.parseInt(months));
        }
        return Map.copyOf(out);
    }
}
