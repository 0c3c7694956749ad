package org.callcenter.dispatch;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.callcenter.customers.Region;

/** What the dispatch API takes, validated by {@link DispatchRoutes}. */
public final class DispatchInputs {
    private DispatchInputs() {}

    public record TechnicianDraft(String name, String mobile, Region region, List<String> skills, boolean onDuty) {}

    public record TechnicianPatch(
            Optional<String> name,
            Optional<String> mobile,
            Optional<Region> region,
            Optional<List<String>> skills,
            Optional<Boolean> onDuty) {}

    /**
     * Send a technician: {@code skill} (optional) is one the technician must have; a technician of
     * another region than the customer's is refused unless {@code allowOtherRegion}. The appointment
     * window is optional here and can be recorded later.
     */
    public record DispatchOrder(
            String technicianId,
            Instant appointmentStart,
            Instant appointmentEnd,
            String skill,
            boolean allowOtherRegion) {}
}
