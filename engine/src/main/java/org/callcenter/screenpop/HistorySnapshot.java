package org.callcenter.screenpop;

import java.util.List;
import org.callcenter.customers.Installation;
import org.callcenter.screenpop.CallerHistory.CustomerCard;
import org.callcenter.screenpop.CallerHistory.LastContact;
import org.callcenter.screenpop.CallerHistory.RequestSummary;

/**
 * The cached part of a customer's caller history: stored data only. Anything that depends on the
 * day (warranty state) is computed on every read, so a cached entry never goes stale at midnight.
 */
public record HistorySnapshot(
        CustomerCard customer,
        List<Installation> installations,
        List<RequestSummary> openRequests,
        List<RequestSummary> recentRequests,
        LastContact lastContact,
        List<CallerHistory.VisitSummary> visits) {}
