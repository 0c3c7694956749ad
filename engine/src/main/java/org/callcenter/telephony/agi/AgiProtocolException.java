package org.callcenter.telephony.agi;

/** Asterisk sent something that is not the FastAGI protocol, or refused a command (510, 520). */
public class AgiProtocolException extends RuntimeException {
    public AgiProtocolException(String message) {
        super(message, null, false, false);
    }
}
