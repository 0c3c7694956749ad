package org.callcenter.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * What the simulated callers want, as percentages: {@code status:30,new:60,operator:10}. Each call
 * takes the kind at its position in a fixed shuffled table of 100, so both servers see the same
 * sequence. {@code status} (menu 2, key the request number, hear status and due time, goodbye: 10
 * commands, 8 prompts), {@code new} (menu 1 in working hours: the support queue, 4 commands, 2
 * prompts), {@code operator} (menu 0: the operator queue, 4 commands, 2 prompts).
 */
record CallerMix(Map<Kind, Integer> percent, List<Kind> table) {
    static final String DEFAULT = "status:30,new:60,operator:10";

    enum Kind {
        STATUS("2", 10, 8),
        NEW("1", 4, 2),
        OPERATOR("0", 4, 2);

        final String key;
        final int commands;
        final int prompts;

        Kind(String key, int commands, int prompts) {
            this.key = key;
            this.commands = commands;
            this.prompts = prompts;
        }

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static CallerMix parse(String spec) {
        Map<Kind, Integer> percent = new EnumMap<>(Kind.class);
        for (String part : spec.split(",")) {
            String[] kv = part.trim().split(":");
            if (kv.length != 2) throw new IllegalArgumentException("mix: expected kind:percent, got '" + part + "'");
            Kind kind;
            try {
                kind = Kind.valueOf(kv[0].trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("mix: unknown kind '" + kv[0] + "' (status, new, operator)");
            }
            int p = Integer.parseInt(kv[1].trim());
            if (p < 0) throw new IllegalArgumentException("mix: negative percentage for " + kv[0]);
            percent.merge(kind, p, Integer::sum);
        }
        int total = percent.values().stream().mapToInt(Integer::intValue).sum();
        if (total != 100) throw new IllegalArgumentException("mix: percentages add up to " + total + ", not 100");
        List<Kind> table = new ArrayList<>(100);
        percent.forEach((k, p) -> table.addAll(Collections.nCopies(p, k)));
        Collections.shuffle(table, new Random(42));
        return new CallerMix(percent, List.copyOf(table));
    }

    Kind of(long callNumber) {
        return table.get((int) (callNumber % table.size()));
    }

    boolean uses(Kind k) {
        return percent.getOrDefault(k, 0) > 0;
    }

    /** Expected AGI commands per call for this mix. */
    double commandsPerCall() {
        return percent.entrySet().stream()
                .mapToDouble(e -> e.getKey().commands * e.getValue() / 100.0)
                .sum();
    }

    String spec() {
        StringBuilder b = new StringBuilder();
        percent.forEach((k, p) ->
                b.append(b.isEmpty() ? "" : ",").append(k.label()).append(':').append(p));
        return b.toString();
    }
}
