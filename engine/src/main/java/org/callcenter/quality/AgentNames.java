package org.callcenter.quality;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One name per agent across the sources reports join. Requests and call records name the agent by
 * username; the IVR survey names whoever took the call by the queue member interface Asterisk gives
 * ({@code MEMBERINTERFACE}: {@code PJSIP/1101}, {@code Local/101@queue-agents/n}) or, when the
 * dialplan passes {@code ?agent=}, by username. Interfaces (case-insensitive, with a channel's
 * {@code -0000002a} / {@code ;1} suffix or a Local {@code /n} dropped) are mapped to the username
 * through the agents directory; a name that matches no agent is kept as it came.
 */
final class AgentNames {
    private final Map<String, String> byAlias = new HashMap<>();

    AgentNames(List<ReportRepository.AgentFacts> agents) {
        for (ReportRepository.AgentFacts a : agents) {
            if (a.agentInterface() != null && !a.agentInterface().isBlank())
                byAlias.putIfAbsent(key(a.agentInterface()), a.username());
        }
        // a username always names itself, even if it happens to look like someone's interface
        for (ReportRepository.AgentFacts a : agents) byAlias.put(a.username().toLowerCase(Locale.ROOT), a.username());
    }

    /** The username for {@code raw} (a username or an interface); null stays null. */
    String resolve(String raw) {
        if (raw == null || raw.isBlank()) return null;
        String exact = byAlias.get(raw.strip().toLowerCase(Locale.ROOT));
        if (exact != null) return exact;
        String found = byAlias.get(key(raw));
        return found != null ? found : raw.strip();
    }

    /** An interface without what Asterisk appends for a channel or a Local member. */
    static String key(String iface) {
        return iface.strip()
                .toLowerCase(Locale.ROOT)
                .replaceFirst(";\\d+$", "")
                .replaceFirst("/n$", "")
                .replaceFirst("-[0-9a-f]{8}$", "");
    }
}
