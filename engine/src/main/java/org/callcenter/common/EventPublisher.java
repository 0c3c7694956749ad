package org.callcenter.common;

/** Publishes a domain event (a record) on an address {@code callcenter.<domain>.<event>}. */
public interface EventPublisher {
    void publish(String address, Object event);

    EventPublisher NONE = (address, event) -> {};
}
