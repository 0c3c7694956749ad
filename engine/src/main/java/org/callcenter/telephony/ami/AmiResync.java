package org.callcenter.telephony.ami;

import java.util.ArrayList;
import java.util.List;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.CoreStatusAction;
import org.asteriskjava.manager.action.QueueStatusAction;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.QueueMemberEvent;
import org.asteriskjava.manager.event.ResponseEvent;
import org.asteriskjava.manager.response.CoreStatusResponse;
import org.asteriskjava.manager.response.ManagerResponse;
import org.callcenter.calls.CallEvents.LiveSnapshot;
import org.callcenter.calls.Interfaces;

/**
 * Reads what Asterisk has live right now (CoreStatus for its start time, CoreShowChannels,
 * QueueStatus), so the tracker can close calls that ended while we were away and adopt new ones.
 */
final class AmiResync {
    private static final long TIMEOUT_MS = 10_000;

    private AmiResync() {}

    static LiveSnapshot snapshot(ManagerConnection c) throws Exception {
        long requested = System.nanoTime();
        String startup = null;
        ManagerResponse status = c.sendAction(new CoreStatusAction(), TIMEOUT_MS);
        if (status instanceof CoreStatusResponse s && s.getCoreStartupTime() != null)
            startup = s.getCoreStartupDate() + " " + s.getCoreStartupTime();
        List<LiveSnapshot.Channel> channels = new ArrayList<>();
        ResponseEvents shown = c.sendEventGeneratingAction(new CoreShowChannelsAction(), TIMEOUT_MS);
        for (ResponseEvent e : shown.getEvents()) {
            if (!(e instanceof CoreShowChannelEvent ch) || ch.getUniqueid() == null) continue;
            channels.add(new LiveSnapshot.Channel(
                    ch.getLinkedid() != null ? ch.getLinkedid() : ch.getUniqueid(),
                    ch.getUniqueid(),
                    ch.getChannel(),
                    ch.getCallerIdNum(),
                    ch.getCallerIdName(),
                    ch.getExten(),
                    ch.getApplication(),
                    ch.getApplicationdata(),
                    ch.getBridgeid(),
                    seconds(ch.getDuration())));
        }
        List<LiveSnapshot.Member> members = new ArrayList<>();
        ResponseEvents queues = c.sendEventGeneratingAction(new QueueStatusAction(), TIMEOUT_MS);
        for (ResponseEvent e : queues.getEvents()) {
            if (!(e instanceof QueueMemberEvent m)) continue;
            String iface = Interfaces.ofMember(m.getLocation() != null ? m.getLocation() : m.getInterface());
            if (iface == null) continue;
            members.add(new LiveSnapshot.Member(
                    m.getQueue(),
                    m.getName() != null ? m.getName() : m.getMemberName(),
                    iface,
                    m.getStatus() == null ? 0 : m.getStatus(),
                    m.getIncall() != null && m.getIncall() > 0,
                    Boolean.TRUE.equals(m.getPaused())));
        }
        return new LiveSnapshot(startup, channels, members, requested);
    }

    /** "00:01:05" → 65; anything unreadable → 0. */
    static long seconds(String duration) {
        if (duration == null) return 0;
        long total = 0;
        try {
            for (String part : duration.trim().split(":")) total = total * 60 + Long.parseLong(part);
            return total;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
