package org.callcenter.sla;

import java.time.LocalTime;

/** One opening interval of a day, start inclusive, end exclusive ("09:00-12:00"). */
public record OpeningHours(LocalTime start, LocalTime end) {
    public OpeningHours {
        if (!start.isBefore(end)) throw new IllegalArgumentException("start " + start + " is not before end " + end);
    }

    public boolean contains(LocalTime t) {
        return !t.isBefore(start) && !t.isAfter(end);
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }
}
