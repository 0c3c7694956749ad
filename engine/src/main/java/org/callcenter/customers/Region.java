package org.callcenter.customers;

/** Where the customer is, as the on-site arrival windows see it (SERVICE-RULES §3). */
public enum Region {
    CAPITAL,
    NEIGHBOURING,
    OTHER
}
