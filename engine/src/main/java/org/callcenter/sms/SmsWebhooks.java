package org.callcenter.sms;

import com.twilio.security.RequestValidator;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.callcenter.metrics.SmsMeters;
import org.callcenter.store.Blocking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Twilio's webhooks (root routes, no session): delivery status callbacks and inbound SMS. Each is
 * checked against {@code X-Twilio-Signature} for the URL Twilio was given (PUBLIC_BASE_URL + path);
 * a forged or missing signature gets 403 and nothing is stored.
 */
public final class SmsWebhooks {
    private static final Logger log = LoggerFactory.getLogger(SmsWebhooks.class);
    public static final String INBOUND_PATH = "/webhooks/twilio/sms";
    private static final Pattern MESSAGE_SID = Pattern.compile("(SM|MM)[0-9a-fA-F]{32}");
    private static final Set<String> STOP = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT");
    private static final Set<String> START = Set.of("START", "UNSTOP", "YES START");
    private static final Map<String, SmsStatus> FINAL = Map.of(
            "sent", SmsStatus.SENT,
            "delivered", SmsStatus.DELIVERED,
            "undelivered", SmsStatus.UNDELIVERED,
            "failed", SmsStatus.FAILED);
    private static final Set<String> IN_FLIGHT =
            Set.of("accepted", "scheduled", "queued", "sending", "read", "canceled", "receiving", "received");

    private final SmsOutbox outbox;
    private final SmsInbox inbox;
    private final RequestValidator validator;
    private final String publicBase;
    private final SmsMeters meters;
    private final Blocking blocking;
    private final Clock clock;
    private volatile InboundRouter router = InboundRouter.NONE;
    private volatile java.util.function.Consumer<OutboxMessage> onFailed = m -> {};

    public SmsWebhooks(
            SmsOutbox outbox,
            SmsInbox inbox,
            String authToken,
            String publicBase,
            SmsMeters meters,
            Blocking blocking,
            Clock clock) {
        this.outbox = outbox;
        this.inbox = inbox;
        // without an auth token nothing can be verified: every webhook is refused
        this.validator = authToken == null || authToken.isBlank() ? null : new RequestValidator(authToken);
        this.publicBase = publicBase.replaceAll("/+$", "");
        this.meters = meters;
        this.blocking = blocking;
        this.clock = clock;
    }

    /** Inbound texts that are not STOP / START go here first (dispatch). */
    public void route(InboundRouter router) {
        this.router = router;
    }

    /** Told when a status callback moves a message to failed or undelivered. */
    public void onFailed(java.util.function.Consumer<OutboxMessage> listener) {
        this.onFailed = listener;
    }

    public void mount(Router root) {
        root.post(SmsModule.STATUS_PATH).handler(ctx -> verified(ctx, this::status));
        root.post(INBOUND_PATH).handler(ctx -> verified(ctx, this::inbound));
    }

    private interface FormHandler {
        void handle(RoutingContext ctx, Map<String, String> form);
    }

    private void verified(RoutingContext ctx, FormHandler next) {
        byte[] raw = ctx.body() == null || ctx.body().buffer() == null
                ? new byte[0]
                : ctx.body().buffer().getBytes();
        Map<String, String> form;
        try {
            form = FormBody.parse(raw);
        } catch (FormBody.BadForm e) {
            meters.webhook("bad_form");
            plain(ctx, 400, "bad form: " + e.getMessage());
            return;
        }
        String signature = ctx.request().getHeader("X-Twilio-Signature");
        if (signature == null
                || validator == null
                || !validator.validate(publicBase + ctx.request().uri(), form, signature)) {
            meters.webhook("forbidden");
            plain(ctx, 403, "bad or missing X-Twilio-Signature");
            return;
        }
        next.handle(ctx, form);
    }

