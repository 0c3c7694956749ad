package org.callcenter.quality;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;
import org.callcenter.sla.ClockName;

/** The monthly report as CSV and as a printable HTML page; the weekly report as CSV; filters. */
public final class ReportFormats {
    private ReportFormats() {}

    /** Only the technician and/or agent asked for (null = all). */
    public static MonthlyReport filter(MonthlyReport r, String technician, String agent) {
        if (technician == null && agent == null) return r;
        return new MonthlyReport(
                r.month(),
                r.from(),
                r.to(),
                r.generatedAt(),
                r.complete(),
                r.totals(),
                r.technicians().stream()
                        .filter(t -> technician == null ? agent == null : technician.equals(t.id()))
                        .toList(),
                r.agents().stream()
                        .filter(a -> agent == null ? technician == null : agent.equals(a.agent()))
                        .toList(),
                r.recurring(),
                r.keyWarnings(),
                r.returns());
    }

    public static String monthlyCsv(MonthlyReport r) {
        StringBuilder out = new StringBuilder();
        List<String> clocks =
                java.util.Arrays.stream(ClockName.values()).map(ClockName::key).toList();
        StringJoiner head = new StringJoiner(",");
        List.of(
                        "section",
                        "month",
                        "id",
                        "name",
                        "requests",
                        "visits",
                        "arrived",
                        "punctual",
                        "late",
                        "punctuality_percent",
                        "average_minutes_late",
                        "calls_answered",
                        "ratings",
                        "average_rating",
                        "complaints",
                        "verified_complaints",
                        "verified_in_window",
                        "ladder_step",
                        "ladder_due")
                .forEach(head::add);
        clocks.forEach(c -> head.add(c + "_met").add(c + "_breached"));
        out.append(head).append('\n');
        for (MonthlyReport.TechnicianSummary t : r.technicians()) {
            StringJoiner row = new StringJoiner(",");
            List.<Object>of(
                            "technician",
                            r.month(),
                            t.id(),
                            opt(t.name()),
                            t.requests(),
                            t.visits(),
                            t.arrived(),
                            t.punctual(),
                            t.late(),
                            opt(t.punctualityPercent()),
                            opt(t.averageMinutesLate()),
                            "",
                            t.ratings().count(),
                            opt(t.ratings().average()),
                            t.complaints(),
                            t.verifiedComplaints(),
                            t.verifiedInWindow(),
                            opt(t.ladderStep()),
                            opt(t.ladderDue()))
                    .forEach(v -> row.add(csv(v)));
            clockCells(row, t.clocks(), clocks);
            out.append(row).append('\n');
        }
        for (MonthlyReport.AgentSummary a : r.agents()) {
            StringJoiner row = new StringJoiner(",");
            List.<Object>of(
                            "agent",
                            r.month(),
                            a.agent(),
                            "",
                            a.requests(),
                            "",
                            "",
                            "",
                            "",
                            "",
                            "",
                            a.callsAnswered(),
                            a.ratings().count(),
                            opt(a.ratings().average()),
                            "",
                            "",
                            "",
                            "",
                            "")
                    .forEach(v -> row.add(csv(v)));
            clockCells(row, a.clocks(), clocks);
            out.append(row).append('\n');
        }
        out.append('\n')
                .append("section,month,product,category,route,month_count,previous_month,quarter,"
                        + "previous_quarter,year,previous_year,key_warning\n");
        for (RecurringProblems.Row p : r.recurring())
            out.append(String.join(
                            ",",
                            "recurring",
                            r.month(),
                            csv(p.product()),
                            csv(p.category()),
                            p.route(),
                            "" + p.month(),
                            "" + p.previousMonth(),
                            "" + p.quarter(),
                            "" + p.previousQuarter(),
                            "" + p.year(),
                            "" + p.previousYear(),
                            "" + p.warning()))
                    .append('\n');
        MonthlyReport.Returns returns = r.returns();
        out.append('\n').append("section,month,key,returns\n");
        out.append("returns,")
                .append(r.month())
                .append(",total,")
                .append(returns == null ? r.totals().returns() : returns.count())
                .append('\n');
        if (returns != null) {
            rows(out, "returns_product", r.month(), returns.byProduct());
            rows(out, "returns_condition", r.month(), returns.byCondition());
        }
        return out.toString();
    }

    public static String weeklyCsv(WeeklyReport w) {
        StringBuilder out = new StringBuilder("section,week,key,value\n");
        Function<Object, String> line = v -> v == null ? "" : csv(v);
        out.append("telephone,")
                .append(w.week())
                .append(",calls,")
                .append(w.telephone().calls())
                .append('\n');
        rows(out, "telephone_outcome", w.week(), w.telephone().byOutcome());
        out.append("telephone,")
                .append(w.week())
                .append(",average_wait_seconds,")
                .append(line.apply(w.telephone().averageWaitSeconds()))
                .append('\n');
        out.append("telephone,")
                .append(w.week())
                .append(",average_talk_seconds,")
                .append(line.apply(w.telephone().averageTalkSeconds()))
                .append('\n');
        rows(out, "telephone_day", w.week(), w.telephone().byDay());
        rows(out, "telephone_agent", w.week(), w.telephone().byAgent());
        out.append("web,")
                .append(w.week())
                .append(",consultations,")
                .append(w.web().consultations())
                .append('\n');
        rows(out, "web_category", w.week(), w.web().byCategory());
        out.append("demands,")
                .append(w.week())
                .append(",requests,")
                .append(w.demands().requests())
                .append('\n');
        rows(out, "demand_channel", w.week(), w.demands().byChannel());
        rows(out, "demand_category", w.week(), w.demands().byCategory());
        rows(out, "demand_status", w.week(), w.demands().byStatus());
        return out.toString();
    }

    private static void rows(StringBuilder out, String section, String week, Map<String, Long> values) {
        values.forEach((k, v) -> out.append(section)
                .append(',')
                .append(week)
                .append(',')
                .append(csv(k))
                .append(',')
                .append(v)
                .append('\n'));
    }

    private static void clockCells(
            StringJoiner row, Map<String, MonthlyReport.ClockCount> counts, List<String> clocks) {
        for (String c : clocks) {
            MonthlyReport.ClockCount n = counts.getOrDefault(c, new MonthlyReport.ClockCount(0, 0));
            row.add(Long.toString(n.met())).add(Long.toString(n.breached()));
        }
    }

    private static Object opt(Object v) {
        return v == null ? "" : v;
    }

    /** A CSV cell: quoted when needed; a leading = + - @ is neutralised so spreadsheets never run it. */
    static String csv(Object value) {
        String s = String.valueOf(value);
        if (!(value instanceof Number) && !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) s = "'" + s;
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r"))
            return "\"" + s.replace("\"", "\"\"") + "\"";
        return s;
    }
}
