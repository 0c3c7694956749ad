package org.callcenter.ivr;

import io.vertx.core.Future;
import java.util.Locale;
import java.util.Optional;
import org.callcenter.telephony.agi.AgiHangupException;

/** The nodes that act on the business: calendar, caller, requests, call-backs, complaints, routing, surveys. */
final class ServiceNodes {
    static final String QUEUE_VAR = "CC_QUEUE";
    static final String TICKET_VAR = "CC_TICKET";
    static final String TRANSFER_VAR = "CC_TRANSFER";

    private final IvrService service;

    ServiceNodes(IvrService service) {
        this.service = service;
    }

    Future<String> businessHours(ScriptNode n, IvrSession s) {
        boolean open = service.openNow();
        s.step(n, null, open ? "open" : "closed");
        return Future.succeededFuture(n.text(open ? "open" : "closed"));
    }

    /** Best effort: a store that cannot answer leaves the caller unidentified, the call goes on. */
    Future<String> identifyCaller(ScriptNode n, IvrSession s) {
        Future<Optional<org.callcenter.screenpop.CallerHistory.CustomerCard>> lookup = s.identified;
        s.identified = null; // a second identify node looks again
        return (lookup != null ? lookup : service.identify(s.var("caller")))
                .recover(e -> Future.succeededFuture(java.util.Optional.empty()))
                .map(found -> {
                    found.ifPresent(c -> {
                        s.vars.put("customer", c.id());
                        s.vars.put("customer_name", c.name());
                    });
                    s.step(n, null, found.isPresent() ? "known" : "unknown");
                    return n.text(found.isPresent() ? "known" : "unknown", n.text("next"));
                });
    }

    /** Speaks the request's status (prompt {@code <prefix><status>}) and when it is due. */
    Future<String> lookupRequest(ScriptNode n, IvrSession s) {
        String number = s.expand(n.text("number"));
        return service.lookup(number).compose(found -> {
            if (found.isEmpty()) {
                s.step(n, null, "not_found");
                return Future.succeededFuture(n.text("not_found"));
            }
            IvrService.RequestStatus r = found.get();
            s.vars.put("ticket", r.number());
            s.step(n, null, r.status().name().toLowerCase(Locale.ROOT));
            String prefix = n.text("status_prompt_prefix", "cc-status-");
            Future<Void> said =
                    s.play(prefix + r.status().name().toLowerCase(Locale.ROOT)).mapEmpty();
            if (r.due() != null && r.status().open())
                said = said.compose(v -> s.play(n.text("due_prompt", "cc-due-by")))
                        .compose(v ->
                                s.sayDateTime(r.due(), service.calendar().zone().getId()));
            else if (n.text("no_due_prompt") != null)
                said = said.compose(v -> s.play(n.text("no_due_prompt"))).mapEmpty();
            return said.map(v -> n.text("found"));
        });
    }

    Future<String> registerProblem(ScriptNode n, IvrSession s) {
        String description = s.expand(n.text("description", "Registered by the IVR (${script})"));
        return ticket(n, s, s.expand(n.text("category")), description, number -> Future.succeededFuture());
    }

    Future<String> complaint(ScriptNode n, IvrSession s) {
        String description = s.expand(n.text("description", "Complaint filed by phone through the IVR"));
        String named = n.text("technician") == null
                ? ""
                : s.expand(n.text("technician")).trim();
        String technician = named.isEmpty() ? null : named;
        // the complaint (clocks, ladder) follows the request; a failure there never stops the call
        return ticket(
                n,
                s,
                "complaint",
                description,
                number -> service.complained(number, technician).recover(e -> {
                    s.step(n, null, "complaint not registered: " + e.getMessage());
                    return Future.succeededFuture();
                }));
    }

    private Future<String> ticket(
            ScriptNode n,
            IvrSession s,
            String category,
            String description,
            java.util.function.Function<String, Future<Void>> then) {
        return service.register(s.var("caller"), s.request.callerIdName(), category, description)
                .compose(number -> then.apply(number).map(v -> number))
                .compose(number -> {
                    s.vars.put("ticket", number);
                    s.step(n, null, "ticket " + number);
                    return s.playAll(n.prompts("prompt"))
                            .compose(v -> n.text("prompt") == null ? Future.succeededFuture() : s.sayDigits(number))
                            .map(v -> n.text("next"));
                })
                .recover(e -> failed(n, s, e));
    }

