package org.callcenter.calls;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.callcenter.agents.AgentService;
import org.callcenter.agents.Presence;
import org.callcenter.common.ForbiddenException;
import org.callcenter.common.NotFoundException;
import org.callcenter.phone.PhoneNumbers;
import org.callcenter.store.Blocking;
import org.callcenter.tickets.TicketService;
import org.callcenter.users.Role;
import org.callcenter.users.Session;

/** Call records for people: one call, an agent's recent calls, open call-backs, and the wrap-up. */
public final class CallService {
    private final CallRepository calls;
    private final TicketService tickets;
    private final AgentService agents;
    private final Blocking blocking;

    public CallService(CallRepository calls, TicketService tickets, AgentService agents, Blocking blocking) {
        this.calls = calls;
        this.tickets = tickets;
        this.agents = agents;
        this.blocking = blocking;
    }

    public Future<CallRecord> get(String id, Session who) {
        return blocking.run(() -> {
            CallRecord call = calls.find(id).orElseThrow(() -> new NotFoundException("no call " + id));
            mayTouch(call, who);
            return call;
        });
    }

    public Future<List<CallRecord>> recent(String agent, int limit) {
        return blocking.run(() -> {
            List<CallRecord> out = new ArrayList<>();
            for (String id : calls.recent(agent, limit)) calls.find(id).ifPresent(out::add);
            return out;
        });
    }

    public Future<List<CallbackTask>> openCallbacks(int limit) {
        return blocking.run(() -> calls.openCallbacks(limit));
    }

    /**
     * Wrap-up: links the call to a service request (an existing one, or the one the agent just
     * created), notes the call on the request, and makes the agent available again.
     */
    public Future<CallRecord> wrapUp(String callId, String ticketNumber, String note, Session who) {
        return blocking.run(() -> {
                    CallRecord call = calls.find(callId).orElseThrow(() -> new NotFoundException("no call " + callId));
                    mayTouch(call, who);
                    return call;
                })
                .compose(call -> tickets.get(ticketNumber).map(ticket -> call))
                .compose(call -> tickets.addNote(
                                ticketNumber,
                                "phone call " + call.id() + " from "
                                        + PhoneNumbers.mask(Optional.ofNullable(call.callerNumber())
                                                .orElse(call.callerRaw()))
                                        + (note == null || note.isBlank() ? "" : ": " + note),
                                who.username())
                        .map(t -> call))
                .compose(call -> blocking.run(() -> {
                    calls.linkTicket(call.id(), ticketNumber);
                    return call.withTicket(ticketNumber);
                }))
                .compose(call -> agents.transition(
                                who.username(), List.of(Presence.WRAP_UP, Presence.ON_CALL), Presence.AVAILABLE, null)
                        .map(s -> call));
    }

    private static void mayTouch(CallRecord call, Session who) {
        if (who.role().atLeast(Role.SUPERVISOR)) return;
        if (!who.username().equals(call.agent())) throw new ForbiddenException("this call was not yours");
    }
}
