package org.callcenter.quality;

import java.util.Map;

/** The monthly report as a printable HTML page (no scripts, print-friendly CSS, every value escaped). */
final class ReportPage {
    private ReportPage() {}

    static String html(MonthlyReport r) {
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Service quality ")
                .append(esc(r.month()))
                .append("</title><style>body{font:13px sans-serif;margin:2em}table{border-collapse:collapse;"
                        + "margin-bottom:1.5em}th,td{border:1px solid #999;padding:3px 6px;text-align:right}"
                        + "th:first-child,td:first-child{text-align:left}.warn{background:#fdd}"
                        + "@media print{body{margin:0}h2{page-break-before:auto}}</style></head><body>");
        h.append("<h1>Service-quality summary ")
                .append(esc(r.month()))
                .append("</h1><p>")
                .append(r.complete() ? "Complete month" : "Partial month (still running)")
                .append(", generated ")
                .append(esc(String.valueOf(r.generatedAt())))
                .append(".</p>");
        MonthlyReport.Totals t = r.totals();
        h.append("<p>Requests: ")
                .append(t.requests())
                .append(" · visits: ")
                .append(t.visits())
                .append(" · ratings: ")
                .append(t.ratings())
                .append(" · complaints: ")
                .append(t.complaints())
                .append(" (verified ")
                .append(t.verifiedComplaints())
                .append(") · key warnings: ")
                .append(t.keyWarnings())
                .append(" · returns: ")
                .append(t.returns())
                .append("</p>");
        h.append("<h2>Technicians</h2><table><tr><th>Technician</th><th>Requests</th><th>Visits</th>"
                + "<th>Arrived</th><th>Punctual</th><th>Late</th><th>Punctuality %</th><th>Avg min late</th>"
                + "<th>Clocks met / breached</th><th>Ratings</th><th>Avg rating</th><th>Complaints (verified)</th>"
                + "<th>Ladder step (due)</th></tr>");
        for (MonthlyReport.TechnicianSummary s : r.technicians())
            h.append("<tr><td>")
                    .append(esc(s.id()))
                    .append(s.name() == null ? "" : " " + esc(s.name()))
                    .append(td(s.requests()))
                    .append(td(s.visits()))
                    .append(td(s.arrived()))
                    .append(td(s.punctual()))
                    .append(td(s.late()))
                    .append(td(s.punctualityPercent()))
                    .append(td(s.averageMinutesLate()))
                    .append("<td>")
                    .append(clocks(s.clocks()))
                    .append("</td>")
                    .append(td(s.ratings().count()))
                    .append(td(s.ratings().average()))
                    .append(td(s.complaints() + " (" + s.verifiedComplaints() + ")"))
                    .append(td((s.ladderStep() == null ? "-" : s.ladderStep()) + " ("
                            + (s.ladderDue() == null ? "-" : s.ladderDue()) + ")"))
                    .append("</tr>");
        h.append("</table><h2>Agents</h2><table><tr><th>Agent</th><th>Requests</th><th>Calls answered</th>"
                + "<th>Clocks met / breached</th><th>Ratings</th><th>Avg rating</th></tr>");
        for (MonthlyReport.AgentSummary a : r.agents())
            h.append("<tr><td>")
                    .append(esc(a.agent()))
                    .append(td(a.requests()))
                    .append(td(a.callsAnswered()))
                    .append("<td>")
                    .append(clocks(a.clocks()))
                    .append("</td>")
                    .append(td(a.ratings().count()))
                    .append(td(a.ratings().average()))
                    .append("</tr>");
        h.append("</table><h2>Recurring problems</h2><table><tr><th>Product / category</th><th>Route</th>"
                + "<th>Month</th><th>Prev. month</th><th>Quarter</th><th>Prev. quarter</th><th>Year</th>"
                + "<th>Prev. year</th></tr>");
        for (RecurringProblems.Row p : r.recurring())
            h.append(p.warning() ? "<tr class=\"warn\"><td>" : "<tr><td>")
                    .append(esc(p.product()))
                    .append(" / ")
                    .append(esc(p.category()))
                    .append(p.warning() ? " ⚠" : "")
                    .append(td(p.route()))
                    .append(td(p.month()))
                    .append(td(p.previousMonth()))
                    .append(td(p.quarter()))
                    .append(td(p.previousQuarter()))
                    .append(td(p.year()))
                    .append(td(p.previousYear()))
                    .append("</tr>");
        h.append("</table><h2>Key warnings</h2><ul>");
        for (QualityEvents.KeyWarning w : r.keyWarnings())
            h.append("<li>")
                    .append(esc(w.product()))
                    .append(" / ")
                    .append(esc(w.category()))
                    .append(": ")
                    .append(w.count())
                    .append(" this month against ")
                    .append(w.previous())
                    .append(" before, to ")
                    .append(w.route().equals("technical") ? "development" : "training")
                    .append("</li>");
        if (r.keyWarnings().isEmpty()) h.append("<li>none</li>");
        h.append("</ul>");
        returns(h, r.returns());
        return h.append("</body></html>").toString();
    }

    private static void returns(StringBuilder h, MonthlyReport.Returns r) {
        h.append("<h2>Product returns</h2>");
        if (r == null) {
            h.append("<p>Not counted in this stored report.</p>");
            return;
        }
        h.append("<p>Returns recorded: ").append(r.count()).append("</p>");
        if (r.count() == 0) return;
        h.append("<table><tr><th>Product</th><th>Returns</th></tr>");
        r.byProduct()
                .forEach((k, v) -> h.append("<tr><td>")
                        .append(esc(k))
                        .append("</td>")
                        .append(td(v))
                        .append("</tr>"));
        h.append("</table><table><tr><th>State of the goods</th><th>Returns</th></tr>");
        r.byCondition()
                .forEach((k, v) -> h.append("<tr><td>")
                        .append(esc(k))
                        .append("</td>")
                        .append(td(v))
                        .append("</tr>"));
        h.append("</table>");
    }

    private static String clocks(Map<String, MonthlyReport.ClockCount> clocks) {
        if (clocks.isEmpty()) return "-";
        StringBuilder s = new StringBuilder();
        clocks.forEach((k, v) -> s.append(s.isEmpty() ? "" : "<br>")
                .append(esc(k))
                .append(": ")
                .append(v.met())
                .append(" / ")
                .append(v.breached()));
        return s.toString();
    }

    private static String td(Object v) {
        return "<td>" + (v == null ? "-" : esc(String.valueOf(v))) + "</td>";
    }

    static String esc(String s) {
        if (s == null) return "";
        return s.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
