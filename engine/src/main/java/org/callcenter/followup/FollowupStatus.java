package org.callcenter.followup;

/** OPEN: to be called; DONE: reached; UNREACHABLE: attempts used up; NEEDS_NUMBER: no valid number. */
public enum FollowupStatus {
    OPEN,
    DONE,
    UNREACHABLE,
    NEEDS_NUMBER
}
