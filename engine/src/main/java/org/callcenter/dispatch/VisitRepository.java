package org.callcenter.dispatch;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Visits ({@code visits}, _id = visit id). Each change is one conditional update, so a repeated or
 * concurrent SMS changes a visit at most once. Blocking; implemented in store/.
 */
public interface VisitRepository {
    void insert(Visit visit);

    Optional<Visit> find(String id);

    /** The visits of a request, oldest first. */
    List<Visit> forTicket(String ticketNumber);

    /** The visits of a customer, newest first. */
    List<Visit> forCustomer(String customerId, int limit);

    /** The newest visit texted to {@code phone} that has no rating yet. */
    Optional<Visit> latestUnratedForPhone(String phone);

    /** True when the technician has a visit not yet complete. */
    boolean technicianBusy(String technicianId);

    /** Departures waiting for the customer's YES, oldest first. */
    List<Visit> pendingConsent();

    boolean setAppointment(String id, Instant start, Instant end, Instant now);

    /** Records arrival once; false if an arrival is already recorded. */
    boolean arrived(String id, Instant at, Boolean punctual, Integer minutesLate);

    /** Records departure once (only after arrival); false otherwise. */
    boolean departed(String id, Instant at, Consent consent, String report);

    /** Records the customer's YES once; false if consent was already given. */
    boolean consented(String id, Instant at);

    /** Records a rating once; false if the visit is rated already. */
    boolean rated(String id, int rating, Instant at);

    boolean report(String id, String text, Instant now);
}
