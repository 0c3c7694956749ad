package org.callcenter.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the rules need to know about one customer: installations and open call-backs. */
public record CustomerFacts(String customerId, List<InstalledOn> installations, List<OpenCallback> callbacks) {

    public record InstalledOn(String installationId, LocalDate installedOn) {}

    public record OpenCallback(String callbackId, Instant requestedAt) {}
}
