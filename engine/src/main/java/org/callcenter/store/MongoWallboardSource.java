package org.callcenter.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.callcenter.agents.Agent;
import org.callcenter.agents.AgentRepository;
import org.callcenter.metrics.WallboardMeters;
import org.callcenter.phone.PhoneNumbers;
import org.callcenter.sla.ClockName;
import org.callcenter.sla.ClockState;
import org.callcenter.sla.SlaClock;
import org.callcenter.wallboard.WallboardSource;

/**
 * The wallboard's reads: clocks from {@code tickets.clocks.*}, follow-ups from {@code followups}
 * (instants stored as ISO text, so the day filter is a coarse text prefix refined here), SMS
 * failures from {@code sms_outbox}, the month's key warnings from {@code key_warnings}. Every round trip is counted in {@link WallboardMeters}.
 */
public final class MongoWallboardSource implements WallboardSource {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MongoWallboardSource.class);
    private final MongoCollection<Document> tickets;
    private final MongoCollection<Document> followups;
    private final MongoCollection<Document> sms;
    private final MongoCollection<Document> keyWarnings;
    private final AgentRepository agents;
    private final WallboardMeters meters;

    public MongoWallboardSource(MongoStore mongo, AgentRepository agents, WallboardMeters meters) {
        this.tickets = mongo.database().getCollection("tickets");
        this.followups = mongo.database().getCollection("followups");
        this.sms = mongo.database().getCollection("sms_outbox");
        this.keyWarnings = mongo.database().getCollection("key_warnings");
        this.agents = agents;
        this.meters = meters;
    }

    @Override
    public List<Agent> agents() {
        List<Agent> all = agents.all();
        meters.query("agents", 1 + all.size());
        return all.stream()
                .map(a -> a.withPresence(agents.presence(a.username())))
                .toList();
    }

    @Override
    public List<ClockRow> clocks(Instant breachedSince) {
        meters.query("clocks", 1);
        List<Bson> any = new ArrayList<>();
        String open = BsonValues.name(ClockState.RUNNING);
        String paused = BsonValues.name(ClockState.PAUSED);
        String breached = BsonValues.name(ClockState.BREACHED);
        for (ClockName n : ClockName.values()) {
            String f = "clocks." + n.key() + ".";
            any.add(and(in(f + "state", open, paused), ne(f + "warnedAt", null)));
            any.add(and(eq(f + "state", breached), gte(f + "breachedAt", BsonValues.date(breachedSince))));
        }
        List<ClockRow> out = new ArrayList<>();
        for (Document d : tickets.find(or(any)).projection(Projections.include("clocks"))) {
            Document all = d.get("clocks", Document.class);
            if (all == null) continue;
            for (Map.Entry<String, Object> e : all.entrySet()) {
                ClockName name = ClockName.parse(e.getKey());
                if (name == null || !(e.getValue() instanceof Document cd)) continue;
                SlaClock c;
                try {
                    c = MongoClockRepository.fromDocument(name, cd);
                } catch (RuntimeException bad) { // one unreadable clock must not blank the board
                    log.warn("wallboard skipped clock {} of request {}: {}", name.key(), d.get("_id"), bad.toString());
                    continue;
                }
                boolean atRisk = c.state().open() && c.warnedAt() != null;
                boolean late = c.state() == ClockState.BREACHED
                        && c.breachedAt() != null
                        && !c.breachedAt().isBefore(breachedSince);
                if (atRisk || late)
                    out.add(new ClockRow(d.getString("_id"), name, c.due(), c.warnedAt(), c.breachedAt(), late));
            }
        }
        return out;
    }

    @Override
    public List<FollowupRow> followups(Instant dayStart, Instant dayEnd) {
        meters.query("followups", 1);
        String coarse = LocalDate.ofInstant(dayStart, ZoneOffset.UTC).toString(); // ISO text sorts by time
        List<FollowupRow> out = new ArrayList<>();
        for (Document d : followups
                .find(or(eq("status", "open"), and(eq("status", "done"), gte("attempts.at", coarse))))
                .projection(Projections.include("customerId", "status", "callAt", "attempts"))) {
            String id = String.valueOf(d.get("_id"));
            if ("open".equals(d.getString("status"))) {
                Instant callAt = parse(d.getString("callAt"));
                if (callAt == null || callAt.isBefore(dayEnd))
                    out.add(new FollowupRow(id, d.getString("customerId"), false));
            } else if (reachedIn(d, dayStart, dayEnd)) out.add(new FollowupRow(id, d.getString("customerId"), true));
        }
        return out;
    }

    @Override
    public List<SmsFailureRow> smsFailures(Instant since, int limit) {
        meters.query("sms", 1);
        List<SmsFailureRow> out = new ArrayList<>();
        for (Document d : sms.find(and(in("status", "failed", "undelivered"), gte("updatedAt", BsonValues.date(since))))
                .sort(Sorts.descending("updatedAt"))
                .limit(limit))
            out.add(new SmsFailureRow(
                    String.valueOf(d.get("_id")),
                    d.getString("template"),
                    PhoneNumbers.mask(d.getString("to")),
                    d.getInteger("errorCode"),
                    d.getString("status"),
                    BsonValues.instant(d, "updatedAt")));
        return out;
    }

    /** From {@code key_warnings} (written by the quality domain, one per product, category and month). */
    @Override
    public List<KeyWarningRow> keyWarnings(String period) {
        meters.query("key_warnings", 1);
        List<KeyWarningRow> out = new ArrayList<>();
        for (Document d : keyWarnings.find(eq("period", period)))
            out.add(new KeyWarningRow(
                    d.getString("product"),
                    d.getString("category"),
                    d.getString("route"),
                    d.getString("period"),
                    BsonValues.longValue(d, "count"),
                    BsonValues.longValue(d, "previous"),
                    BsonValues.instant(d, "at")));
        out.sort(java.util.Comparator.comparing(
                KeyWarningRow::at, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())));
        return out;
    }

    private static boolean reachedIn(Document d, Instant from, Instant to) {
        for (Document a : BsonValues.documents(d, "attempts")) {
            Instant at = parse(a.getString("at"));
            if ("reached".equals(a.getString("outcome")) && at != null && !at.isBefore(from) && at.isBefore(to))
                return true;
        }
        return false;
    }

    private static Instant parse(String iso) {
        return iso == null ? null : Instant.parse(iso);
    }
}
