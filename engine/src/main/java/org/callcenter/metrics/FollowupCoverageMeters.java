package org.callcenter.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Coverage of the return-call rules as of the last coverage report (after every planning run and on
 * every coverage request): names {@code callcenter.followup.coverage.*}.
 */
public final class FollowupCoverageMeters {
    public static final String WITHOUT_QUARTERLY = "callcenter.followup.coverage.without_quarterly";
    public static final String OVERDUE_FIRST_INSTALLATION = "callcenter.followup.coverage.overdue_first_installation";
    public static final String VISITS_WITHOUT_RETURN = "callcenter.followup.coverage.visits_without_return";

    private final AtomicLong withoutQuarterly = new AtomicLong();
    private final AtomicLong overdueFirstInstallation = new AtomicLong();
    private final AtomicLong visitsWithoutReturn = new AtomicLong();

    public FollowupCoverageMeters(MeterRegistry registry) {
        Gauge.builder(WITHOUT_QUARTERLY, withoutQuarterly, AtomicLong::get)
                .description("Customers still without a reached quarterly call this quarter")
                .register(registry);
        Gauge.builder(OVERDUE_FIRST_INSTALLATION, overdueFirstInstallation, AtomicLong::get)
                .description("First-installation calls past their due time")
                .register(registry);
        Gauge.builder(VISITS_WITHOUT_RETURN, visitsWithoutReturn, AtomicLong::get)
                .description("Visits (last 92 days) without a return visit that reached the customer")
                .register(registry);
    }

    public void report(long withoutQuarterly, long overdueFirstInstallation, long visitsWithoutReturn) {
        this.withoutQuarterly.set(withoutQuarterly);
        this.overdueFirstInstallation.set(overdueFirstInstallation);
        this.visitsWithoutReturn.set(visitsWithoutReturn);
    }
}
