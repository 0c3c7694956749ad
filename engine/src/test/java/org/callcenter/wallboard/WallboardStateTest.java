package org.callcenter.wallboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.callcenter.sla.ClockName;
import org.callcenter.sla.ClockState;
import org.callcenter.sla.SlaEvents;
import org.callcenter.wallboard.WallboardSource.ClockRow;
import org.callcenter.wallboard.WallboardSource.FollowupRow;
import org.callcenter.wallboard.WallboardSource.SmsFailureRow;
import org.junit.jupiter.api.Test;

/** The aggregate alone: events, refreshes, and a refresh racing an event. */
class WallboardStateTest {
    static final Instant T = Instant.parse("2026-11-25T02:00:00Z");

    @Test
    void aRefreshThatStartedBeforeAnEventDoesNotUndoIt() {
        WallboardState s = new WallboardState(10);
        s.refresh(
                List.of(new ClockRow("100", ClockName.RESOLVE, T, T, null, false)), List.of(), List.of(), s.version());
        long asOf = s.version(); // a refresh reads the stores now ...
        s.breached(new SlaEvents.SlaBreached("x", "100", ClockName.RESOLVE, T, T, Duration.ZERO)); // ... an event lands
        s.smsFailed(new SmsFailureRow("m1", "dispatch", "+8613*******00", 30003, "failed", T));
        // ... and the refresh's (stale) rows arrive: still at risk, no SMS failure
        s.refresh(List.of(new ClockRow("100", ClockName.RESOLVE, T, T, null, false)), List.of(), List.of(), asOf);
        JsonObject snap = s.snapshot(T);
        assertThat(snap.getJsonObject("clocks").getInteger("atRiskCount")).isZero();
        assertThat(snap.getJsonObject("clocks").getInteger("breachedCount")).isEqualTo(1);
        assertThat(snap.getJsonObject("sms").getInteger("failedToday")).isEqualTo(1);

        // a later refresh is the truth again
        s.refresh(List.of(), List.of(), List.of(), s.version());
        snap = s.snapshot(T);
        assertThat(snap.getJsonObject("clocks").getInteger("breachedCount")).isZero();
        assertThat(snap.getJsonObject("sms").getInteger("failedToday")).isZero();
    }

    @Test
    void eventsAfterARefreshShowAtOnce() {
        WallboardState s = new WallboardState(10);
        s.refresh(List.of(), List.of(), List.of(), s.version());
        s.refresh(List.of(), List.of(), List.of(), s.version());
        s.breached(new SlaEvents.SlaBreached("x", "200", ClockName.FEEDBACK, T, T, Duration.ZERO));
        s.smsFailed(new SmsFailureRow("m2", "dispatch", "+8613*******00", 30003, "failed", T));
        JsonObject snap = s.snapshot(T);
        assertThat(snap.getJsonObject("clocks").getJsonArray("breached").encode())
                .contains("200");
        assertThat(snap.getJsonObject("sms").getJsonArray("failures").encode()).contains("m2");
    }

    @Test
    void metClocksLeaveTheRiskListAndReturnCallsCount() {
        WallboardState s = new WallboardState(10);
        s.refresh(
                List.of(new ClockRow("300", ClockName.FEEDBACK, T, T, null, false)),
                List.of(new FollowupRow("c1:Q4", "c1", false), new FollowupRow("c2:Q4", "c2", true)),
                List.of(),
                s.version());
        s.clockChanged(new SlaEvents.ClockChanged("300", ClockName.FEEDBACK, ClockState.MET, T, T));
        s.followupChanged("c1:Q4", "done");
        s.followupChanged("c9:Q4", "open"); // not one of today's: not counted
        JsonObject snap = s.snapshot(T);
        assertThat(snap.getJsonObject("clocks").getInteger("atRiskCount")).isZero();
        assertThat(snap.getJsonObject("returnCalls").encode()).isEqualTo("{\"done\":2,\"due\":2}");
    }
}
