package org.callcenter.telephony.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.asteriskjava.manager.event.AgentCalledEvent;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.DialEvent;
import org.asteriskjava.manager.event.VarSetEvent;
import org.callcenter.calls.CallEvents.AgentRingStopped;
import org.callcenter.calls.CallEvents.AgentRinging;
import org.callcenter.calls.CallEvents.CallAnswered;
import org.junit.jupiter.api.Test;

/** The edge's translation: what each AMI event becomes, and what it refuses. */
class AmiTranslatorTest {
    final Clock clock = Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC);
    final AmiTranslator translator = new AmiTranslator(clock);

    @Test
    void theLegacyDialEventIsNeverReadOnlyDialBegin() {
        DialEvent legacy = new DialEvent(this);
        legacy.setSubEvent("Begin");
        legacy.setDestChannel("Local/101@queue-agents-00000006;1");
        assertThat(translator.translate(legacy, 0)).isNull();

        DialBeginEvent begin = new DialBeginEvent(this);
        begin.setLinkedId("1795566879.10");
        begin.setDestChannel("Local/101@queue-agents-00000006;1");
        begin.setTimestamp(1795566880.124607);
        AgentRinging ringing = (AgentRinging) translator.translate(begin, 42);
        assertThat(ringing.agentInterface()).isEqualTo("Local/101@queue-agents");
        assertThat(ringing.fromQueue()).isFalse();
        assertThat(ringing.at()).isEqualTo(Instant.ofEpochSecond(1795566880L, 124_607_000L));
        assertThat(ringing.edgeNanos()).isEqualTo(42);
    }

    @Test
    void agentCalledNamesTheMemberInterface() {
        AgentCalledEvent e = new AgentCalledEvent(this);
        e.setLinkedId("1.0");
        e.setQueue("support");
        e.setInterface("Local/102@queue-agents/n");
        AgentRinging r = (AgentRinging) translator.translate(e, 0);
        assertThat(r.agentInterface()).isEqualTo("Local/102@queue-agents");
        assertThat(r.fromQueue()).isTrue();
        assertThat(r.at()).isEqualTo(clock.instant());
    }

    @Test
    void dialEndIsAnAnswerOrARingThatStopped() {
        DialEndEvent answer = new DialEndEvent(this);
        answer.setLinkedId("1.0");
        answer.setDestChannel("PJSIP/1001-0000000a");
        answer.setDialStatus("ANSWER");
        assertThat(((CallAnswered) translator.translate(answer, 0)).agentInterface())
                .isEqualTo("PJSIP/1001");
        answer.setDialStatus("NOANSWER");
        assertThat(((AgentRingStopped) translator.translate(answer, 0)).reason())
                .isEqualTo("noanswer");
    }

    @Test
    void missingFieldsAreRefusedAndUnneededEventsIgnored() {
        AgentCalledEvent noInterface = new AgentCalledEvent(this);
        noInterface.setLinkedId("1.0");
        assertThatThrownBy(() -> translator.translate(noInterface, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(translator.translate(new VarSetEvent(this), 0)).isNull();
    }
}
