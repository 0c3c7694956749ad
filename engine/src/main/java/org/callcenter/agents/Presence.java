package org.callcenter.agents;

/** Where an agent is: no console open, ready, talking, finishing the paperwork, or away. */
public enum Presence {
    OFFLINE,
    AVAILABLE,
    ON_CALL,
    WRAP_UP,
    AWAY
}
