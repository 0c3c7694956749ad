package org.callcenter.quality;

import java.util.List;

/**
 * Running counts of requests per product, category and month ({@code problem_counts}, by _id, so the
 * check on every new request never scans), and the key warnings raised ({@code key_warnings}, once per
 * product, category and month). Blocking; implemented in store/.
 */
public interface RecurringRepository {
    /** Adds one request to the month's count; the new count. */
    long increment(String product, String category, String period);

    long count(String product, String category, String period);

    /** Stores the warning; false when it was raised for that product, category and month already. */
    boolean insertWarning(QualityEvents.KeyWarning warning);

    List<QualityEvents.KeyWarning> warnings(String period);
}
