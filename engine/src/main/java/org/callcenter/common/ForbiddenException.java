package org.callcenter.common;

/** Authenticated, but the role does not allow this; answered 403. */
public final class ForbiddenException extends RuntimeException {
    public ForbiddenException(String message) {
        super(message);
    }
}
