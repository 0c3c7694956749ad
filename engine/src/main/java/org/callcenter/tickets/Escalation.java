package org.callcenter.tickets;

public enum Escalation {
    PHONE,
    REMOTE,
    ONSITE
}
