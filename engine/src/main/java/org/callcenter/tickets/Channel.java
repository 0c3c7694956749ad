package org.callcenter.tickets;

public enum Channel {
    PHONE,
    IVR,
    WEB,
    SMS
}
