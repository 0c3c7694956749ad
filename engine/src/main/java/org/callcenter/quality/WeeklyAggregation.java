package org.callcenter.quality;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds a {@link WeeklyReport}: one pass over the week's calls and one over its requests. */
final class WeeklyAggregation {
    static final int LISTED = 500;

    static WeeklyReport build(String week, Instant from, Instant to, ZoneId zone, ReportRepository facts, Instant now) {
        Map<String, Long> outcomes = new TreeMap<>();
        Map<String, Long> days = new TreeMap<>();
        Map<String, Long> byAgent = new TreeMap<>();
        long[] calls = new long[5]; // calls, waits counted, wait sum, talks counted, talk sum
        facts.forEachCall(from, to, c -> {
            calls[0]++;
            outcomes.merge(c.outcome() == null ? "in_progress" : c.outcome(), 1L, Long::sum);
            days.merge(c.startedAt().atZone(zone).toLocalDate().toString(), 1L, Long::sum);
            if (c.agent() != null && "answered".equals(c.outcome())) byAgent.merge(c.agent(), 1L, Long::sum);
            if (c.waitSeconds() != null) {
                calls[1]++;
                calls[2] += c.waitSeconds();
            }
            if (c.talkSeconds() != null) {
                calls[3]++;
                calls[4] += c.talkSeconds();
            }
        });
        Map<String, Long> channels = new TreeMap<>();
        Map<String, Long> categories = new TreeMap<>();
        Map<String, Long> statuses = new TreeMap<>();
        Map<String, Long> webCategories = new TreeMap<>();
        List<WeeklyReport.Request> web = new ArrayList<>();
        long[] counts = new long[2]; // requests, web consultations
        facts.forEachTicket(from, to, t -> {
            counts[0]++;
            channels.merge(t.channel() == null ? "unknown" : t.channel(), 1L, Long::sum);
            categories.merge(t.category() == null ? "unspecified" : t.category(), 1L, Long::sum);
            statuses.merge(t.status() == null ? "unknown" : t.status(), 1L, Long::sum);
            if (!"web".equals(t.channel())) return;
            counts[1]++;
            webCategories.merge(t.category() == null ? "unspecified" : t.category(), 1L, Long::sum);
            if (web.size() < LISTED)
                web.add(new WeeklyReport.Request(t.number(), t.openedAt(), t.category(), t.product(), t.status()));
        });
        web.sort(java.util.Comparator.comparing(WeeklyReport.Request::openedAt));
        return new WeeklyReport(
                week,
                from,
                to,
                now,
                new WeeklyReport.Telephone(
                        calls[0],
                        outcomes,
                        calls[1] == 0 ? null : MonthlyAggregation.round((double) calls[2] / calls[1]),
                        calls[3] == 0 ? null : MonthlyAggregation.round((double) calls[4] / calls[3]),
                        days,
                        byAgent),
                new WeeklyReport.Web(counts[1], webCategories, web),
                new WeeklyReport.Demands(counts[0], channels, categories, statuses));
    }

    private WeeklyAggregation() {}
}
