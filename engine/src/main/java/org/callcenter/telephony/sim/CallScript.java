package org.callcenter.telephony.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The AMI events of one hotline queue call, shaped field for field like ami-queue-call.txt (a Local
 * channel pair for the caller, QueueCallerJoin, per agent a Local pair + AgentCalled + DialBegin,
 * then DialEnd, QueueCallerLeave, AgentConnect, BridgeEnter, and the Hangups). Phases are returned
 * separately so the caller decides the timing (ring, talk).
 */
public final class CallScript {
    /** A channel as Asterisk describes it in every channel event. */
    record Chan(
            String name, String uniqueId, String linkedId, String context, String exten, String num, String cidName) {}

    private final String linkedId;
    private final String queue;
    private final Chan caller;
    private final Chan callerLeg;
    private final List<Chan[]> agents = new ArrayList<>();
    private final List<String[]> members;
    private final String bridgeId;

    /**
     * @param ids         source of unique ids ("1795566879.10" style)
     * @param members     per agent: {member interface "Local/101@queue-agents/n", member name}
     */
    public CallScript(Ids ids, String queue, String callerNum, String callerName, List<String[]> members) {
        this.queue = queue;
        this.members = members;
        this.linkedId = ids.next();
        String seq = ids.localSeq();
        this.caller = new Chan(
                "Local/5000@hotline-" + seq + ";1", linkedId, linkedId, "hotline", "5000", callerNum, callerName);
        this.callerLeg = new Chan(
                "Local/5000@hotline-" + seq + ";2", ids.next(), linkedId, "hotline", "5000", callerNum, callerName);
        for (String[] m : members) {
            String base = m[0].endsWith("/n") ? m[0].substring(0, m[0].length() - 2) : m[0];
            String s = ids.localSeq();
            String ext = base.substring(base.indexOf('/') + 1, base.contains("@") ? base.indexOf('@') : base.length());
            agents.add(new Chan[] {
                new Chan(base + "-" + s + ";1", ids.next(), linkedId, "queue-agents", ext, callerNum, callerName),
                new Chan(base + "-" + s + ";2", ids.next(), linkedId, "queue-agents", ext, callerNum, callerName)
            });
        }
        this.bridgeId = java.util.UUID.nameUUIDFromBytes(linkedId.getBytes()).toString();
    }

    public String linkedId() {
        return linkedId;
    }

    /** The caller reaches the queue and every member's phone rings (ringall). */
    public List<Map<String, String>> ring(Instant at) {
        List<Map<String, String>> out = new ArrayList<>();
        out.add(chan("Newchannel", at, caller, "0", "Down", true));
        out.add(chan("Newchannel", at, callerLeg, "4", "Ring", true));
        out.add(with(
                chan("NewCallerid", at, caller, "0", "Down", false),
                "CID-CallingPres",
                "0 (Presentation Allowed, Not Screened)"));
        out.add(with(
                chan("NewCallerid", at, callerLeg, "4", "Ring", false),
                "CID-CallingPres",
                "0 (Presentation Allowed, Not Screened)"));
        out.add(with(
                chan("Newexten", at, callerLeg, "6", "Up", false),
                "Extension",
                "5000",
                "Application",
                "Queue",
                "AppData",
                queue + ",,,,60"));
        out.add(with(
                chan("QueueCallerJoin", at, callerLeg, "6", "Up", false),
                "Queue",
                queue,
                "Position",
                "1",
                "Count",
                "1"));
        for (int i = 0; i < agents.size(); i++) {
            Chan[] a = agents.get(i);
            out.add(chan("Newchannel", at, a[0], "0", "Down", true));
            out.add(chan("Newchannel", at, a[1], "4", "Ring", true));
            Map<String, String> called = dial("AgentCalled", at, a[0], "0", "Down");
            called.put("Queue", queue);
            called.put("Interface", members.get(i)[0]);
            called.put("MemberName", members.get(i)[1]);
            out.add(called);
            out.add(with(dial("DialBegin", at, a[0], "0", "Down"), "DialString", members.get(i)[0]));
        }
        return out;
    }

    /** Member {@code index} answers; the others stop ringing. */
    public List<Map<String, String>> answer(Instant at, int index) {
        List<Map<String, String>> out = new ArrayList<>();
        out.add(with(dial("DialEnd", at, agents.get(index)[0], "6", "Up"), "DialStatus", "ANSWER"));
        for (int i = 0; i < agents.size(); i++) {
            if (i == index) continue;
            out.add(with(dial("DialEnd", at, agents.get(i)[0], "0", "Down"), "DialStatus", "CANCEL"));
            out.add(hangupOf(at, agents.get(i)[0], "0", "Down", "26", "Answered elsewhere"));
            out.add(hangupOf(at, agents.get(i)[1], "6", "Up", "26", "Answered elsewhere"));
        }
        out.add(with(
                chan("QueueCallerLeave", at, callerLeg, "6", "Up", false),
                "Queue",
                queue,
                "Position",
                "1",
                "Count",
                "0"));
        Map<String, String> connect = dial("AgentConnect", at, agents.get(index)[0], "6", "Up");
        connect.putAll(Map.of("Queue", queue, "Interface", members.get(index)[0], "MemberName", members.get(index)[1]));
        connect.put("HoldTime", "2");
        connect.put("RingTime", "2");
        out.add(connect);
        out.add(bridgeEvent("BridgeCreate", at, "0"));
        out.add(bridge(at, agents.get(index)[0], "1"));
        out.add(bridge(at, callerLeg, "2"));
        return out;
    }

