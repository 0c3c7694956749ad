package org.callcenter.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.callcenter.store.MongoClockRepository;
import org.callcenter.store.RedisClockStats;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.params.SetParams;

/**
 * The batch path of the timer service against real Redis and the embedded MongoDB: a batch announces
 * each due timer once and writes every marker; a request whose lock another engine holds is left to
 * the one-by-one path and, once that engine has announced it, is not announced again; stale timers in a
 * batch are dropped; two services polling the same index at once announce each timer exactly once.
 */
class SlaTimerBatchTest extends SlaTimerRig {
    /** A request with a running complaint clock (1 h wall clock, warning at 80%) started at {@code start}. */
    SlaClock request(String id, Instant start) {
        SlaClock c =
                planner.start(ClockName.COMPLAINT_ANSWER, Counting.WALL_CLOCK, Duration.ofHours(1), 80, start, null);
        mongo.database()
                .getCollection("tickets")
                .insertOne(new Document("_id", id)
                        .append("clocks", new Document("complaint_answer", MongoClockRepository.toDocument(c))));
        index.add(TimerRef.of(id, c));
        return c;
    }

    @Test
    void aBatchAnnouncesWarningAndBreachOfEachRequestOnceAndWritesTheMarkers() {
        for (int i = 0; i < 25; i++) request("t" + i, clock.instant());
        clock.advance(Duration.ofHours(2)); // warn and breach of every clock are due, in one batch of 100
        assertThat(timers(100).pollOnce()).isEqualTo(50);
        for (int i = 0; i < 25; i++) {
            assertThat(announcedFor("t" + i)).isEqualTo(2);
            SlaClock c = repo.find("t" + i).get(ClockName.COMPLAINT_ANSWER);
            assertThat(c.state()).isEqualTo(ClockState.BREACHED);
            assertThat(c.warnNotified() && c.breachNotified()).isTrue();
        }
        assertThat(index.size()).isZero();
        assertThat(new RedisClockStats(redis, ns + "states").snapshot()).containsEntry("breached", 25L);
        assertThat(timers(100).pollOnce()).isZero();
        assertThat(announced).hasSize(50);
    }

    @Test
    void aRequestLockedByAnotherEngineIsLeftToItAndNotAnnouncedTwice() {
        request("free", clock.instant());
        SlaClock busy = request("busy", clock.instant());
        clock.advance(Duration.ofHours(2));
        // another engine holds the busy request's lock: it is about to announce that request's timers
        redis.client()
                .set(
                        ns + "lock:busy",
                        "other-engine",
                        SetParams.setParams().nx().px(60_000));
        SlaTimers mine = timers(100);
        assertThat(mine.pollOnce()).isEqualTo(2); // the free request's warning and breach
        assertThat(announcedFor("free")).isEqualTo(2);
        assertThat(announcedFor("busy")).isZero(); // the one-by-one path gave up waiting: still leased
        assertThat(index.size()).isEqualTo(2);
        // the other engine announces, writes its markers and lets go of the lock
        SlaClock done = busy.warned(clock.instant())
                .notified(TimerKind.WARN)
                .breached()
                .notified(TimerKind.BREACH)
                .nextRev();
        assertThat(repo.put("busy", done)).isTrue();
        redis.client().del(ns + "lock:busy");
        clock.advance(LEASE.plusSeconds(1)); // our lease runs out: the timers come back to us
        assertThat(mine.pollOnce()).isZero();
        assertThat(announcedFor("busy")).isZero();
        assertThat(index.size()).isZero();
    }

    @Test
    void aStaleTimerInABatchIsDroppedAndItsRequestsOtherTimersFire() {
        SlaClock c = request("stale", clock.instant());
        index.add(List.of(new TimerRef("stale", ClockName.COMPLAINT_ANSWER, TimerKind.BREACH, c.plan() - 1, c.due())));
        index.add(List.of(new TimerRef("gone", ClockName.COMPLAINT_ANSWER, TimerKind.BREACH, 1, c.due())));
        clock.advance(Duration.ofHours(2));
        assertThat(timers(100).pollOnce()).isEqualTo(2);
        assertThat(announced)
                .extracting(o -> o instanceof SlaEvents.SlaBreached b ? b.id() : ((SlaEvents.SlaWarned) o).id())
                .containsExactlyInAnyOrder(
                        "stale:complaint_answer:warn:" + c.plan(), "stale:complaint_answer:breach:" + c.plan());
        assertThat(index.size()).isZero();
    }

    @Test
    void twoServicesPollingTheSameIndexAtOnceAnnounceEachTimerOnce() throws Exception {
        for (int i = 0; i < 200; i++) request("r" + i, clock.instant().plusSeconds(i));
        clock.advance(Duration.ofHours(3));
        SlaTimers a = timers(20);
        SlaTimers b = timers(20);
        int[] fired = new int[2];
        Thread ta = Thread.ofVirtual().start(() -> fired[0] = a.pollOnce());
        Thread tb = Thread.ofVirtual().start(() -> fired[1] = b.pollOnce());
        ta.join();
        tb.join();
        // a timer whose request the other service had locked may still be leased: let the lease end
        clock.advance(LEASE.plusSeconds(1));
        int late = a.pollOnce() + b.pollOnce();
        assertThat(fired[0] + fired[1] + late).isEqualTo(400);
        assertThat(announced).hasSize(400);
        assertThat(announced.stream()
                        .map(o -> o instanceof SlaEvents.SlaBreached x ? x.id() : ((SlaEvents.SlaWarned) o).id())
                        .distinct())
                .hasSize(400);
        assertThat(index.size()).isZero();
        for (int i = 0; i < 200; i += 37)
            assertThat(repo.find("r" + i).get(ClockName.COMPLAINT_ANSWER).breachNotified())
                    .isTrue();
    }
}
