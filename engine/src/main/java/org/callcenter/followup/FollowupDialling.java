package org.callcenter.followup;

import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.callcenter.common.ConflictException;
import org.callcenter.store.Blocking;

/**
 * Click-to-call: inside calling hours only, the agent claims the follow-up, their phone rings first,
 * then the customer is dialled (through the AMI edge). A customer without a number is recorded as
 * INVALID_NUMBER; a failed Originate as DIAL_FAILED; either way the follow-up is kept. After a
 * successful dial the agent records the conversation's outcome and answers.
 */
public final class FollowupDialling {
    /** Places the call; the stage completes with the result, never exceptionally. */
    public interface Dialler {
        CompletionStage<Dialled> dial(String agentExtension, String customerNumber);
    }

    public record Dialled(boolean ok, String message) {}

    /** {@code dialled}: the agent's phone answered and the customer is being called. */
    public record DialAttempt(FollowUp followUp, boolean dialled, String message) {}

    private record Prepared(FollowUp followUp, String number) {}

    private final FollowupService service;
    private final FollowupRepository repository;
    private final Dialler dialler;
    private final Blocking blocking;

    FollowupDialling(FollowupService service, FollowupRepository repository, Dialler dialler, Blocking blocking) {
        this.service = service;
        this.repository = repository;
        this.dialler = dialler;
        this.blocking = blocking;
    }

    public Future<DialAttempt> dial(String id, String agent, String extension) {
        return blocking.run(() -> prepare(id, agent)).compose(p -> {
            if (p.number() == null)
                return blocking.run(() -> new DialAttempt(
                        service.record(id, agent, Outcome.INVALID_NUMBER, null, Map.of(), "no phone number on file"),
                        false,
                        "no phone number on file"));
            return Future.fromCompletionStage(dialler.dial(extension, p.number()))
                    .recover(e -> Future.succeededFuture(new Dialled(false, e.toString())))
                    .compose(d -> d.ok()
                            ? Future.succeededFuture(new DialAttempt(p.followUp(), true, d.message()))
                            : blocking.run(() -> new DialAttempt(
                                    service.record(id, agent, Outcome.DIAL_FAILED, null, Map.of(), d.message()),
                                    false,
                                    d.message())));
        });
    }

    private Prepared prepare(String id, String agent) {
        FollowUp f = service.get(id);
        if (!service.callingHoursNow(f))
            throw new ConflictException("outside calling hours: nothing is dialled at night or on holidays", f);
        FollowUp claimed = service.claim(id, agent);
        List<String> phones = repository.phonesOf(claimed.customerId());
        return new Prepared(claimed, phones.isEmpty() ? null : phones.getFirst());
    }
}