    private void status(RoutingContext ctx, Map<String, String> form) {
        String sid = form.get("MessageSid");
        String status = form.get("MessageStatus");
        if (sid == null || !MESSAGE_SID.matcher(sid).matches() || status == null) {
            meters.webhook("bad_form");
            plain(ctx, 400, "MessageSid and MessageStatus are required");
            return;
        }
        String state = status.toLowerCase(Locale.ROOT);
        SmsStatus to = FINAL.get(state);
        if (to == null && !IN_FLIGHT.contains(state)) {
            meters.webhook("bad_form");
            plain(ctx, 400, "unknown MessageStatus " + state);
            return;
        }
        Integer code;
        try {
            String raw = form.get("ErrorCode");
            code = raw == null || raw.isBlank() ? null : Integer.valueOf(raw);
        } catch (NumberFormatException e) {
            meters.webhook("bad_form");
            plain(ctx, 400, "ErrorCode is not a number");
            return;
        }
        if (to == null) {
            meters.webhook("status");
            twiml(ctx, null);
            return;
        }
        boolean failure = to == SmsStatus.FAILED || to == SmsStatus.UNDELIVERED;
        blocking.run(() -> {
                    boolean moved = outbox.advance(sid, to, code, clock.instant());
                    if (moved && failure) outbox.findBySid(sid).ifPresent(this::notifyFailed);
                    return moved;
                })
                .onSuccess(moved -> {
                    meters.webhook(moved ? "status" : "status_ignored");
                    if (moved && failure) {
                        meters.failed(code);
                        log.warn("SMS {} {} (error {})", sid, state, code);
                    }
                    twiml(ctx, null);
                })
                .onFailure(ctx::fail);
    }

    private void inbound(RoutingContext ctx, Map<String, String> form) {
        String sid = form.get("MessageSid");
        String from = form.get("From");
        String to = form.get("To");
        String body = form.get("Body");
        if (sid == null || !MESSAGE_SID.matcher(sid).matches() || from == null || to == null || body == null) {
            meters.webhook("bad_form");
            plain(ctx, 400, "MessageSid, From, To and Body are required");
            return;
        }
        Future<String> reply = blocking.run(() -> {
            if (inbox.record(sid, from, to, body, clock.instant())) meters.webhook("inbound");
            else if (inbox.retryable(sid)) meters.webhook("inbound_retry"); // the first attempt failed
            else {
                meters.webhook("inbound_duplicate");
                return inbox.replyTo(sid).orElse(null);
            }
            String answer;
            try {
                answer = answer(from, body);
            } catch (RuntimeException e) {
                // nothing answered: Twilio gets a 500 and redelivers, and the redelivery is handled again
                try {
                    inbox.failed(sid);
                } catch (RuntimeException markFailed) {
                    e.addSuppressed(markFailed);
                }
                throw e;
            }
            try {
                inbox.reply(sid, answer);
            } catch (RuntimeException e) {
                // handled: the sender still gets the answer; a redelivery then gets no second one
                log.warn("SMS {}: reply not recorded: {}", sid, e.toString());
            }
            return answer;
        });
        reply.onSuccess(text -> twiml(ctx, text)).onFailure(ctx::fail);
    }

    /** Blocking: what a text gets back. STOP opts the number out; START opts it back in. */
    private String answer(String from, String body) {
        String command = body.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        if (STOP.contains(command)) {
            inbox.optOut(from, clock.instant());
            return "You will get no more messages except those about your open service requests. Reply START to undo.";
        }
        if (START.contains(command)) {
            inbox.optIn(from);
            return "You will get our messages again. Reply STOP to opt out.";
        }
        return router.route(from, body).orElse("Thank you, we got your message. Reply STOP to opt out.");
    }

    private void notifyFailed(OutboxMessage m) {
        try {
            onFailed.accept(m);
        } catch (RuntimeException e) {
            log.warn("SMS {} failure listener: {}", m.key(), e.toString());
        }
    }

    private static void twiml(RoutingContext ctx, String message) {
        String body =
                message == null ? "<Response/>" : "<Response><Message>" + escape(message) + "</Message></Response>";
        ctx.response()
                .putHeader("Content-Type", "text/xml; charset=utf-8")
                .end("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + body);
    }

    private static void plain(RoutingContext ctx, int status, String message) {
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "text/plain; charset=utf-8")
                .end(message);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
