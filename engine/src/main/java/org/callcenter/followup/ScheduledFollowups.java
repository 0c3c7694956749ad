package org.callcenter.followup;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The follow-up repository as the domain uses it: MongoDB stays the truth; every save also indexes the
 * follow-up's timers on the durable timer engine ({@link FollowupSchedule}) and announces a status
 * change on {@link FollowupEvents#CHANGED}. Timers of an earlier callAt stay indexed and are dropped
 * as stale when they fire.
 */
final class ScheduledFollowups implements FollowupRepository {
    private final FollowupRepository store;
    private final FollowupSchedule schedule;
    private final Consumer<io.vertx.core.json.JsonObject> changes;
    private final Clock clock;

    ScheduledFollowups(
            FollowupRepository store,
            FollowupSchedule schedule,
            Consumer<io.vertx.core.json.JsonObject> changes,
            Clock clock) {
        this.store = store;
        this.schedule = schedule;
        this.changes = changes;
        this.clock = clock;
    }

    @Override
    public void save(FollowUp f) {
        FollowupStatus before = store.find(f.id()).map(FollowUp::status).orElse(null);
        store.save(f);
        schedule.index(f);
        if (before != f.status()) changes.accept(FollowupEvents.changed(f, clock.instant()));
    }

    @Override
    public Optional<FollowUp> find(String id) {
        return store.find(id);
    }

    @Override
    public List<FollowUp> open() {
        return store.open();
    }

    @Override
    public List<FollowUp> needingNumber() {
        return store.needingNumber();
    }

    @Override
    public List<FollowUp> ofQuarter(String quarter) {
        return store.ofQuarter(quarter);
    }

    @Override
    public List<String> phonesOf(String customerId) {
        return store.phonesOf(customerId);
    }

    @Override
    public void closeCallbacks(List<String> callbackIds, String doneBy) {
        store.closeCallbacks(callbackIds, doneBy);
    }

    @Override
    public void forEachCustomer(Consumer<CustomerFacts> consumer) {
        store.forEachCustomer(consumer);
    }

    @Override
    public Optional<CustomerFacts> factsOf(String customerId) {
        return store.factsOf(customerId);
    }

    @Override
    public ZoneId zoneOf(String customerId) {
        return store.zoneOf(customerId);
    }

    @Override
    public boolean departed(String customerId, CustomerFacts.Departed visit, String technicianId, String consent) {
        return store.departed(customerId, visit, technicianId, consent);
    }

    @Override
    public boolean addDelivery(Delivery delivery) {
        return store.addDelivery(delivery);
    }

    @Override
    public List<Delivery> deliveriesOf(String customerId) {
        return store.deliveriesOf(customerId);
    }
}
