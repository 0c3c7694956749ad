package org.callcenter.followup;

/** The result of one attempt to reach the customer. */
public enum Outcome {
    REACHED,
    NO_ANSWER,
    BUSY,
    INVALID_NUMBER,
    CALL_LATER,
    /** Originate failed (agent's phone unavailable, AMI down): kept, not counted as a try. */
    DIAL_FAILED,
    /** The customer answered but hung up while being connected to the agent: counted as a try. */
    HUNG_UP
}