    /** Stores an open call-back task and tells the caller by when we will call. */
    Future<String> callback(ScriptNode n, IvrSession s) {
        return service.callback(
                        s.var("caller"), s.expand(n.text("reason")), s.vars.get("ticket"), s.request.uniqueId(), "ivr")
                .compose(due -> {
                    s.vars.put("callback_due", due.toString());
                    s.step(n, null, "callback by " + due);
                    if (n.text("prompt") == null) return Future.succeededFuture(n.text("next"));
                    return s.play(n.text("prompt"))
                            .compose(v ->
                                    s.sayDateTime(due, service.calendar().zone().getId()))
                            .map(v -> n.text("next"));
                })
                .recover(e -> failed(n, s, e));
    }

    private Future<String> failed(ScriptNode n, IvrSession s, Throwable e) {
        if (e instanceof AgiHangupException) return Future.failedFuture(e);
        s.step(n, null, "failed: " + e.getMessage());
        return Future.succeededFuture(n.text("failed", DialogNodes.OPERATOR));
    }

    /** Sets CC_QUEUE (and CC_TICKET) for the dialplan and ends the script. */
    Future<String> queue(ScriptNode n, IvrSession s) {
        s.step(n, null, n.text("queue"));
        return s.playAll(n.prompts("prompt")).compose(v -> route(s, s.expand(n.text("queue")), "queued"));
    }

    /** A problem that is not ours: to another department's queue, recorded as a transfer. */
    Future<String> transfer(ScriptNode n, IvrSession s) {
        String department = s.expand(n.text("department"));
        s.step(n, null, department);
        return s.playAll(n.prompts("prompt"))
                .compose(v -> s.setVariable(TRANSFER_VAR, department))
                .compose(v -> route(s, s.expand(n.text("queue")), "transferred"));
    }

    Future<String> route(IvrSession s, String queue, String outcome) {
        s.queue = queue;
        s.outcome = outcome;
        Future<Void> f = s.setVariable(QUEUE_VAR, queue);
        String ticket = s.vars.get("ticket");
        if (ticket != null) f = f.compose(v -> s.setVariable(TICKET_VAR, ticket));
        return f.map(v -> (String) null);
    }

    /** Stores the rating against the call, the agent (?agent= or MEMBERINTERFACE) and the request. */
    Future<String> survey(ScriptNode n, IvrSession s) {
        String raw = s.expand(n.text("rating"));
        int rating;
        try {
            rating = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            rating = 0;
        }
        if (rating < 1 || rating > 5) {
            s.step(n, null, "no rating");
            return Future.succeededFuture(n.text("next"));
        }
        int stars = rating;
        String wants = s.expand(n.text("callback", "")).toLowerCase(Locale.ROOT);
        boolean callback = wants.equals("yes") || wants.equals("true") || wants.equals("9");
        Future<String> agent = orVariable(s.request.param("agent"), s, "MEMBERINTERFACE");
        return agent.compose(a -> orVariable(s.request.param("ticket"), s, TICKET_VAR)
                .compose(t -> {
                    if (!t.isEmpty()) s.vars.put("ticket", t);
                    SurveyResult result = new SurveyResult(
                            s.request.uniqueId(),
                            s.linkedId,
                            a.isEmpty() ? null : a,
                            t.isEmpty() ? null : t,
                            s.var("caller"),
                            stars,
                            callback,
                            s.clock.instant());
                    s.step(n, null, "rating " + stars + (callback ? ", call back" : ""));
                    Future<Void> saved = service.survey(result);
                    if (callback)
                        saved = saved.compose(v -> service.callback(
                                        s.var("caller"),
                                        "survey",
                                        t.isEmpty() ? null : t,
                                        s.request.uniqueId(),
                                        "survey")
                                .mapEmpty());
                    return saved.map(v -> n.text("next"));
                }));
    }

    private static Future<String> orVariable(Optional<String> given, IvrSession s, String variable) {
        return given.map(Future::succeededFuture).orElseGet(() -> s.getVariable(variable));
    }
}
