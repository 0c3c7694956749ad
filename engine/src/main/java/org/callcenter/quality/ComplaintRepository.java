package org.callcenter.quality;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Complaints ({@code complaints}) and ladder decisions ({@code ladder_decisions}). Blocking; in store/. */
public interface ComplaintRepository {
    void insert(Complaint complaint);

    Optional<Complaint> find(String id);

    void save(Complaint complaint);

    /** The technician's complaints registered at or after {@code since}. */
    List<Complaint> ofTechnician(String technicianId, Instant since);

    /** Complaints of a request (newest first). */
    List<Complaint> ofTicket(String ticketId);

    /** Every complaint registered in [from, to). */
    List<Complaint> registeredBetween(Instant from, Instant to);

    /** Inserts a decision; false when that step was decided at the same time by another supervisor. */
    boolean insertDecision(LadderDecision decision);

    List<LadderDecision> decisionsOf(String technicianId, Instant since);

    /** Decisions of every technician taken in [from, to). */
    List<LadderDecision> decisionsBetween(Instant from, Instant to);
}
