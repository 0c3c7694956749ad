package org.callcenter.common;

/** Credentials missing or wrong; answered 401 with this message. */
public final class UnauthorizedException extends RuntimeException {
    public UnauthorizedException(String message) {
        super(message);
    }
}
