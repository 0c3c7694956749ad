package org.callcenter.ivr;

import io.vertx.core.Future;
import java.time.Clock;
import org.callcenter.metrics.IvrMeters;
import org.callcenter.phone.PhoneNumbers;
import org.callcenter.telephony.agi.AgiChannel;
import org.callcenter.telephony.agi.AgiHandler;
import org.callcenter.telephony.agi.AgiHangupException;
import org.callcenter.telephony.agi.AgiRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a script for each FastAGI session: node after node until one ends it. Never leaves the caller
 * in dead air: an unknown script, a failing node or a runaway loop gets an apology and the operator
 * queue; a hangup simply ends it. Every session leaves a trace; no exception escapes.
 */
public final class IvrRunner implements AgiHandler {
    private static final Logger log = LoggerFactory.getLogger(IvrRunner.class);
    private static final int MAX_STEPS = 200;

    /** The operator queue and the apology played before it. */
    public record Fallback(String operatorQueue, String apologyPrompt) {}

    private final ScriptRegistry scripts;
    private final IvrService service;
    private final IvrMeters meters;
    private final Fallback fallback;
    private final Clock clock;
    private final DialogNodes dialog;
    private final ServiceNodes business;

    public IvrRunner(ScriptRegistry scripts, IvrService service, IvrMeters meters, Fallback fallback) {
        this.scripts = scripts;
        this.service = service;
        this.meters = meters;
        this.fallback = fallback;
        this.clock = service.clock();
        this.dialog = new DialogNodes(service);
        this.business = new ServiceNodes(service);
    }

    IvrService service() {
        return service;
    }

    @Override
    public Future<Void> handle(AgiRequest request, AgiChannel channel) {
        IvrScript script = scripts.get(request.script()).orElse(null);
        IvrSession s = new IvrSession(request, channel, script, clock);
        s.vars.put("script", request.script());
        s.vars.put("caller", service.normalize(request.callerId()));
        s.vars.put("caller_name", request.callerIdName());
        // the caller look-up (Redis-cached caller history) overlaps the welcome prompt instead of
        // holding up the command after it
        if (script != null && script.uses(NodeType.IDENTIFY_CALLER)) s.identified = identify(s);
        Future<Void> run;
        try {
            run = s.getVariable("CHANNEL(linkedid)").compose(linked -> {
                s.linkedId = linked;
                if (script != null) return step(s, script.start(), 0);
                log.warn("IVR: unknown script '{}' requested; caller goes to the operator", clip(request.script()));
                s.outcome = "unknown_script";
                return operator(s);
            });
        } catch (RuntimeException e) {
            run = Future.failedFuture(e);
        }
        return run.recover(e -> {
                    if (e instanceof AgiHangupException || channel.hungUp()) {
                        s.outcome = "caller_hangup";
                        return Future.succeededFuture();
                    }
                    log.warn("IVR {} in '{}' failed: {}", request.uniqueId(), request.script(), e.toString());
                    s.outcome = "error";
                    return operator(s).recover(x -> Future.succeededFuture());
                })
                .eventually(() -> {
                    meters.session(script == null ? "unknown" : script.name(), s.outcome);
                    service.saveTrace(s.trace());
                    return Future.succeededFuture();
                });
    }

    private Future<java.util.Optional<org.callcenter.screenpop.CallerHistory.CustomerCard>> identify(IvrSession s) {
        try {
            return service.identify(s.var("caller"));
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    private Future<Void> step(IvrSession s, String nodeId, int steps) {
        if (nodeId == null) return Future.succeededFuture();
        if (nodeId.equals(DialogNodes.OPERATOR)) return operator(s);
        if (steps >= MAX_STEPS) {
            log.warn("IVR {}: script '{}' ran {} nodes without ending", s.request.uniqueId(), s.script.name(), steps);
            s.outcome = "error";
            return operator(s);
        }
        ScriptNode node = s.script.node(nodeId);
        Future<String> next;
        try {
            next = run(node, s);
        } catch (RuntimeException e) {
            next = Future.failedFuture(e);
        }
        return next.recover(e -> {
                    if (e instanceof AgiHangupException) return Future.failedFuture(e);
                    meters.nodeError(node.type().key());
                    log.warn(
                            "IVR {}: node '{}' of '{}' failed: {}",
                            s.request.uniqueId(),
                            nodeId,
                            s.script.name(),
                            e.toString());
                    s.step(node, null, "error: " + e.getMessage());
                    s.outcome = "error";
                    return Future.succeededFuture(DialogNodes.OPERATOR);
                })
                .compose(target -> step(s, target, steps + 1));
    }

    private Future<String> run(ScriptNode n, IvrSession s) {
        return switch (n.type()) {
            case PROMPT -> dialog.prompt(n, s);
            case SAY_DIGITS -> dialog.sayDigits(n, s);
            case SAY_NUMBER -> dialog.sayNumber(n, s);
            case MENU -> dialog.menu(n, s, 0);
            case COLLECT -> dialog.collect(n, s, 0);
            case SET -> dialog.set(n, s);
            case HANGUP -> dialog.hangup(n, s);
            case BUSINESS_HOURS -> business.businessHours(n, s);
            case IDENTIFY_CALLER -> business.identifyCaller(n, s);
            case LOOKUP_REQUEST -> business.lookupRequest(n, s);
            case REGISTER_PROBLEM -> business.registerProblem(n, s);
            case CALLBACK -> business.callback(n, s);
            case COMPLAINT -> business.complaint(n, s);
            case QUEUE -> business.queue(n, s);
            case TRANSFER -> business.transfer(n, s);
            case SURVEY -> business.survey(n, s);
        };
    }

    /** The apology, then the operator queue; the dialplan queues on CC_QUEUE. */
    private Future<Void> operator(IvrSession s) {
        if (!"unknown_script".equals(s.outcome) && !"error".equals(s.outcome)) s.outcome = "operator";
        String outcome = s.outcome;
        Future<Void> apology = "operator".equals(outcome)
                ? Future.succeededFuture()
                : s.play(fallback.apologyPrompt()).mapEmpty();
        return apology.compose(v -> business.route(s, fallback.operatorQueue(), outcome))
                .mapEmpty();
    }

    private static String clip(String s) {
        return PhoneNumbers.maskDigitsIn(s.length() > 60 ? s.substring(0, 60) : s);
    }
}
