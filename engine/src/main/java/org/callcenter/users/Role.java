package org.callcenter.users;

/** What an API user may do: agents work requests, supervisors oversee, admins manage users. */
public enum Role {
    AGENT,
    SUPERVISOR,
    ADMIN;

    /** True when this role includes everything {@code required} may do. */
    public boolean atLeast(Role required) {
        return ordinal() >= required.ordinal();
    }
}
