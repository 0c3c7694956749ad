package org.callcenter.telephony.agi;

/** The caller hung up (HANGUP notice, 511 on a dead channel, or the socket closed): the script ends. */
public final class AgiHangupException extends RuntimeException {
    public AgiHangupException(String message) {
        super(message, null, false, false);
    }
}
