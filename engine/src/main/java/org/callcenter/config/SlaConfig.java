package org.callcenter.config;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.callcenter.customers.Region;
import org.callcenter.sla.ClockName;
import org.callcenter.sla.Counting;

/**
 * The {@code sla} section: which business calendar, the timer poller, and per clock its budget,
 * counting mode and warning threshold (SERVICE-RULES §3 defaults in defaults.yaml).
 */
public record SlaConfig(
        String calendar,
        int pollMillis,
        int leaseSeconds,
        int batchSize,
        int concurrency,
        Map<ClockName, ClockConfig> clocks,
        Map<Region, Duration> onsiteByRegion) {

    /** {@code budget} is null for the agreed appointment (its due is the agreed time). */
    public record ClockConfig(Duration budget, Counting counting, int warnPercent) {}

    static SlaConfig from(Settings s) {
        Map<ClockName, ClockConfig> clocks = new EnumMap<>(ClockName.class);
        for (ClockName name : ClockName.values()) {
            String prefix = "sla." + name.key() + ".";
            Counting counting = counting(prefix + "counts", s.string(prefix + "counts"));
            Duration budget = name == ClockName.APPOINTMENT || name == ClockName.ONSITE_ARRIVAL
                    ? null
                    : budget(prefix + "budget", s.string(prefix + "budget"), counting);
            int warn = s.integer(prefix + "warn_percent");
            if (warn < 1 || warn > 99)
                throw new ConfigException("configuration key '" + prefix + "warn_percent' must be 1..99, got " + warn);
            clocks.put(name, new ClockConfig(budget, counting, warn));
        }
        Map<Region, Duration> onsite = new EnumMap<>(Region.class);
        Counting onsiteCounting = clocks.get(ClockName.ONSITE_ARRIVAL).counting();
        for (Region r : Region.values()) {
            String key = "sla.onsite_arrival.budget_" + r.name().toLowerCase(Locale.ROOT);
            onsite.put(r, budget(key, s.string(key), onsiteCounting));
        }
        SlaConfig config = new SlaConfig(
                s.string("sla.calendar"),
                s.integer("sla.poll_millis"),
                s.integer("sla.lease_seconds"),
                s.integer("sla.batch_size"),
                s.integer("sla.concurrency"),
                clocks,
                onsite);
        if (config.pollMillis() < 10) throw new ConfigException("configuration key 'sla.poll_millis' must be >= 10");
        if (config.leaseSeconds() < 1) throw new ConfigException("configuration key 'sla.lease_seconds' must be >= 1");
        if (config.concurrency() < 1) throw new ConfigException("configuration key 'sla.concurrency' must be >= 1");
        if (config.batchSize() < 1) throw new ConfigException("configuration key 'sla.batch_size' must be >= 1");
        return config;
    }

    /** "90m", "1h", "3d"; working-days budgets must be whole days. */
    static Duration budget(String key, String raw, Counting counting) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)\\s*([mhd])")
                .matcher(raw.trim().toLowerCase(Locale.ROOT));
        if (!m.matches())
            throw new ConfigException("configuration key '" + key + "' must be like 90m, 8h or 3d, got '" + raw + "'");
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
        if (counting == Counting.WORKING_DAYS && !m.group(2).equals("d"))
            throw new ConfigException("configuration key '" + key + "' counts working days: give whole days like 3d");
        if (counting == Counting.WORKING_HOURS && m.group(2).equals("d"))
            throw new ConfigException("configuration key '" + key + "' counts working hours: give hours like 8h");
        if (d.isZero()) throw new ConfigException("configuration key '" + key + "' must be positive");
        return d;
    }

    private static Counting counting(String key, String raw) {
        try {
            return Counting.valueOf(raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("configuration key '" + key
                    + "' must be working_hours, working_days or wall_clock, got '" + raw + "'");
        }
    }
}
