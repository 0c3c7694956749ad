package org.callcenter.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code quality} section (SERVICE-RULES §6): the rolling window of the complaints ladder; the
 * recurring-problem rule (at least {@code minCount} requests of a product and category in a month and
 * at least {@code factor} times the previous month) and where its key warnings go by category
 * ({@code "category:route,..."}, route {@code technical} = development or {@code service} = training);
 * how often the durable report timers are polled.
 */
public record QualityConfig(
        int ladderWindowMonths,
        int recurringMinCount,
        double recurringFactor,
        Map<String, String> routes,
        String defaultRoute,
        Duration pollEvery) {

    public static final String TECHNICAL = "technical";
    public static final String SERVICE = "service";

    /** The route of a category's key warnings. */
    public String routeOf(String category) {
        if (category == null) return defaultRoute;
        return routes.getOrDefault(category.trim().toLowerCase(Locale.ROOT), defaultRoute);
    }

    static QualityConfig from(Settings s) {
        int window = s.integer("quality.ladder.window_months");
        if (window < 1) throw new ConfigException("configuration key 'quality.ladder.window_months' must be >= 1");
        int min = s.integer("quality.recurring.min_count");
        if (min < 1) throw new ConfigException("configuration key 'quality.recurring.min_count' must be >= 1");
        double factor;
        try {
            factor = Double.parseDouble(s.string("quality.recurring.factor"));
        } catch (NumberFormatException e) {
            throw new ConfigException("configuration key 'quality.recurring.factor' must be a number");
        }
        if (!(factor >= 0)) throw new ConfigException("configuration key 'quality.recurring.factor' must be >= 0");
        String dflt = route(s.string("quality.recurring.default_route"), "quality.recurring.default_route");
        Map<String, String> routes = new LinkedHashMap<>();
        for (String pair : s.string("quality.recurring.routes").split(",")) {
            if (pair.isBlank()) continue;
            String[] kv = pair.split(":", 2);
            if (kv.length != 2 || kv[0].isBlank())
                throw new ConfigException(
                        "configuration key 'quality.recurring.routes' must be 'category:route,...', got '" + pair
                                + "'");
            routes.put(
                    kv[0].trim().toLowerCase(Locale.ROOT),
                    route(kv[1], "quality.recurring.routes (" + kv[0].trim() + ")"));
        }
        return new QualityConfig(
                window,
                min,
                factor,
                Map.copyOf(routes),
                dflt,
                Duration.ofSeconds(Math.max(1, s.integer("quality.poll_seconds"))));
    }

    private static String route(String raw, String key) {
        String r = raw.trim().toLowerCase(Locale.ROOT);
        if (!r.equals(TECHNICAL) && !r.equals(SERVICE))
            throw new ConfigException(
                    "configuration key '" + key + "' must be technical or service, got '" + raw + "'");
        return r;
    }
}
