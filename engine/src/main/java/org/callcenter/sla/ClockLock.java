package org.callcenter.sla;

import java.util.function.Supplier;

/**
 * Serializes clock writes of one request across engines (a short Redis lock in production). Inside
 * it a clock is read, checked and written by the request's _id: the embedded MongoDB-wire server
 * scans the collection for any filter beyond _id, so the compare of compare-and-set happens here.
 */
public interface ClockLock {
    <T> T locked(String ticket, Supplier<T> body);
}
