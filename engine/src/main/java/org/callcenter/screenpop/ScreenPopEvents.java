package org.callcenter.screenpop;

/**
 * Where pops go: one address per agent (only that agent's console sockets listen) and one that
 * supervisors watch. Bodies are the JSON text the console receives.
 */
public final class ScreenPopEvents {
    public static final String AGENT_PREFIX = "callcenter.screenpop.agent.";
    public static final String SUPERVISORS = "callcenter.screenpop.supervisors";

    private ScreenPopEvents() {}

    public static String agent(String username) {
        return AGENT_PREFIX + username;
    }
}
