package org.callcenter.sms;

import java.util.Optional;

/**
 * Where an inbound SMS that is not STOP / START goes (dispatch: technicians' commands, customers'
 * ratings, consent and COMPLAINT texts). Blocking; called once per MessageSid (again only for a redelivery
 * after a call that threw). Empty means "not mine": the sender
 * gets the general reply. The reply text is sent back as TwiML.
 */
@FunctionalInterface
public interface InboundRouter {
    Optional<String> route(String from, String body);

    InboundRouter NONE = (from, body) -> Optional.empty();
}
