package org.callcenter.common;

/**
 * The change lost a race (optimistic concurrency) or clashes with existing data; answered 409.
 * {@code current} carries the stored state when known, so the client can merge and retry.
 */
public final class ConflictException extends RuntimeException {
    private final Object current;

    public ConflictException(String message, Object current) {
        super(message);
        this.current = current;
    }

    public Object current() {
        return current;
    }
}
