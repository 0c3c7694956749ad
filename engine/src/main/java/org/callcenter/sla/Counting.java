package org.callcenter.sla;

/** How a clock's budget counts (SERVICE-RULES §3). */
public enum Counting {
    WORKING_HOURS,
    WORKING_DAYS,
    WALL_CLOCK
}
