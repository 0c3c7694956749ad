package org.callcenter.tickets;

public enum Severity {
    GENERAL,
    COMPLEX
}
