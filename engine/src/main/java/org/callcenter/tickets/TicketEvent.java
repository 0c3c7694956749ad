package org.callcenter.tickets;

import java.time.Instant;
import java.util.List;

/** One entry of a request's append-only history: who did what, when. */
public record TicketEvent(Instant at, String by, String type, String text, List<Change> changes) {

    /** A field's value before and after (as text; null when unset). */
    public record Change(String field, String from, String to) {}

    public static final String CREATED = "created";
    public static final String UPDATED = "updated";
    public static final String NOTE = "note";
    public static final String FEEDBACK = "feedback";
}
