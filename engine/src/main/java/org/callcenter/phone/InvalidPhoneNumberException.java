package org.callcenter.phone;

/** A phone number that cannot be read; the message is safe to show (the number is masked). */
public final class InvalidPhoneNumberException extends IllegalArgumentException {
    public InvalidPhoneNumberException(String message) {
        super(message);
    }
}
