package org.callcenter.sla;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.callcenter.config.ConfigException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads a business calendar from YAML: a shipped one by name ({@code china-2026} →
 * {@code calendars/china-2026.yaml} on the classpath) or a file path. Strict: an unknown key, an
 * unknown zone, overlapping hours or a date that is both a holiday and a make-up day fails the start
 * with a message naming the key.
 */
public final class CalendarLoader {
    private static final Set<String> KEYS =
            Set.of("name", "zone", "hours", "holidays", "makeup_days", "makeup_hours_from");

    private CalendarLoader() {}

    /** {@code configKey} is the configuration key that named the calendar, for error messages. */
    public static BusinessCalendar load(String configKey, String ref) {
        String source = configKey + " (" + ref + ")";
        try (InputStream in = open(ref)) {
            if (in == null) throw new ConfigException(source + ": no such calendar file or shipped calendar");
            Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            if (!(root instanceof Map<?, ?> map)) throw new ConfigException(source + ": top level must be a mapping");
            return parse(source, map);
        } catch (IOException e) {
            throw new ConfigException(source + ": cannot read: " + e.getMessage());
        }
    }

    private static InputStream open(String ref) throws IOException {
        if (ref.matches("[a-z0-9-]+")) return CalendarLoader.class.getResourceAsStream("/calendars/" + ref + ".yaml");
        Path path = Path.of(ref);
        return Files.isRegularFile(path) ? Files.newInputStream(path) : null;
    }

    static BusinessCalendar parse(String source, Map<?, ?> map) {
        for (Object key : map.keySet())
            if (!KEYS.contains(String.valueOf(key)))
                throw new ConfigException(source + ": unknown key '" + key + "' (known: " + new TreeSet<>(KEYS) + ")");
        String name = text(map.get("name"), ref(source, "name"));
        ZoneId zone = zone(source, map.get("zone"));
        Map<DayOfWeek, List<OpeningHours>> weekly = weekly(source, map.get("hours"));
        SortedSet<LocalDate> holidays = dates(source, "holidays", map.get("holidays"));
        SortedSet<LocalDate> makeup = dates(source, "makeup_days", map.get("makeup_days"));
        for (LocalDate d : makeup)
            if (holidays.contains(d))
                throw new ConfigException(ref(source, "makeup_days") + ": " + d + " is also listed in holidays");
        DayOfWeek from = map.get("makeup_hours_from") == null
                ? DayOfWeek.MONDAY
                : day(ref(source, "makeup_hours_from"), String.valueOf(map.get("makeup_hours_from")));
        if (!makeup.isEmpty() && weekly.get(from).isEmpty())
            throw new ConfigException(ref(source, "makeup_hours_from") + ": " + day(from) + " has no opening hours");
        if (weekly.values().stream().allMatch(List::isEmpty))
            throw new ConfigException(ref(source, "hours") + ": no weekday has opening hours");
        return new BusinessCalendar(name, zone, weekly, holidays, makeup, from);
    }

    private static ZoneId zone(String source, Object value) {
        String raw = text(value, ref(source, "zone"));
        try {
            return ZoneId.of(raw);
        } catch (DateTimeException e) {
            throw new ConfigException(ref(source, "zone") + ": unknown time zone '" + raw + "'");
        }
    }

    private static Map<DayOfWeek, List<OpeningHours>> weekly(String source, Object value) {
        if (!(value instanceof Map<?, ?> days))
            throw new ConfigException(ref(source, "hours") + ": a mapping of weekday to intervals is required");
        Map<DayOfWeek, List<OpeningHours>> weekly = new EnumMap<>(DayOfWeek.class);
        for (Map.Entry<?, ?> e : days.entrySet()) {
            String key = ref(source, "hours." + e.getKey());
            DayOfWeek day = day(key, String.valueOf(e.getKey()));
            List<OpeningHours> intervals = new ArrayList<>();
            for (Object item : list(key, e.getValue())) intervals.add(interval(key, String.valueOf(item)));
            intervals.sort((a, b) -> a.start().compareTo(b.start()));
            for (int i = 1; i < intervals.size(); i++)
                if (intervals.get(i).start().isBefore(intervals.get(i - 1).end()))
                    throw new ConfigException(key + ": " + intervals.get(i - 1) + " overlaps " + intervals.get(i));
            weekly.put(day, intervals);
        }
        return weekly;
    }

    private static OpeningHours interval(String key, String raw) {
        String[] parts = raw.trim().split("\\s*-\\s*");
        try {
            if (parts.length != 2) throw new DateTimeParseException("not start-end", raw, 0);
            LocalTime start = LocalTime.parse(parts[0]);
            LocalTime end = parts[1].equals("24:00") ? LocalTime.MAX : LocalTime.parse(parts[1]);
            if (!start.isBefore(end)) throw new ConfigException(key + ": '" + raw + "' ends before it starts");
            return new OpeningHours(start, end);
        } catch (DateTimeParseException e) {
            throw new ConfigException(key + ": '" + raw + "' is not an interval like 09:00-12:00");
        }
    }

    private static SortedSet<LocalDate> dates(String source, String name, Object value) {
        SortedSet<LocalDate> out = new TreeSet<>();
        if (value == null) return out;
        String key = ref(source, name);
        for (Object item : list(key, value)) {
            if (item instanceof java.util.Date d) {
                out.add(d.toInstant().atOffset(ZoneOffset.UTC).toLocalDate());
                continue;
            }
            String raw = String.valueOf(item).trim();
            try {
                String[] range = raw.split("\\.\\.");
                LocalDate first = LocalDate.parse(range[0].trim());
                LocalDate last = range.length == 2 ? LocalDate.parse(range[1].trim()) : first;
                if (range.length > 2 || last.isBefore(first)) throw new DateTimeParseException("bad range", raw, 0);
                for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1))
                    if (!out.add(d)) throw new ConfigException(key + ": " + d + " is listed twice");
            } catch (DateTimeParseException e) {
                throw new ConfigException(
                        key + ": '" + raw + "' is not a date (2026-10-01) or range (2026-10-01..2026-10-07)");
            }
        }
        return out;
    }

    private static Collection<?> list(String key, Object value) {
        if (value == null) return List.of();
        if (value instanceof Collection<?> c) return c;
        throw new ConfigException(key + ": a list is required");
    }

    private static DayOfWeek day(String key, String raw) {
        try {
            return DayOfWeek.valueOf(raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key + ": '" + raw + "' is not a weekday (monday..sunday)");
        }
    }

    static String day(DayOfWeek d) {
        return d.name().toLowerCase(Locale.ROOT);
    }

    private static String text(Object value, String key) {
        if (value == null || String.valueOf(value).isBlank()) throw new ConfigException(key + ": is required");
        return String.valueOf(value).trim();
    }

    private static String ref(String source, String key) {
        return source + ": " + key;
    }
}
