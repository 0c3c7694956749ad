package org.callcenter.wallboard;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.callcenter.agents.Agent;
import org.callcenter.agents.Presence;
import org.callcenter.calls.CallRecord;
import org.callcenter.phone.PhoneNumbers;
import org.callcenter.sla.ClockState;
import org.callcenter.sla.SlaEvents;
import org.callcenter.wallboard.WallboardSource.ClockRow;
import org.callcenter.wallboard.WallboardSource.FollowupRow;
import org.callcenter.wallboard.WallboardSource.SmsFailureRow;

/**
 * The wallboard's in-memory aggregate: live calls, agents by state, clocks at risk and breached,
 * today's return calls, SMS failures and key warnings. Fed by events and by the periodic refresh;
 * {@link #snapshot} renders it once for every viewer. Thread-safe (every method holds the lock).
 */
public final class WallboardState {

    private record AgentRow(String username, String name, Presence state, Instant since) {}

    private final int maxRows;
    private final Map<String, WallboardRows.WaitingCall> waiting = new LinkedHashMap<>();
    private final Map<String, WallboardRows.ActiveCall> active = new LinkedHashMap<>();
    private final Map<String, AgentRow> agents = new TreeMap<>();
    private final Map<String, ClockRow> atRisk = new LinkedHashMap<>();
    private final Map<String, ClockRow> breached = new LinkedHashMap<>();
    private final Map<String, Boolean> followups = new LinkedHashMap<>();
    private final Map<String, JsonObject> smsFailures = new LinkedHashMap<>();
    private final Map<String, JsonObject> keyWarnings = new LinkedHashMap<>();
    /** Keys of clocks, follow-ups and SMS failures an event changed, with the version it made. */
    private final Map<String, Long> touched = new java.util.HashMap<>();

    private long version;

    public WallboardState(int maxRows) {
        this.maxRows = maxRows;
    }

    public synchronized long version() {
        return version;
    }

    // ---- calls ----

    public synchronized void callOffered(CallRecord c) {
        String caller = c.callerNumber() != null ? PhoneNumbers.mask(c.callerNumber()) : "unknown";
        Instant since = c.offeredAt() != null ? c.offeredAt() : c.startedAt();
        waiting.put(c.id(), new WallboardRows.WaitingCall(c.id(), c.queue(), caller, since));
        version++;
    }

    public synchronized void callAnswered(CallRecord c) {
        waiting.remove(c.id());
        Instant since = c.answeredAt() != null ? c.answeredAt() : c.startedAt();
        active.put(c.id(), new WallboardRows.ActiveCall(c.id(), c.agent(), c.queue(), since));
        version++;
    }

    public synchronized void callEnded(CallRecord c) {
        if (waiting.remove(c.id()) != null | active.remove(c.id()) != null) version++;
    }

    // ---- agents ----

    public synchronized void agents(List<Agent> all) {
        agents.clear();
        for (Agent a : all) {
            Agent.AgentState p = a.presence();
            agents.put(
                    a.username(),
                    new AgentRow(
                            a.username(),
                            a.displayName(),
                            p == null ? Presence.OFFLINE : p.state(),
                            p == null ? null : p.since()));
        }
        version++;
    }

    public synchronized void presence(String username, Agent.AgentState state) {
        AgentRow old = agents.get(username);
        agents.put(username, new AgentRow(username, old == null ? username : old.name(), state.state(), state.since()));
        version++;
    }

    // ---- clocks ----

    /**
     * Replaces clocks, return calls and SMS failures with what the stores said. The query began at
     * {@code asOf} (a {@link #version()}): rows an event touched since then keep the event's word,
     * so a refresh racing an event never undoes it.
     */
    public synchronized void refresh(
            List<ClockRow> clockRows, List<FollowupRow> followupRows, List<SmsFailureRow> smsRows, long asOf) {
        if (clockRows != null) { // null: not re-read this time, the SLA events keep them current
            Map<String, ClockRow> risk = new LinkedHashMap<>();
            Map<String, ClockRow> late = new LinkedHashMap<>();
            for (ClockRow r : clockRows)
                (r.breached() ? late : risk).put(key(r.ticket(), r.clock().key()), r);
            replace(atRisk, risk, asOf, "clock:");
            replace(breached, late, asOf, "clock:");
        }
        Map<String, Boolean> calls = new LinkedHashMap<>();
        for (FollowupRow r : followupRows) calls.put(r.id(), r.done());
        replace(followups, calls, asOf, "followup:");
        Map<String, JsonObject> sms = new LinkedHashMap<>();
        for (SmsFailureRow r : smsRows.reversed()) sms.put(r.messageId(), smsRow(r));
        replace(smsFailures, sms, asOf, "sms:");
        version++;
    }

    private <V> void replace(Map<String, V> current, Map<String, V> stored, long asOf, String kind) {
        Map<String, V> merged = new LinkedHashMap<>();
        stored.forEach((k, v) -> {
            if (touched.getOrDefault(kind + k, Long.MIN_VALUE) <= asOf) merged.put(k, v);
        });
        current.forEach((k, v) -> {
            if (touched.getOrDefault(kind + k, Long.MIN_VALUE) > asOf) merged.put(k, v);
        });
        current.clear();
        current.putAll(merged);
        touched.values().removeIf(v -> v <= asOf);
    }

