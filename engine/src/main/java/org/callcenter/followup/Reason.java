package org.callcenter.followup;

/** Why a customer is called back (SERVICE-RULES §5). */
public enum Reason {
    FIRST_INSTALLATION,
    QUARTERLY,
    CALLBACK,
    AFTER_VISIT,
    AFTER_DELIVERY
}
