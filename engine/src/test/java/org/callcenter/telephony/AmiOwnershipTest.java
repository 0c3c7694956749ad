package org.callcenter.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import org.callcenter.support.TestAmi;
import org.callcenter.support.TestEngine;
import org.callcenter.support.TestRedis;
import org.callcenter.telephony.sim.CallScript;
import org.junit.jupiter.api.Test;

/**
 * Two engine instances sharing Redis: only one owns the AMI connection (no doubled call records or
 * pops); when it stops, the other takes over within a few keepalive periods.
 */
class AmiOwnershipTest {
    @Test
    void oneInstanceOwnsTheAmiConnectionAndTheOtherTakesOverWhenItStops() {
        try (TestAmi ami = new TestAmi()) {
            TestEngine first = TestEngine.start(TestRedis.tempDir("mongo"), ami.env());
            try (TestEngine second = TestEngine.start(TestRedis.tempDir("mongo"), ami.env())) {
                await().atMost(Duration.ofSeconds(15)).until(() -> ami.server.sessions() == 1);
                int logins = ami.server.logins();
                // several keepalive periods later, still one connection, and both instances healthy
                CallScript probe = ami.pbx.script("13800138000", "Li Wei");
                ami.pbx.emit(probe.ring(Instant.now()));
                ami.pbx.emit(probe.abandon(Instant.now()));
                await().atMost(Duration.ofSeconds(15))
                        .until(() ->
                                first.get("/api/v1/calls/" + probe.linkedId()).status() == 200
                                        || second.get("/api/v1/calls/" + probe.linkedId())
                                                        .status()
                                                == 200);
                assertThat(ami.server.logins()).isEqualTo(logins);
                assertThat(ami.server.sessions()).isEqualTo(1);
                assertThat(first.get("/health")
                                .json()
                                .getJsonObject("dependencies")
                                .getJsonObject("asterisk-ami")
                                .getString("status"))
                        .isEqualTo("up");
                assertThat(second.get("/health")
                                .json()
                                .getJsonObject("dependencies")
                                .getJsonObject("asterisk-ami")
                                .getString("status"))
                        .isEqualTo("up");

                boolean firstOwns = owns(first);
                assertThat(owns(second)).isNotEqualTo(firstOwns);
                TestEngine owner = firstOwns ? first : second;
                TestEngine standby = firstOwns ? second : first;
                owner.close();
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> ami.server.logins() > logins && ami.server.sessions() == 1);
                assertThat(owns(standby)).isTrue();
                CallScript after = ami.pbx.script("13800138001", "Li Wei");
                ami.pbx.emit(after.ring(Instant.now()));
                ami.pbx.emit(after.abandon(Instant.now()));
                await().atMost(Duration.ofSeconds(15))
                        .until(() ->
                                standby.get("/api/v1/calls/" + after.linkedId()).status() == 200);
            } finally {
                first.close(); // closing twice is harmless
            }
        }
    }

    static boolean owns(TestEngine engine) {
        return engine.get("/metrics").body().contains("callcenter_ami_connected 1.0");
    }
}
