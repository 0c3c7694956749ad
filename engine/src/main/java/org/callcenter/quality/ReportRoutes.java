package org.callcenter.quality;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.YearMonth;
import java.util.Locale;
import org.callcenter.common.InvalidInputException;
import org.callcenter.store.Blocking;
import org.callcenter.users.Role;
import org.callcenter.web.Api;

/**
 * /api/v1/reports/monthly/{yyyy-MM}?format=json|html|csv&technician=&agent=&fresh=true and
 * /api/v1/reports/weekly/{yyyy-Www}?format=json|csv (supervisors). Bad period or filter: 400.
 */
final class ReportRoutes {
    private final ReportService reports;
    private final Blocking blocking;

    ReportRoutes(ReportService reports, Blocking blocking) {
        this.reports = reports;
        this.blocking = blocking;
    }

    void mount(Router api) {
        api.get("/v1/reports/monthly/:month").handler(this::monthly);
        api.get("/v1/reports/weekly/:week").handler(this::weekly);
    }

    private void monthly(RoutingContext ctx) {
        try {
            Api.requireRole(ctx, Role.SUPERVISOR);
            String format = format(ctx, "json", "html", "csv");
            YearMonth month = reports.month(ctx.pathParam("month"));
            String technician = Api.query(ctx, "technician")
                    .map(t -> QualityRoutes.id("technician", t))
                    .orElse(null);
            String agent = Api.query(ctx, "agent")
                    .map(a -> QualityRoutes.id("agent", a))
                    .orElse(null);
            boolean fresh = bool(ctx, "fresh");
            blocking.run(() -> ReportFormats.filter(reports.monthly(month, fresh), technician, agent))
                    .onSuccess(r -> {
                        switch (format) {
                            case "html" -> send(ctx, "text/html; charset=utf-8", ReportPage.html(r), null);
                            case "csv" ->
                                send(
                                        ctx,
                                        "text/csv; charset=utf-8",
                                        ReportFormats.monthlyCsv(r),
                                        "quality-" + r.month() + ".csv");
                            default -> Api.json(ctx, 200, r);
                        }
                    })
                    .onFailure(ctx::fail);
        } catch (RuntimeException e) {
            ctx.fail(e);
        }
    }

    private void weekly(RoutingContext ctx) {
        try {
            Api.requireRole(ctx, Role.SUPERVISOR);
            String format = format(ctx, "json", "csv");
            String week = ctx.pathParam("week");
            blocking.run(() -> reports.weekly(week))
                    .onSuccess(w -> {
                        if (format.equals("csv"))
                            send(
                                    ctx,
                                    "text/csv; charset=utf-8",
                                    ReportFormats.weeklyCsv(w),
                                    "weekly-" + w.week() + ".csv");
                        else Api.json(ctx, 200, w);
                    })
                    .onFailure(ctx::fail);
        } catch (RuntimeException e) {
            ctx.fail(e);
        }
    }

    private static String format(RoutingContext ctx, String... allowed) {
        String f = Api.query(ctx, "format").orElse("json").trim().toLowerCase(Locale.ROOT);
        for (String a : allowed) if (a.equals(f)) return f;
        throw InvalidInputException.of("format", "must be one of " + String.join(", ", allowed));
    }

    private static boolean bool(RoutingContext ctx, String name) {
        String v = Api.query(ctx, name).orElse("false").trim().toLowerCase(Locale.ROOT);
        if (v.equals("true")) return true;
        if (v.equals("false")) return false;
        throw InvalidInputException.of(name, "must be true or false");
    }

    private static void send(RoutingContext ctx, String type, String body, String filename) {
        if (ctx.response().ended()) return;
        if (filename != null)
            ctx.response().putHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        ctx.response().setStatusCode(200).putHeader("Content-Type", type).end(body);
    }
}
