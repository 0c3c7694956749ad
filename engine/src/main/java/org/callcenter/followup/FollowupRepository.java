package org.callcenter.followup;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Follow-ups by _id ({@code customerId:quarter}), and the customer facts planning reads. */
public interface FollowupRepository {
    Optional<FollowUp> find(String id);

    void save(FollowUp followUp);

    /** Every follow-up still to be called (status OPEN). */
    List<FollowUp> open();

    /** Every follow-up of a quarter, whatever its status (coverage). */
    List<FollowUp> ofQuarter(String quarter);

    /** The customer's own phone numbers (E.164), contact persons' after them; empty if none or unknown. */
    List<String> phonesOf(String customerId);

    /** Marks call-backs done (status {@code done}, {@code doneBy}) once a follow-up covering them reached the customer. */
    void closeCallbacks(List<String> callbackIds, String doneBy);

    /** Each customer with its installations and open call-backs, one at a time. */
    void forEachCustomer(Consumer<CustomerFacts> consumer);
}
