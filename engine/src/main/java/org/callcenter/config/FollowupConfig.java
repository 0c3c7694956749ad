package org.callcenter.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code followup} section (SERVICE-RULES §5): per rule a window, a priority (higher first) and
 * the questions to ask; how long an owner keeps an undone follow-up before it goes to anyone; the
 * retry policy for unanswered calls (attempts, working time between them); how often planning runs.
 */
public record FollowupConfig(
        Rule firstInstallation,
        Rule quarterly,
        Rule callback,
        Duration releaseAfter,
        int maxAttempts,
        Duration retryAfter,
        Duration planEvery,
        Dial dial,
        Rule afterVisit,
        Rule afterDelivery,
        Progressive progressive,
        Timers timers) {

    /**
     * Progressive dialling: when a follow-up falls due and an agent is available, the customer is
     * dialled on {@code channel} ({@code {number}}) and connected to the agent's extension in
     * {@code context}. {@code waitForAgent}: when no agent is free, look again after this;
     * {@code connectHold}: a dialled follow-up comes back if no outcome was recorded within this.
     */
    public record Progressive(
            boolean enabled,
            String channel,
            String context,
            Duration timeout,
            Duration waitForAgent,
            Duration connectHold) {}

    /** Durable follow-up timers on the SLA timer engine: poll period and claim lease. */
    public record Timers(Duration poll, Duration lease) {}

    /** Click-to-call: {@code channel} with {@code {extension}} for the agent's phone, the customer dialled in {@code context}. */
    public record Dial(String channel, String context, Duration timeout) {}

    /** {@code windowDays}: days from the event by which the call is due (after a visit: working days). */
    public record Rule(int windowDays, int priority, List<String> questions) {}

    static FollowupConfig from(Settings s) {
        int attempts = s.integer("followup.max_attempts");
        if (attempts < 1) throw new ConfigException("configuration key 'followup.max_attempts' must be >= 1");
        return new FollowupConfig(
                rule(s, "first_installation"),
                rule(s, "quarterly"),
                rule(s, "callback"),
                Duration.ofMinutes(s.integer("followup.release_after_minutes")),
                attempts,
                Duration.ofMinutes(s.integer("followup.retry_after_minutes")),
                Duration.ofMinutes(Math.max(1, s.integer("followup.plan_every_minutes"))),
                new Dial(
                        s.string("followup.dial.channel"),
                        s.string("followup.dial.context"),
                        Duration.ofSeconds(s.integer("followup.dial.timeout_seconds"))),
                rule(s, "after_visit"),
                rule(s, "after_delivery"),
                new Progressive(
                        s.bool("followup.progressive.enabled"),
                        s.string("followup.progressive.channel"),
                        s.string("followup.progressive.context"),
                        Duration.ofSeconds(s.integer("followup.progressive.timeout_seconds")),
                        Duration.ofSeconds(Math.max(1, s.integer("followup.progressive.wait_for_agent_seconds"))),
                        Duration.ofMinutes(Math.max(1, s.integer("followup.progressive.connect_hold_minutes")))),
                new Timers(
                        Duration.ofMillis(Math.max(10, s.integer("followup.timers.poll_millis"))),
                        Duration.ofSeconds(Math.max(1, s.integer("followup.timers.lease_seconds")))));
    }

    private static Rule rule(Settings s, String name) {
        String prefix = "followup." + name + ".";
        List<String> questions = Arrays.stream(s.string(prefix + "questions").split("\\|"))
                .map(String::trim)
                .filter(q -> !q.isEmpty())
                .toList();
        return new Rule(s.integer(prefix + "window_days"), s.integer(prefix + "priority"), questions);
    }
}
