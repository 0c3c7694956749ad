package org.callcenter.sla;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.callcenter.common.InvalidInputException;
import org.callcenter.common.NotFoundException;
import org.callcenter.customers.Region;
import org.callcenter.web.Api;
import org.callcenter.web.JsonInput;

/** /api/v1/sla (calendar, preview, escalations) and /api/v1/tickets/:number/clocks. */
public final class SlaRoutes {
    private final SlaService service;

    public SlaRoutes(SlaService service) {
        this.service = service;
    }

    public void mount(Router api) {
        api.get("/v1/sla/calendar").handler(ctx -> Api.respond(ctx, 200, () -> Future.succeededFuture(calendar())));
        api.post("/v1/sla/preview").handler(ctx -> Api.respond(ctx, 200, () -> preview(JsonInput.of(Api.body(ctx)))));
        api.get("/v1/sla/escalations")
                .handler(ctx ->
                        Api.respond(ctx, 200, () -> service.escalations(Api.intQuery(ctx, "limit", 50, 1, 200))));
        api.get("/v1/tickets/:number/clocks")
                .handler(ctx -> Api.respond(ctx, 200, () -> service.views(ctx.pathParam("number"))));
        api.post("/v1/tickets/:number/clocks/:clock/:action").handler(ctx -> Api.respond(ctx, 200, () -> command(ctx)));
    }

    private Future<ClockView> command(RoutingContext ctx) {
        String number = ctx.pathParam("number");
        ClockName clock = ClockName.parse(ctx.pathParam("clock"));
        if (clock == null)
            throw new NotFoundException("no clock " + ctx.pathParam("clock").replaceAll("\\W", "?"));
        JsonInput in = JsonInput.of(ctx.body() == null || ctx.body().isEmpty() ? new JsonObject() : Api.body(ctx));
        String action = ctx.pathParam("action");
        if (action.equals("start")) {
            in.allowOnly("at", "region", "agreedAt");
            SlaEvents.StartClock cmd = new SlaEvents.StartClock(
                    number,
                    clock,
                    in.optionalInstant("at").orElse(null),
                    in.optionalEnum("region", Region.class).orElse(null),
                    in.optionalInstant("agreedAt").orElse(null));
            in.validate();
            return service.start(cmd);
        }
        in.allowOnly("at");
        Instant at = in.optionalInstant("at").orElse(null);
        in.validate();
        return switch (action) {
            case "stop" -> service.stop(new SlaEvents.StopClock(number, clock, at));
            case "pause" -> service.pause(number, clock, at);
            case "resume" -> service.resume(number, clock, at);
            default -> throw new NotFoundException("no clock action " + action.replaceAll("\\W", "?"));
        };
    }

    private Future<Map<String, Object>> preview(JsonInput in) {
        in.allowOnly("clock", "start", "pauses", "region", "agreedAt");
        ClockName clock = in.requiredEnum("clock", ClockName.class);
        Instant start = in.optionalInstant("start").orElse(null);
        if (start == null) in.error("start", "is required");
        List<Instant[]> pauses = in.objectList("pauses", 100, p -> {
            p.allowOnly("from", "to");
            Instant from = p.optionalInstant("from").orElse(null);
            Instant to = p.optionalInstant("to").orElse(null);
            if (from == null || to == null || to.isBefore(from))
                p.error("from", "a pause needs from and to, from first");
            return new Instant[] {from, to};
        });
        Region region = in.optionalEnum("region", Region.class).orElse(null);
        Instant agreedAt = in.optionalInstant("agreedAt").orElse(null);
        if (clock == ClockName.ONSITE_ARRIVAL && region == null) in.error("region", "is required for onsite_arrival");
        if (clock == ClockName.APPOINTMENT && agreedAt == null) in.error("agreedAt", "is required for appointment");
        in.validate();
        List<Instant[]> sorted = new ArrayList<>(pauses);
        sorted.sort((a, b) -> a[0].compareTo(b[0]));
        for (int i = 0; i < sorted.size(); i++) {
            if (sorted.get(i)[0].isBefore(i == 0 ? start : sorted.get(i - 1)[1]))
                throw InvalidInputException.of("pauses", "pauses must start after the start and not overlap");
        }
        return Future.succeededFuture(service.preview(clock, start, sorted, region, agreedAt));
    }

    private Map<String, Object> calendar() {
        BusinessCalendar c = service.planner().calendar();
        Map<String, Object> hours = new LinkedHashMap<>();
        c.weekly()
                .forEach((day, list) -> hours.put(
                        CalendarLoader.day(day),
                        list.stream().map(OpeningHours::toString).toList()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", c.name());
        out.put("zone", c.zone().getId());
        out.put("hours", hours);
        out.put("holidays", c.holidays().stream().map(Object::toString).toList());
        out.put("makeupDays", c.makeupDays().stream().map(Object::toString).toList());
        out.put("makeupHoursFrom", CalendarLoader.day(c.makeupHoursFrom()));
        return out;
    }
}
