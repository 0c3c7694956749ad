package org.callcenter.sms;

/** Where an outbox message is. QUEUED and RETRY wait for the sender; SENDING is claimed by one. */
public enum SmsStatus {
    QUEUED,
    SENDING,
    RETRY,
    /** accepted by Twilio (has a SID); callbacks move it on */
    SENT,
    DELIVERED,
    UNDELIVERED,
    FAILED,
    /** never sent: the number texted STOP and the message was not service-essential */
    SUPPRESSED;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static SmsStatus fromWire(String s) {
        return valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }
}
