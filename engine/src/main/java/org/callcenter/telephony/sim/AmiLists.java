package org.callcenter.telephony.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** The list answers of the simulator (CoreShowChannels, QueueStatus), shaped as in ami-resync.txt. */
final class AmiLists {
    private AmiLists() {}

    static void channels(AmiSession s, AmiServer server, String id) {
        s.reply(id, "Success", "EventList", "start", "Message", "Channels will follow");
        int n = 0;
        for (Map<String, String> ch : server.channels.values()) {
            n++;
            Map<String, String> f = AmiSession.fields("Event", "CoreShowChannel");
            if (id != null) f.put("ActionID", id);
            for (String k : new String[] {
                "Channel",
                "ChannelState",
                "ChannelStateDesc",
                "CallerIDNum",
                "CallerIDName",
                "ConnectedLineNum",
                "ConnectedLineName",
                "Language",
                "AccountCode",
                "Context",
                "Exten",
                "Priority",
                "Uniqueid",
                "Linkedid"
            }) f.put(k, ch.getOrDefault(k, ""));
            f.put("Application", ch.getOrDefault("Application", ""));
            f.put("ApplicationData", ch.getOrDefault("ApplicationData", ""));
            f.put("Duration", duration(ch.get("Timestamp"), server));
            f.put("BridgeId", ch.getOrDefault("BridgeId", ""));
            s.send(AmiSession.block(f));
        }
        Map<String, String> done = AmiSession.fields("Event", "CoreShowChannelsComplete");
        if (id != null) done.put("ActionID", id);
        done.put("EventList", "Complete");
        done.put("ListItems", String.valueOf(n));
        s.send(AmiSession.block(done));
    }

    static void queues(AmiSession s, AmiServer server, String id) {
        s.reply(id, "Success", "EventList", "start", "Message", "Queue status will follow");
        int n = 0;
        java.util.Set<String> queues = new java.util.LinkedHashSet<>();
        for (Map<String, String> m : server.queueMembers) queues.add(m.get("Queue"));
        for (String q : queues) {
            n++;
            s.send(AmiSession.block(withId(
                    AmiSession.fields(
                            "Event",
                            "QueueParams",
                            "Queue",
                            q,
                            "Max",
                            "0",
                            "Strategy",
                            "ringall",
                            "Calls",
                            "0",
                            "Holdtime",
                            "0",
                            "TalkTime",
                            "0",
                            "Completed",
                            "0",
                            "Abandoned",
                            "0",
                            "ServiceLevel",
                            "0",
                            "ServicelevelPerf",
                            "0.0",
                            "ServicelevelPerf2",
                            "0.0",
                            "Weight",
                            "0"),
                    id)));
        }
        for (Map<String, String> m : server.queueMembers) {
            n++;
            s.send(AmiSession.block(withId(
                    AmiSession.fields(
                            "Event",
                            "QueueMember",
                            "Queue",
                            m.get("Queue"),
                            "Name",
                            m.get("Name"),
                            "Location",
                            m.get("Location"),
                            "StateInterface",
                            m.get("Location"),
                            "Membership",
                            "static",
                            "Penalty",
                            "0",
                            "CallsTaken",
                            "0",
                            "LastCall",
                            "0",
                            "LastPause",
                            "0",
                            "LoginTime",
                            "0",
                            "InCall",
                            "0",
                            "Status",
                            "1",
                            "Paused",
                            "0",
                            "PausedReason",
                            "",
                            "Wrapuptime",
                            "0"),
                    id)));
        }
        s.send(AmiSession.block(withId(
                AmiSession.fields("Event", "QueueStatusComplete"),
                id,
                "EventList",
                "Complete",
                "ListItems",
                String.valueOf(n))));
    }

    private static Map<String, String> withId(Map<String, String> f, String id, String... more) {
        if (id != null) f.put("ActionID", id);
        for (int i = 0; i + 1 < more.length; i += 2) f.put(more[i], more[i + 1]);
        return f;
    }

    private static String duration(String timestamp, AmiServer server) {
        long secs = 0;
        try {
            if (timestamp != null) {
                double t = Double.parseDouble(timestamp);
                secs = Math.max(
                        0,
                        Duration.between(
                                        Instant.ofEpochSecond((long) t),
                                        server.clock().instant())
                                .toSeconds());
            }
        } catch (NumberFormatException e) {
            secs = 0;
        }
        return String.format("%02d:%02d:%02d", secs / 3600, (secs / 60) % 60, secs % 60);
    }
}
