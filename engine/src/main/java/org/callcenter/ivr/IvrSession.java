package org.callcenter.ivr;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.callcenter.telephony.agi.AgiChannel;
import org.callcenter.telephony.agi.AgiHangupException;
import org.callcenter.telephony.agi.AgiReply;
import org.callcenter.telephony.agi.AgiRequest;

/**
 * One caller inside one script: the channel, the script's variables ({@code ${caller}}, {@code
 * ${ticket}}, collected digits, ...), and the trace of nodes visited and keys pressed.
 */
final class IvrSession {
    private static final Pattern VAR = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");
    // compiled once: String.replaceAll compiled a pattern for every command
    private static final Pattern NOT_KEY = Pattern.compile("[^0-9*#]");
    private static final Pattern NOT_DIGIT = Pattern.compile("[^0-9]");
    private static final Pattern NOT_NUMBER = Pattern.compile("[^0-9-]");

    final AgiRequest request;
    final AgiChannel channel;
    final IvrScript script;
    final Clock clock;
    final Instant startedAt;
    final Map<String, String> vars = new HashMap<>();
    final List<IvrTrace.Step> path = new ArrayList<>();
    final StringBuilder digits = new StringBuilder();
    String linkedId = "";
    String outcome = "completed";
    String queue;
    /** The caller's look-up, started with the session so it runs while the first prompt plays. */
    Future<java.util.Optional<org.callcenter.screenpop.CallerHistory.CustomerCard>> identified;

    IvrSession(AgiRequest request, AgiChannel channel, IvrScript script, Clock clock) {
        this.request = request;
        this.channel = channel;
        this.script = script;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    String var(String name) {
        return vars.getOrDefault(name, "");
    }

    /** Replaces {@code ${name}} with the variable's value (empty when unset). */
    String expand(String template) {
        if (template == null) return "";
        Matcher m = VAR.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(var(m.group(1))));
        m.appendTail(out);
        return out.toString();
    }

    void step(ScriptNode node, String input, String result) {
        path.add(new IvrTrace.Step(node.id(), node.type().key(), clock.instant(), input, result));
        if (input != null) digits.append(input);
    }

    /** Plays a prompt; a missing sound file (result -1, endpos 0) is not an error for the caller. */
    Future<AgiReply> play(String prompt) {
        return channel.send("STREAM FILE " + prompt + " \"\"");
    }

    Future<Void> playAll(List<String> prompts) {
        Future<AgiReply> f = Future.succeededFuture();
        for (String p : prompts) f = f.compose(x -> play(p));
        return f.mapEmpty();
    }

    /** Asks for up to {@code max} digits; yields what was pressed ("" when nothing). -1 = the caller is gone. */
    Future<String> getData(String prompt, Duration timeout, int max) {
        return channel.send("GET DATA " + prompt + " " + timeout.toMillis() + " " + max)
                .compose(r -> {
                    if ("-1".equals(r.result())) return Future.failedFuture(new AgiHangupException("GET DATA -1"));
                    return Future.succeededFuture(NOT_KEY.matcher(r.result()).replaceAll(""));
                });
    }

    Future<Void> setVariable(String name, String value) {
        return channel.send("SET VARIABLE " + name + " " + AgiChannel.quote(value))
                .mapEmpty();
    }

    /** A channel variable's value, empty when unset. */
    Future<String> getVariable(String name) {
        return channel.send("GET VARIABLE " + name).map(r -> r.resultInt(0) == 1 && r.data() != null ? r.data() : "");
    }

    Future<Void> sayDigits(String value) {
        String d = NOT_DIGIT.matcher(value).replaceAll("");
        return d.isEmpty()
                ? Future.succeededFuture()
                : channel.send("SAY DIGITS " + d + " \"\"").mapEmpty();
    }

    Future<Void> sayNumber(String value) {
        String d = NOT_NUMBER.matcher(value).replaceAll("");
        return d.isEmpty()
                ? Future.succeededFuture()
                : channel.send("SAY NUMBER " + d + " \"\"").mapEmpty();
    }

    /** Speaks a date and time in the business's zone. */
    Future<Void> sayDateTime(Instant at, String zone) {
        return channel.send("SAY DATETIME " + at.getEpochSecond() + " \"\" \"ABdY 'digits/at' IMp\" " + zone)
                .mapEmpty();
    }

    IvrTrace trace() {
        return new IvrTrace(
                request.uniqueId(),
                linkedId,
                request.threadId(),
                request.channel(),
                script == null ? request.script() : script.name(),
                var("caller"),
                vars.get("customer"),
                startedAt,
                clock.instant(),
                List.copyOf(path),
                digits.toString(),
                outcome,
                queue,
                vars.get("ticket"));
    }
}
