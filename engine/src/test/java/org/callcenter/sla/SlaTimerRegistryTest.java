package org.callcenter.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.bson.Document;
import org.callcenter.store.MongoClockRepository;
import org.callcenter.store.RedisClockStats;
import org.junit.jupiter.api.Test;

/**
 * The compact registry of pending timers (MongoDB {@code sla_timers}) that the index is rebuilt from:
 * a rebuild after Redis lost the index reads it and fires each timer once; clocks written before it
 * existed are backfilled once from the tickets; an entry of a timer already announced (a crash before
 * its clean-up) is added back by a rebuild but not announced again and leaves the registry; a clock
 * met or paused between the claim and the firing does not fire.
 */
class SlaTimerRegistryTest extends SlaTimerRig {
    SlaTimers timers() {
        return timers(100);
    }

    MongoCollection<Document> registry() {
        return mongo.database().getCollection(MongoClockRepository.TIMERS);
    }

    /** A request whose running complaint clock (1 h, warning at 80%) is written as the engine does. */
    SlaClock request(String id) {
        mongo.database().getCollection("tickets").insertOne(new Document("_id", id));
        SlaClock c = planner.start(
                ClockName.COMPLAINT_ANSWER, Counting.WALL_CLOCK, Duration.ofHours(1), 80, clock.instant(), null);
        assertThat(repo.put(id, c)).isTrue();
        index.add(TimerRef.of(id, c));
        return c;
    }

    long entries() {
        return registry().countDocuments(new Document("_id", new Document("$regex", "\\|")));
    }

    @Test
    void aRebuildAfterRedisLostTheIndexReadsTheRegistryAndFiresEachTimerOnce() {
        SlaTimers timers = timers();
        assertThat(timers.rebuild()).isZero(); // the first start, on an empty database
        for (int i = 0; i < 20; i++) request("t" + i);
        assertThat(entries()).isEqualTo(20);
        redis.client().del(ns + "timers");
        assertThat(timers.rebuild()).isEqualTo(40); // warning and breach of each clock
        assertThat(index.size()).isEqualTo(40);
        clock.advance(Duration.ofHours(2));
        assertThat(timers.pollOnce()).isEqualTo(40);
        for (int i = 0; i < 20; i++) assertThat(announcedFor("t" + i)).isEqualTo(2);
        assertThat(entries()).isZero(); // nothing pending any more
        assertThat(timers.rebuild()).isZero();
        assertThat(timers.pollOnce()).isZero();
        assertThat(announced).hasSize(40);
    }

    @Test
    void clocksWrittenBeforeTheRegistryAreBackfilledOnceFromTheTickets() {
        SlaClock c = planner.start(
                ClockName.COMPLAINT_ANSWER, Counting.WALL_CLOCK, Duration.ofHours(1), 80, clock.instant(), null);
        for (int i = 0; i < 10; i++) legacy("old" + i, c);
        SlaTimers timers = timers();
        assertThat(timers.rebuild()).isEqualTo(20);
        assertThat(entries()).isEqualTo(10);
        // once complete, the registry alone is read: a ticket written around it is not scanned for
        legacy("bypass", c);
        redis.client().del(ns + "timers");
        assertThat(timers.rebuild()).isEqualTo(20);
        clock.advance(Duration.ofHours(2));
        assertThat(timers.pollOnce()).isEqualTo(20);
        assertThat(announcedFor("bypass")).isZero();
    }

    void legacy(String id, SlaClock c) {
        mongo.database()
                .getCollection("tickets")
                .insertOne(new Document("_id", id)
                        .append("clocks", new Document("complaint_answer", MongoClockRepository.toDocument(c))));
    }

    @Test
    void anAnnouncedTimerAddedBackByARebuildIsNotAnnouncedAgainAndLeavesTheRegistry() {
        SlaTimers timers = timers();
        timers.rebuild();
        SlaClock c = request("done");
        clock.advance(Duration.ofHours(2));
        assertThat(timers.pollOnce()).isEqualTo(2);
        assertThat(entries()).isZero();
        // a crash between the marker and the registry's clean-up leaves the entry behind
        registry().insertOne(MongoClockRepository.timerEntry("done", c));
        redis.client().del(ns + "timers");
        assertThat(timers.rebuild()).isEqualTo(2);
        assertThat(timers.pollOnce()).isZero();
        assertThat(announcedFor("done")).isEqualTo(2);
        assertThat(entries()).isZero();
        assertThat(index.size()).isZero();
    }

