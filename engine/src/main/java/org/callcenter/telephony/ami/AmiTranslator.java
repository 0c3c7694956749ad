package org.callcenter.telephony.ami;

import java.time.Clock;
import java.time.Instant;
import org.asteriskjava.manager.event.AgentCalledEvent;
import org.asteriskjava.manager.event.AgentConnectEvent;
import org.asteriskjava.manager.event.AgentRingNoAnswerEvent;
import org.asteriskjava.manager.event.AttendedTransferEvent;
import org.asteriskjava.manager.event.BlindTransferEvent;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.NewCallerIdEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.QueueCallerAbandonEvent;
import org.asteriskjava.manager.event.QueueCallerJoinEvent;
import org.asteriskjava.manager.event.QueueCallerLeaveEvent;
import org.callcenter.calls.CallEvents.AgentRingStopped;
import org.callcenter.calls.CallEvents.AgentRinging;
import org.callcenter.calls.CallEvents.CallAbandoned;
import org.callcenter.calls.CallEvents.CallAnswered;
import org.callcenter.calls.CallEvents.CallEnded;
import org.callcenter.calls.CallEvents.CallLeftQueue;
import org.callcenter.calls.CallEvents.CallOffered;
import org.callcenter.calls.CallEvents.CallSignal;
import org.callcenter.calls.CallEvents.CallTransferred;
import org.callcenter.calls.CallEvents.CallerIdentified;
import org.callcenter.calls.CallEvents.ChannelOpened;
import org.callcenter.calls.Interfaces;

/**
 * Turns Asterisk-Java's mutable event beans into our immutable call signals, on the reader's thread,
 * without I/O. Returns null for events the engine does not need. Asterisk-Java emits a legacy
 * {@code DialEvent} next to every {@code DialBeginEvent}: only the DialBegin/DialEnd classes are read.
 * Throws {@link IllegalArgumentException} when an event lacks a field it cannot do without.
 */
final class AmiTranslator {
    private final Clock clock;

    AmiTranslator(Clock clock) {
        this.clock = clock;
    }

    CallSignal translate(ManagerEvent event, long receivedNanos) {
        Instant at = at(event);
        return switch (event) {
            case NewChannelEvent e ->
                new ChannelOpened(
                        linked(e.getLinkedid(), e.getUniqueId()),
                        required(e.getUniqueId(), "Uniqueid"),
                        e.getChannel(),
                        e.getCallerIdNum(),
                        e.getCallerIdName(),
                        e.getExten(),
                        at);
            case NewCallerIdEvent e ->
                new CallerIdentified(
                        linked(e.getLinkedId(), e.getUniqueId()),
                        required(e.getUniqueId(), "Uniqueid"),
                        e.getCallerIdNum(),
                        e.getCallerIdName(),
                        at);
            case QueueCallerJoinEvent e ->
                new CallOffered(
                        linked(e.getLinkedId(), e.getUniqueId()),
                        e.getUniqueId(),
                        required(e.getQueue(), "Queue"),
                        e.getCallerIdNum(),
                        e.getCallerIdName(),
                        at);
            case QueueCallerAbandonEvent e ->
                new CallAbandoned(linked(e.getLinkedId(), e.getUniqueId()), e.getQueue(), at);
            case QueueCallerLeaveEvent e ->
                new CallLeftQueue(linked(e.getLinkedId(), e.getUniqueId()), e.getQueue(), at);
            case BridgeEnterEvent e ->
                new CallAnswered(
                        linked(e.getLinkedId(), e.getUniqueId()),
                        required(Interfaces.ofChannel(e.getChannel()), "Channel"),
                        false,
                        at);
            case AgentCalledEvent e ->
                new AgentRinging(
                        linked(e.getLinkedId(), e.getUniqueId()),
                        e.getQueue(),
                        required(memberInterface(e.getInterface(), e.getAgentCalled()), "Interface"),
                        e.getMemberName(),
                        true,
                        at,
                        receivedNanos);
            case AgentConnectEvent e ->
                new CallAnswered(
                        linked(e.getLinkedId(), e.getUniqueId()),
                        required(memberInterface(e.getInterface(), e.getMember()), "Interface"),
                        true,
                        at);
            case AgentRingNoAnswerEvent e ->
                new AgentRingStopped(
                        linked(e.getLinkedId(), e.getUniqueId()),
                        required(memberInterface(e.getInterface(), e.getMember()), "Interface"),
                        "no answer",
                        at);
            case DialBeginEvent e ->
                new AgentRinging(
                        linked(e.getLinkedId(), e.getDestLinkedId()),
                        null,
                        required(Interfaces.ofChannel(e.getDestChannel()), "DestChannel"),
                        null,
                        false,
                        at,
                        receivedNanos);
            case DialEndEvent e -> dialEnd(e, at);
            case HangupEvent e ->
                new CallEnded(
                        e.getLinkedId(), required(e.getUniqueId(), "Uniqueid"), e.getCause(), e.getCauseTxt(), at);
            case BlindTransferEvent e ->
                new CallTransferred(
                        linked(e.getTransfererLinkedId(), e.getTransfererUniqueId()),
                        e.getExtension() == null ? "unknown" : e.getExtension(),
                        at);
            case AttendedTransferEvent e ->
                new CallTransferred(
                        required(e.getOrigTransfererUniqueid(), "OrigTransfererUniqueid"),
                        e.getSecondTransfererChannel() == null ? "attended" : e.getSecondTransfererChannel(),
                        at);
            default -> null;
        };
    }

    private static CallSignal dialEnd(DialEndEvent e, Instant at) {
        String linked = linked(e.getLinkedId(), e.getDestLinkedId());
        String iface = required(Interfaces.ofChannel(e.getDestChannel()), "DestChannel");
        String status = e.getDialStatus() == null ? "" : e.getDialStatus();
        if (status.equalsIgnoreCase("ANSWER")) return new CallAnswered(linked, iface, false, at);
        return new AgentRingStopped(linked, iface, status.isEmpty() ? "dial ended" : status.toLowerCase(), at);
    }

    private static String memberInterface(String iface, String fallback) {
        return Interfaces.ofMember(iface != null ? iface : fallback);
    }

    private static String linked(String linkedId, String uniqueId) {
        if (linkedId != null && !linkedId.isBlank()) return linkedId;
        return required(uniqueId, "Linkedid");
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException("missing " + field);
        return value;
    }

    private Instant at(ManagerEvent e) {
        Double ts = e.getTimestamp();
        if (ts == null || ts.isNaN() || ts <= 0) return clock.instant();
        return Instant.ofEpochSecond(ts.longValue(), Math.round((ts - ts.longValue()) * 1e6) * 1000);
    }
}
