package org.callcenter.sla;

/** What a timer does when it falls due. */
public enum TimerKind {
    WARN,
    BREACH
}