    @Test
    void aClockMetOrPausedBetweenTheClaimAndTheFiringDoesNotFire() {
        timers().rebuild();
        SlaClock met = request("met");
        SlaClock paused = request("paused");
        clock.advance(Duration.ofHours(2));
        Instant leaseUntil = clock.instant().plus(LEASE);
        List<TimerRef> claimed = index.claim(clock.instant(), leaseUntil, 100);
        assertThat(claimed).hasSize(4);
        // meanwhile a user stops one clock and pauses the other (as SlaService.change writes them)
        Instant early = met.startedAt().plus(Duration.ofMinutes(30));
        assertThat(repo.put("met", planner.stop(met, early).orElseThrow().after(met)))
                .isTrue();
        assertThat(repo.put("paused", planner.pause(paused, early).orElseThrow().after(paused)))
                .isTrue();
        List<FiredTimer> fired = new ArrayList<>();
        TimerBatch batch = new TimerBatch(
                repo,
                lock(),
                index,
                new RedisClockStats(redis, ns + "states"),
                clock,
                fired::addAll,
                SlaTimers.LOCK_BUDGET);
        TimerBatch.Result r = batch.handle(claimed, leaseUntil);
        assertThat(r.fired()).isZero();
        assertThat(r.busy()).isEmpty();
        assertThat(fired).isEmpty();
        assertThat(index.size()).isZero();
        assertThat(entries()).isZero(); // neither clock has a pending timer now
        assertThat(repo.find("met").get(ClockName.COMPLAINT_ANSWER).state()).isEqualTo(ClockState.MET);
        assertThat(repo.find("paused").get(ClockName.COMPLAINT_ANSWER).state()).isEqualTo(ClockState.PAUSED);
    }

