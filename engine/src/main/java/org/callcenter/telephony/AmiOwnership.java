package org.callcenter.telephony;

import java.time.Duration;

/**
 * One engine instance owns an Asterisk's AMI connection at a time (DESIGN: external contract); the
 * others stand by and take over when the owner stops renewing. Implemented with a Redis lease.
 */
public interface AmiOwnership {
    /** Takes the lease, or extends it when {@code owner} already holds it; false when another holds it. */
    boolean acquireOrRenew(String owner, Duration ttl);

    /** Gives the lease up if {@code owner} holds it. */
    void release(String owner);

    /** For a single engine without shared state: always the owner. */
    AmiOwnership ALWAYS = new AmiOwnership() {
        @Override
        public boolean acquireOrRenew(String owner, Duration ttl) {
            return true;
        }

        @Override
        public void release(String owner) {}
    };
}
