package org.callcenter.dispatch;

import java.time.Instant;
import java.util.List;
import org.callcenter.customers.Region;

/** A field technician (collection {@code technicians}); {@code mobile} (E.164) is how SMS finds them. */
public record Technician(
        String id,
        String name,
        String mobile,
        Region region,
        List<String> skills,
        boolean onDuty,
        Instant createdAt,
        Instant updatedAt) {

    public boolean hasSkill(String skill) {
        return skills.stream().anyMatch(s -> s.equalsIgnoreCase(skill));
    }
}