    private void touch(String key) {
        touched.put(key, ++version);
    }

    public synchronized void warned(SlaEvents.SlaWarned w) {
        String key = key(w.ticket(), w.clock().key());
        if (breached.containsKey(key)) return;
        atRisk.put(key, new ClockRow(w.ticket(), w.clock(), w.due(), w.firedAt(), null, false));
        touch("clock:" + key);
    }

    public synchronized void breached(SlaEvents.SlaBreached b) {
        String key = key(b.ticket(), b.clock().key());
        atRisk.remove(key);
        breached.put(key, new ClockRow(b.ticket(), b.clock(), b.due(), null, b.firedAt(), true));
        touch("clock:" + key);
    }

    public synchronized void clockChanged(SlaEvents.ClockChanged c) {
        String key = key(c.ticket(), c.clock().key());
        ClockRow risk = atRisk.get(key);
        boolean open = c.state() == ClockState.RUNNING || c.state() == ClockState.PAUSED;
        if (risk != null && open)
            atRisk.put(key, new ClockRow(risk.ticket(), risk.clock(), c.due(), risk.warnedAt(), null, false));
        else if (c.state() != ClockState.BREACHED) atRisk.remove(key); // met or cancelled: no longer at risk
        if (risk == null && open) return; // a clock that never warned: nothing the board shows
        touch("clock:" + key);
    }

    // ---- return calls, SMS, key warnings ----

    /** A follow-up changed: counted when it is one of today's, or was reached just now. */
    public synchronized void followupChanged(String id, String status) {
        boolean done = "done".equalsIgnoreCase(status);
        if (!followups.containsKey(id) && !done) return;
        followups.put(id, done);
        touch("followup:" + id);
    }

    public synchronized void smsFailed(SmsFailureRow r) {
        smsFailures.remove(r.messageId());
        smsFailures.put(r.messageId(), smsRow(r));
        trim(smsFailures, 1000);
        touch("sms:" + r.messageId());
    }

    private static JsonObject smsRow(SmsFailureRow r) {
        return new JsonObject()
                .put("messageId", r.messageId())
                .put("template", r.template())
                .put("to", r.to())
                .put("errorCode", r.errorCode())
                .put("status", r.status())
                .put("at", r.at() == null ? null : r.at().toString());
    }

    public synchronized void keyWarning(JsonObject w) {
        String key = w.getString("product") + "|" + w.getString("category") + "|" + w.getString("period");
        keyWarnings.remove(key);
        keyWarnings.put(key, w.copy());
        trim(keyWarnings, maxRows);
        version++;
    }

    // ---- rendering ----

    /** The whole board as one JSON frame (built once per push, sent to every viewer). */
    public synchronized JsonObject snapshot(Instant now) {
        Map<String, Integer> byState = new LinkedHashMap<>();
        for (Presence p : Presence.values()) byState.put(p.name().toLowerCase(), 0);
        JsonArray agentRows = new JsonArray();
        for (AgentRow a : agents.values()) {
            byState.merge(a.state().name().toLowerCase(), 1, Integer::sum);
            agentRows.add(new JsonObject()
                    .put("username", a.username())
                    .put("name", a.name())
                    .put("state", a.state().name().toLowerCase())
                    .put("since", WallboardRows.iso(a.since())));
        }
        long done = followups.values().stream().filter(d -> d).count();
        return new JsonObject()
                .put("type", "snapshot")
                .put("version", version)
                .put("at", now.toString())
                .put(
                        "calls",
                        new JsonObject()
                                .put("waiting", waiting.size())
                                .put("active", active.size())
                                .put("waitingCalls", WallboardRows.waiting(waiting.values(), maxRows))
                                .put("activeCalls", WallboardRows.active(active.values(), maxRows)))
                .put(
                        "agents",
                        new JsonObject()
                                .put("byState", new JsonObject(new LinkedHashMap<>(byState)))
                                .put("list", agentRows))
                .put(
                        "clocks",
                        new JsonObject()
                                .put("atRiskCount", atRisk.size())
                                .put("breachedCount", breached.size())
                                .put("atRisk", WallboardRows.clocks(atRisk.values(), maxRows))
                                .put("breached", WallboardRows.clocks(breached.values(), maxRows)))
                .put("returnCalls", new JsonObject().put("done", done).put("due", followups.size()))
                .put(
                        "sms",
                        new JsonObject()
                                .put("failedToday", smsFailures.size())
                                .put("failures", WallboardRows.newest(smsFailures, maxRows)))
                .put("keyWarnings", WallboardRows.newest(keyWarnings, maxRows));
    }

    private static void trim(Map<String, JsonObject> map, int max) {
        var it = map.keySet().iterator();
        while (map.size() > max && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    private static String key(String ticket, String clock) {
        return ticket + "/" + clock;
    }
}