    @Test
    void aBatchThatHeldItsLocksTooLongToWriteSafelyWritesNothingAndItsTimersComeBack() {
        timers().rebuild();
        request("slow");
        clock.advance(Duration.ofHours(2));
        Instant leaseUntil = clock.instant().plus(LEASE);
        List<TimerRef> claimed = index.claim(clock.instant(), leaseUntil, 100);
        List<FiredTimer> fired = new ArrayList<>();
        TimerBatch batch = new TimerBatch(
                repo, lock(), index, new RedisClockStats(redis, ns + "states"), clock, fired::addAll, Duration.ZERO);
        TimerBatch.Prepared p = batch.prepare(claimed, leaseUntil);
        assertThat(p.fired()).isEqualTo(2); // announced
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> p.finish().run())
                .isInstanceOf(IllegalStateException.class);
        // no marker written, the locks are free, the timers are still leased in the index
        SlaClock stored = repo.find("slow").get(ClockName.COMPLAINT_ANSWER);
        assertThat(stored.warnNotified() || stored.breachNotified()).isFalse();
        assertThat(index.size()).isEqualTo(2);
        assertThat(entries()).isEqualTo(1);
        // when the lease ends they are announced again with the same event ids, and written
        clock.advance(LEASE.plusSeconds(1));
        assertThat(timers().pollOnce()).isEqualTo(2);
        assertThat(announced)
                .extracting(o -> o instanceof SlaEvents.SlaBreached b ? b.id() : ((SlaEvents.SlaWarned) o).id())
                .containsExactlyInAnyOrderElementsOf(
                        fired.stream().map(f -> f.ref().eventId()).toList());
        assertThat(index.size()).isZero();
        assertThat(entries()).isZero();
    }

    @Test
    void countsByStateLostInRedisAreSeenAsLostAndRecountedFromTheTickets() {
        SlaTimers timers = timers();
        for (int i = 0; i < 3; i++) request("c" + i); // written around the engine: nothing counted them
        assertThat(timers.statesCounted()).isFalse(); // as after Redis lost the counts
        timers.recountStates();
        assertThat(timers.statesCounted()).isTrue();
        assertThat(new RedisClockStats(redis, ns + "states").snapshot()).containsEntry("running", 3L);
    }

    @Test
    void aBreachWrittenToTheTicketIsCountedEvenWhenTheRegistryCleanUpAfterItFails() {
        timers().rebuild();
        request("due");
        SlaClock met = request("met");
        clock.advance(Duration.ofHours(2));
        Instant leaseUntil = clock.instant().plus(LEASE);
        List<TimerRef> claimed = index.claim(clock.instant(), leaseUntil, 100);
        // "met" is stopped after the claim: its timers are stale, and their entries are synced after the markers
        assertThat(repo.put(
                        "met",
                        planner.stop(met, met.startedAt().plus(Duration.ofMinutes(30)))
                                .orElseThrow()
                                .after(met)))
                .isTrue();
        ClockRepository failingSync = new ClockRepository() {
            public Map<ClockName, SlaClock> find(String ticket) {
                return repo.find(ticket);
            }

            public boolean put(String ticket, SlaClock c) {
                return repo.put(ticket, c);
            }

            public Map<String, Map<ClockName, SlaClock>> findAll(java.util.Collection<String> tickets) {
                return repo.findAll(tickets);
            }

            public long putAll(Map<String, List<SlaClock>> clocks) {
                return repo.putAll(clocks);
            }

            public void syncTimers(Map<String, List<SlaClock>> current, Map<String, List<ClockName>> gone) {
                throw new IllegalStateException("registry unavailable");
            }

            public void forEachPendingTimer(int chunk, Consumer<List<TimerRef>> consumer) {
                repo.forEachPendingTimer(chunk, consumer);
            }

            public void forEachWithClocks(Consumer<Map.Entry<String, Map<ClockName, SlaClock>>> consumer) {
                repo.forEachWithClocks(consumer);
            }
        };
        RedisClockStats stats = new RedisClockStats(redis, ns + "states");
        TimerBatch batch = new TimerBatch(failingSync, lock(), index, stats, clock, fired -> {}, SlaTimers.LOCK_BUDGET);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> batch.handle(claimed, leaseUntil))
                .isInstanceOf(IllegalStateException.class);
        assertThat(repo.find("due").get(ClockName.COMPLAINT_ANSWER).breachNotified())
                .isTrue();
        // the marker is written, so a retry finds the breach announced and never counts it: count it now
        assertThat(stats.snapshot()).containsEntry("breached", 1L).containsEntry("running", -1L);
    }

    @Test
    void aPollStillRunningAfterCloseLeavesTheRestToOthersInsteadOfAnnouncingWhatItCannotWrite() {
        SlaTimers timers = timers();
        timers.rebuild();
        request("late");
        clock.advance(Duration.ofHours(2));
        timers.close(); // e.g. the ticker's close gave up waiting for a long poll, which goes on
        assertThat(timers.pollOnce()).isZero();
        assertThat(announced).isEmpty();
        // nothing claimed or locked: another engine fires both at once
        assertThat(timers().pollOnce()).isEqualTo(2);
        assertThat(repo.find("late").get(ClockName.COMPLAINT_ANSWER).breachNotified())
                .isTrue();
    }

    @Test
    void aFiredWarningLeavesTheEntryUntilTheBreachAndARebuildDoesNotAnnounceItAgain() {
        SlaTimers timers = timers();
        timers.rebuild();
        request("half");
        clock.advance(Duration.ofMinutes(50)); // the warning (at 48 min) is due, the breach is not
        assertThat(timers.pollOnce()).isEqualTo(1);
        assertThat(entries()).isEqualTo(1); // the breach is still pending
        redis.client().del(ns + "timers");
        assertThat(timers.rebuild()).isEqualTo(2); // the warning's stale instant comes back too
        assertThat(timers.pollOnce()).isZero(); // and is dropped: already announced
        assertThat(index.size()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(20));
        assertThat(timers.pollOnce()).isEqualTo(1);
        assertThat(announcedFor("half")).isEqualTo(2);
        assertThat(entries()).isZero();
        redis.client().del(ns + "timers");
        assertThat(timers.rebuild()).isZero();
    }
}
