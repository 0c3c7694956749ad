package org.callcenter.followup;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.callcenter.sla.BusinessCalendar;

/**
 * The business calendar's calling hours in each customer's time zone: a customer in Berlin is called
 * 09:00-18:00 Berlin time on Berlin working days of the calendar, never at night there. A customer
 * without a zone of their own gets the calendar's zone.
 */
public final class CallingCalendars {
    private final BusinessCalendar calendar;
    private final Map<ZoneId, BusinessCalendar> byZone = new ConcurrentHashMap<>();

    public CallingCalendars(BusinessCalendar calendar) {
        this.calendar = calendar;
    }

    public BusinessCalendar base() {
        return calendar;
    }

    public BusinessCalendar of(ZoneId zone) {
        return zone == null ? calendar : byZone.computeIfAbsent(zone, calendar::inZone);
    }

    /** True when {@code now} is inside calling hours in that zone. */
    public boolean open(ZoneId zone, Instant now) {
        return of(zone).nextOpening(now).equals(now);
    }
}
