package org.callcenter.store;

/** A store (MongoDB or Redis) could not be reached; the API answers 503. */
public final class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
