package org.callcenter.sla;

/** running → paused ⇄ running; running/paused → met | breached | cancelled; breached stays breached. */
public enum ClockState {
    RUNNING,
    PAUSED,
    MET,
    BREACHED,
    CANCELLED;

    public boolean open() {
        return this == RUNNING || this == PAUSED;
    }
}
