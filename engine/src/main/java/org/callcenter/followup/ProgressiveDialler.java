package org.callcenter.followup;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.callcenter.common.JsonMapper;
import org.callcenter.config.FollowupConfig;
import org.callcenter.metrics.FollowupDialMeters;
import org.callcenter.sla.BusinessCalendar;

/**
 * Progressive dialling (the DIAL timer's handler): when a follow-up falls due inside the customer's
 * calling hours and an agent is available (its owner, if it has one), the agent is marked on call,
 * the follow-up is taken for them, the customer is dialled first and, once they answer, connected to
 * the agent's extension; the agent's console pops it as a return call with the reasons and questions.
 * No agent free: the timer comes back after {@code waitForAgent}. No number: INVALID_NUMBER, kept for a
 * human. The customer not answering: NO_ANSWER (the retry policy applies). AMI down: DIAL_FAILED, not
 * counted, the follow-up comes back after the hold.
 */
public final class ProgressiveDialler implements FollowupSchedule.Handler {
    /** Free agents and their presence (the {@code agents/} domain). */
    public interface AgentDirectory {
        /** Available agents with a phone, longest waiting first; only {@code only} when not null. */
        List<FreeAgent> available(String only);

        /** Marks the agent on call for this follow-up; false if they were no longer available. */
        boolean occupy(String agent, String callId);

        /** Makes the agent available again if they are still on this follow-up's call. */
        void free(String agent, String callId);
    }

    public record FreeAgent(String username, String agentInterface) {}

    /** Customer first, then the agent's extension in {@code context}; never fails, the result says why not. */
    public interface Originator {
        CompletionStage<FollowupDialling.Dialled> originate(
                String channel, String context, String exten, String callerId, Duration timeout);
    }

    private final FollowupService service;
    private final FollowupRepository repository;
    private final FollowupSchedule schedule;
    private final AgentDirectory agents;
    private final Originator originator;
    private final BiConsumer<String, JsonObject> pops;
    private final FollowupConfig.Progressive config;
    private final FollowupDialMeters meters;
    private final Clock clock;

    public ProgressiveDialler(
            FollowupService service,
            FollowupRepository repository,
            FollowupSchedule schedule,
            AgentDirectory agents,
            Originator originator,
            BiConsumer<String, JsonObject> pops,
            FollowupConfig.Progressive config,
            FollowupDialMeters meters,
            Clock clock) {
        this.service = service;
        this.repository = repository;
        this.schedule = schedule;
        this.agents = agents;
        this.originator = originator;
        this.pops = pops;
        this.config = config;
        this.meters = meters;
        this.clock = clock;
    }

    public static String callId(String followupId) {
        return "followup:" + followupId;
    }

    @Override
    public boolean handle(FollowupTimer t) {
        FollowUp f = repository.find(t.followupId()).orElse(null);
        if (f == null || f.status() != FollowupStatus.OPEN || !t.due().equals(f.callAt())) return false; // stale
        Instant now = clock.instant();
        BusinessCalendar calendar = service.calendarOf(f.customerId());
        Instant opening = calendar.nextOpening(now);
        if (!opening.equals(now)) { // night or holiday where the customer lives: not before the next opening
            schedule.again(t, opening);
            return false;
        }
        String owner = FollowupService.currentOwner(f, now);
        List<String> phones = repository.phonesOf(f.customerId());
        if (phones.isEmpty()) {
            String by = owner == null ? "progressive" : owner;
            service.record(f.id(), by, Outcome.INVALID_NUMBER, null, Map.of(), "no phone number on file");
            meters.dial("invalid_number");
            return false;
        }
        String callId = callId(f.id());
        for (FreeAgent agent : agents.available(owner)) {
            if (!agents.occupy(agent.username(), callId)) continue; // taken meanwhile: try the next one
            Optional<FollowUp> taken =
                    service.takeForDial(f.id(), t.due(), agent.username(), now.plus(config.connectHold()));
            if (taken.isEmpty()) {
                agents.free(agent.username(), callId);
                return false;
            }
            return dial(taken.get(), agent, phones.getFirst(), callId);
        }
        schedule.again(t, now.plus(config.waitForAgent()));
        meters.dial("no_agent");
        return false;
    }

    private boolean dial(FollowUp f, FreeAgent agent, String number, String callId) {
        FollowupDialling.Dialled d;
        try {
            d = originator
                    .originate(
                            config.channel().replace("{number}", number),
                            config.context(),
                            extension(agent.agentInterface()),
                            number,
                            config.timeout())
                    .toCompletableFuture()
                    .get(config.timeout().toSeconds() + 15, TimeUnit.SECONDS);
        } catch (Exception e) {
            d = new FollowupDialling.Dialled(false, "AMI is not answering: " + e);
        }
        if (d.ok()) {
            pops.accept(agent.username(), pop(f, number, callId));
            meters.dial("connected");
            return true;
        }
        boolean edge = d.message() == null || d.message().startsWith("AMI is");
        service.record(
                f.id(),
                agent.username(),
                edge ? Outcome.DIAL_FAILED : Outcome.NO_ANSWER,
                null,
                Map.of(),
                "progressive dial: " + d.message());
        agents.free(agent.username(), callId);
        meters.dial(edge ? "dial_failed" : "no_answer");
        return false;
    }

    /** The screen-pop of a return call: the follow-up, the number dialled, reasons and questions. */
    static JsonObject pop(FollowUp f, String number, String callId) {
        JsonArray reasons = new JsonArray();
        for (DueReason r : f.pending())
            reasons.add(new JsonObject()
                    .put("reason", r.reason().name().toLowerCase(java.util.Locale.ROOT))
                    .put("ref", r.ref())
                    .put("dueBy", r.dueBy().toString()));
        return new JsonObject()
                .put("type", "return_call")
                .put("callId", callId)
                .put("followUp", new JsonObject(JsonMapper.write(f)))
                .put("customerId", f.customerId())
                .put("number", number)
                .put("reasons", reasons)
                .put("questions", new JsonArray(f.questions()));
    }

    /** PJSIP/1001 → 1001, Local/101@queue-agents/n → 101. */
    static String extension(String agentInterface) {
        String rest = agentInterface.substring(agentInterface.indexOf('/') + 1);
        int end = rest.length();
        for (char c : new char[] {'@', '/'}) if (rest.indexOf(c) >= 0) end = Math.min(end, rest.indexOf(c));
        return rest.substring(0, end);
    }
}
