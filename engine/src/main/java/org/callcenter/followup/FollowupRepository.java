package org.callcenter.followup;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Follow-ups by _id ({@code customerId:quarter}), and the customer facts planning reads. */
public interface FollowupRepository {
    Optional<FollowUp> find(String id);

    void save(FollowUp followUp);

    /** Every follow-up still to be called (status OPEN). */
    List<FollowUp> open();

    /** Follow-ups kept for a human because the customer has no valid number (status NEEDS_NUMBER). */
    List<FollowUp> needingNumber();

    /** Every follow-up of a quarter, whatever its status (coverage). */
    List<FollowUp> ofQuarter(String quarter);

    /** The customer's own phone numbers (E.164), contact persons' after them; empty if none or unknown. */
    List<String> phonesOf(String customerId);

    /** Marks call-backs done (status {@code done}, {@code doneBy}) once a follow-up covering them reached the customer. */
    void closeCallbacks(List<String> callbackIds, String doneBy);

    /** Each customer with its installations and open call-backs, one at a time. */
    void forEachCustomer(Consumer<CustomerFacts> consumer);

    /** One customer's facts (planning right after a visit or a delivery), empty if unknown. */
    Optional<CustomerFacts> factsOf(String customerId);

    /**
     * Remembers a visit the technician left (from {@code callcenter.visits.departed}), idempotently by
     * visit id; false when the customer is unknown.
     */
    boolean departed(String customerId, CustomerFacts.Departed visit, String technicianId, String consent);

    /** Stores a delivery; false when the customer is unknown. */
    boolean addDelivery(Delivery delivery);

    /** A customer's deliveries, newest first. */
    List<Delivery> deliveriesOf(String customerId);

    /** The customer's own time zone, or null when none is set (the business calendar's zone then). */
    ZoneId zoneOf(String customerId);
}
