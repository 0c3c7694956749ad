package org.callcenter.ivr;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.regex.Pattern;

/** The nodes that only talk to the caller: prompts, saying digits and numbers, menus, collecting digits. */
final class DialogNodes {
    /** Where a node goes when it has nowhere else: the operator (see {@link IvrRunner}). */
    static final String OPERATOR = "\u0000operator";

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    private static final int DEFAULT_RETRIES = 2;

    private final IvrService service;

    DialogNodes(IvrService service) {
        this.service = service;
    }

    Future<String> prompt(ScriptNode n, IvrSession s) {
        s.step(n, null, null);
        return s.playAll(n.prompts("play")).map(v -> n.text("next"));
    }

    Future<String> sayDigits(ScriptNode n, IvrSession s) {
        s.step(n, null, null);
        return s.playAll(n.prompts("prompt"))
                .compose(v -> s.sayDigits(s.expand(n.text("value"))))
                .map(v -> n.text("next"));
    }

    Future<String> sayNumber(ScriptNode n, IvrSession s) {
        s.step(n, null, null);
        return s.playAll(n.prompts("prompt"))
                .compose(v -> s.sayNumber(s.expand(n.text("value"))))
                .map(v -> n.text("next"));
    }

    Future<String> set(ScriptNode n, IvrSession s) {
        s.step(n, null, null);
        s.vars.put(n.text("var"), s.expand(n.text("value")));
        return Future.succeededFuture(n.text("next"));
    }

    Future<String> hangup(ScriptNode n, IvrSession s) {
        s.step(n, null, null);
        s.outcome = "hangup";
        return s.playAll(n.prompts("prompt"))
                .compose(v -> s.channel.send("HANGUP"))
                .map(r -> (String) null);
    }

    /** One key → a node; a wrong key or silence plays its prompt and asks again, then the fallback. */
    Future<String> menu(ScriptNode n, IvrSession s, int attempt) {
        return s.getData(n.text("prompt"), n.duration("timeout", DEFAULT_TIMEOUT), 1)
                .compose(key -> {
                    String target = key.isEmpty() ? null : n.options().get(key);
                    s.step(n, key, target != null ? "chose " + key : key.isEmpty() ? "timeout" : "invalid");
                    if (target != null) return Future.succeededFuture(target);
                    return retry(n, s, attempt, key.isEmpty())
                            .compose(again -> again
                                    ? menu(n, s, attempt + 1)
                                    : Future.succeededFuture(n.text("fallback", OPERATOR)));
                });
    }

    /** Up to max_digits keys, checked by {@code validate}; stored in the variable {@code store}. */
    Future<String> collect(ScriptNode n, IvrSession s, int attempt) {
        int max = n.integer("max_digits", 1);
        return s.getData(n.text("prompt"), n.duration("timeout", DEFAULT_TIMEOUT), max)
                .compose(digits -> {
                    boolean ok = !digits.isEmpty() && valid(n, digits);
                    s.step(n, digits, ok ? "ok" : digits.isEmpty() ? "timeout" : "invalid");
                    if (ok) {
                        s.vars.put(n.text("store"), digits);
                        return Future.succeededFuture(n.text("next"));
                    }
                    return retry(n, s, attempt, digits.isEmpty())
                            .compose(again -> again
                                    ? collect(n, s, attempt + 1)
                                    : Future.succeededFuture(n.text("fallback", OPERATOR)));
                });
    }

    private boolean valid(ScriptNode n, String digits) {
        if (digits.length() < n.integer("min_digits", 1)) return false;
        String rule = n.text("validate");
        if (rule == null) return digits.matches("[0-9]+");
        if (rule.equals("ticket_number")) return service.validTicketNumber(digits);
        return Pattern.compile(rule).matcher(digits).matches();
    }

    /** Plays the reprompt and yields true when another attempt is left. */
    private Future<Boolean> retry(ScriptNode n, IvrSession s, int attempt, boolean silence) {
        if (attempt >= n.integer("retries", DEFAULT_RETRIES)) return Future.succeededFuture(false);
        String reprompt = n.text(silence ? "timeout_prompt" : "invalid_prompt");
        if (reprompt == null) reprompt = n.text(silence ? "invalid_prompt" : "timeout_prompt");
        return reprompt == null
                ? Future.succeededFuture(true)
                : s.play(reprompt).map(r -> true);
    }
}
