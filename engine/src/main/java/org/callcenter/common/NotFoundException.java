package org.callcenter.common;

/** The thing asked for does not exist; answered 404. */
public final class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
