package org.callcenter.quality;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Complaints and ladder decisions in memory, with the same ordering and uniqueness as the Mongo store. */
final class InMemoryComplaints implements ComplaintRepository {
    final Map<String, Complaint> complaints = new LinkedHashMap<>();
    final Map<String, LadderDecision> decisions = new LinkedHashMap<>();

    @Override
    public void insert(Complaint c) {
        complaints.put(c.id(), c);
    }

    @Override
    public Optional<Complaint> find(String id) {
        return Optional.ofNullable(complaints.get(id));
    }

    @Override
    public void save(Complaint c) {
        complaints.put(c.id(), c);
    }

    @Override
    public List<Complaint> ofTechnician(String technicianId, Instant since) {
        return sorted(complaints.values().stream()
                .filter(c -> technicianId.equals(c.technicianId())
                        && !c.registeredAt().isBefore(since))
                .toList());
    }

    @Override
    public List<Complaint> ofTicket(String ticketId) {
        return sorted(complaints.values().stream()
                        .filter(c -> ticketId.equals(c.ticketId()))
                        .toList())
                .reversed();
    }

    @Override
    public List<Complaint> registeredBetween(Instant from, Instant to) {
        return sorted(complaints.values().stream()
                .filter(c ->
                        !c.registeredAt().isBefore(from) && c.registeredAt().isBefore(to))
                .toList());
    }

    @Override
    public boolean insertDecision(LadderDecision d) {
        return decisions.putIfAbsent(d.id(), d) == null;
    }

    @Override
    public List<LadderDecision> decisionsOf(String technicianId, Instant since) {
        return decisions.values().stream()
                .filter(d ->
                        d.technicianId().equals(technicianId) && !d.decidedAt().isBefore(since))
                .sorted(Comparator.comparing(LadderDecision::decidedAt))
                .toList();
    }

    @Override
    public List<LadderDecision> decisionsBetween(Instant from, Instant to) {
        return decisions.values().stream()
                .filter(d -> !d.decidedAt().isBefore(from) && d.decidedAt().isBefore(to))
                .sorted(Comparator.comparing(LadderDecision::decidedAt))
                .toList();
    }

    private static List<Complaint> sorted(List<Complaint> list) {
        List<Complaint> out = new ArrayList<>(list);
        out.sort(Comparator.comparing(Complaint::registeredAt).thenComparing(Complaint::id));
        return out;
    }
}