    /** The talk ends: every remaining channel hangs up (Normal Clearing). */
    public List<Map<String, String>> hangup(Instant at, int index) {
        List<Map<String, String>> out = new ArrayList<>();
        out.add(bridge("BridgeLeave", at, agents.get(index)[0], "1"));
        out.add(bridge("BridgeLeave", at, callerLeg, "0"));
        out.add(bridgeEvent("BridgeDestroy", at, "0"));
        out.add(hangupOf(at, agents.get(index)[1], "6", "Up", "16", "Normal Clearing"));
        out.add(hangupOf(at, agents.get(index)[0], "6", "Up", "16", "Normal Clearing"));
        out.add(hangupOf(at, callerLeg, "6", "Up", "16", "Normal Clearing"));
        out.add(hangupOf(at, caller, "6", "Up", "16", "Normal Clearing"));
        return out;
    }

    /** The caller gives up while the phones ring. */
    public List<Map<String, String>> abandon(Instant at) {
        List<Map<String, String>> out = new ArrayList<>();
        for (Chan[] a : agents) {
            out.add(with(dial("DialEnd", at, a[0], "0", "Down"), "DialStatus", "CANCEL"));
            out.add(hangupOf(at, a[0], "0", "Down", "16", "Normal Clearing"));
            out.add(hangupOf(at, a[1], "4", "Ring", "16", "Normal Clearing"));
        }
        out.add(with(
                chan("QueueCallerAbandon", at, callerLeg, "6", "Up", false),
                "Queue",
                queue,
                "Position",
                "1",
                "OriginalPosition",
                "1",
                "HoldTime",
                "5"));
        out.add(with(
                chan("QueueCallerLeave", at, callerLeg, "6", "Up", false),
                "Queue",
                queue,
                "Position",
                "1",
                "Count",
                "0"));
        out.add(hangupOf(at, callerLeg, "6", "Up", "16", "Normal Clearing"));
        out.add(hangupOf(at, caller, "6", "Up", "16", "Normal Clearing"));
        return out;
    }

    private static Map<String, String> hangupOf(
            Instant at, Chan c, String state, String desc, String cause, String text) {
        return with(chan("Hangup", at, c, state, desc, false), "Cause", cause, "Cause-txt", text);
    }

    private static Map<String, String> with(Map<String, String> f, String... kv) {
        for (int i = 0; i + 1 < kv.length; i += 2) f.put(kv[i], kv[i + 1]);
        return f;
    }

    private static Map<String, String> head(String event, Instant at) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("Event", event);
        f.put("Privilege", "call,all");
        f.put("Timestamp", at.getEpochSecond() + "." + String.format("%06d", at.getNano() / 1000));
        return f;
    }

    private static void describe(
            Map<String, String> f, String prefix, Chan c, String state, String desc, boolean fresh) {
        f.put(prefix + "Channel", c.name());
        f.put(prefix + "ChannelState", state);
        f.put(prefix + "ChannelStateDesc", desc);
        f.put(prefix + "CallerIDNum", fresh ? "<unknown>" : c.num());
        f.put(prefix + "CallerIDName", fresh ? "<unknown>" : c.cidName());
        f.put(prefix + "ConnectedLineNum", fresh ? "<unknown>" : c.num());
        f.put(prefix + "ConnectedLineName", fresh ? "<unknown>" : c.cidName());
        f.put(prefix + "Language", "en");
        f.put(prefix + "AccountCode", "");
        f.put(prefix + "Context", c.context());
        f.put(prefix + "Exten", c.exten());
        f.put(prefix + "Priority", "1");
        f.put(prefix + "Uniqueid", c.uniqueId());
        f.put(prefix + "Linkedid", c.linkedId());
    }

    private static Map<String, String> chan(
            String event, Instant at, Chan c, String state, String desc, boolean fresh) {
        Map<String, String> f = head(event, at);
        describe(f, "", c, state, desc, fresh);
        return f;
    }

    private Map<String, String> dial(String event, Instant at, Chan dest, String state, String desc) {
        Map<String, String> f = head(event, at);
        describe(f, "", callerLeg, "6", "Up", false);
        describe(f, "Dest", dest, state, desc, false);
        return f;
    }

    private Map<String, String> bridge(Instant at, Chan c, String count) {
        return bridge("BridgeEnter", at, c, count);
    }

    private Map<String, String> bridge(String event, Instant at, Chan c, String count) {
        Map<String, String> f = bridgeEvent(event, at, count);
        describe(f, "", c, "6", "Up", false);
        return f;
    }

    private Map<String, String> bridgeEvent(String event, Instant at, String count) {
        Map<String, String> f = head(event, at);
        f.put("BridgeUniqueid", bridgeId);
        f.put("BridgeType", "basic");
        f.put("BridgeTechnology", "simple_bridge");
        f.put("BridgeCreator", "<unknown>");
        f.put("BridgeName", "<unknown>");
        f.put("BridgeNumChannels", count);
        f.put("BridgeVideoSourceMode", "none");
        return f;
    }

    /** Unique ids in Asterisk's style: {@code <epoch seconds>.<counter>}, plus Local channel sequence numbers. */
    public static final class Ids {
        private final long epoch;
        private final java.util.concurrent.atomic.AtomicLong counter = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.concurrent.atomic.AtomicLong local = new java.util.concurrent.atomic.AtomicLong();

        public Ids(long epochSeconds) {
            this.epoch = epochSeconds;
        }

        String next() {
            return epoch + "." + counter.getAndIncrement();
        }

        String localSeq() {
            return String.format("%08x", local.getAndIncrement());
        }
    }
}
