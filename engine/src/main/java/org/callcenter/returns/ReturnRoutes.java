package org.callcenter.returns;

import io.vertx.ext.web.Router;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.callcenter.common.InvalidInputException;
import org.callcenter.web.Api;
import org.callcenter.web.JsonInput;

/**
 * {@code POST /api/v1/returns} (the return form), {@code GET /api/v1/customers/{id}/returns} and
 * {@code GET /api/v1/returns/monthly?from=YYYY-MM&to=YYYY-MM} (counts per month for reports).
 */
public final class ReturnRoutes {
    private final ReturnService service;

    public ReturnRoutes(ReturnService service) {
        this.service = service;
    }

    public void mount(Router api) {
        api.post("/v1/returns")
                .handler(ctx -> Api.respond(ctx, 201, () -> {
                    JsonInput in = JsonInput.of(Api.body(ctx));
                    in.allowOnly("customerId", "installationId", "ticketNumber", "condition", "reason", "comments");
                    ReturnService.ReturnForm form = new ReturnService.ReturnForm(
                            in.requiredString("customerId", 100),
                            in.requiredString("installationId", 100),
                            in.optionalString("ticketNumber", 20).orElse(null),
                            in.requiredEnum("condition", ProductReturn.GoodsCondition.class),
                            in.requiredString("reason", 500),
                            in.optionalString("comments", 2000).orElse(null));
                    in.validate();
                    return service.record(form, Api.username(ctx));
                }));
        api.get("/v1/customers/:id/returns")
                .handler(ctx -> Api.respond(ctx, 200, () -> service.ofCustomer(ctx.pathParam("id"))));
        api.get("/v1/returns/monthly")
                .handler(ctx -> Api.respond(ctx, 200, () -> {
                    YearMonth thisMonth = service.thisMonth();
                    YearMonth to = month("to", Api.query(ctx, "to").orElse(thisMonth.toString()));
                    YearMonth from = month(
                            "from",
                            Api.query(ctx, "from").orElse(to.minusMonths(11).toString()));
                    if (to.isAfter(thisMonth)) throw InvalidInputException.of("to", "is in the future");
                    return service.countByMonthAsync(from, to).map(counts -> {
                        List<Map<String, Object>> months = counts.entrySet().stream()
                                .map(e -> {
                                    Map<String, Object> m = new LinkedHashMap<>();
                                    m.put("month", e.getKey().toString());
                                    m.put("count", e.getValue());
                                    return m;
                                })
                                .toList();
                        Map<String, Object> out = new LinkedHashMap<>();
                        out.put("from", from.toString());
                        out.put("to", to.toString());
                        out.put(
                                "total",
                                counts.values().stream()
                                        .mapToLong(Long::longValue)
                                        .sum());
                        out.put("months", months);
                        return out;
                    });
                }));
    }

    private static YearMonth month(String field, String raw) {
        try {
            if (!raw.matches("\\d{4}-\\d{2}")) throw new DateTimeParseException("format", raw, 0);
            return YearMonth.parse(raw);
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(field, "must be a month such as 2026-11");
        }
    }
}
