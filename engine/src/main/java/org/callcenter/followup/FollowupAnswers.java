package org.callcenter.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The answers to the follow-up questions over a period, aggregated per question: how many reached
 * calls answered it and how often each answer was given (answers trimmed and lower-cased, so "Yes" and
 * "yes " count as one answer, reported as "yes").
 * A call counts in the period of its REACHED attempt (days in the business calendar's zone).
 */
public final class FollowupAnswers {
    public record Report(LocalDate from, LocalDate to, int calls, List<Question> questions) {}

    public record Question(String question, int answered, List<Answer> answers) {}

    public record Answer(String answer, int count) {}

    private final FollowupRepository repository;
    private final ZoneId zone;

    public FollowupAnswers(FollowupRepository repository, ZoneId zone) {
        this.repository = repository;
        this.zone = zone;
    }

    /** {@code from} and {@code to} inclusive. */
    public Report report(LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        Map<String, Map<String, int[]>> byQuestion = new LinkedHashMap<>();
        int calls = 0;
        // a follow-up lives in the quarter it was opened in, or (kept open) the next one
        for (LocalDate q = FollowupRules.quarterStart(from).minusMonths(3); !q.isAfter(to); q = q.plusMonths(3)) {
            for (FollowUp f : repository.ofQuarter(FollowupRules.quarter(q))) {
                boolean reachedInPeriod = f.attempts().stream()
                        .anyMatch(
                                a -> a.outcome() == Outcome.REACHED && !a.at().isBefore(start) && a.at().isBefore(end));
                if (!reachedInPeriod) continue;
                calls++;
                for (Map.Entry<String, String> e : f.answers().entrySet()) {
                    String answer = e.getValue() == null ? "" : e.getValue().trim();
                    if (answer.isEmpty()) continue;
                    String key = answer.toLowerCase(Locale.ROOT);
                    byQuestion.computeIfAbsent(e.getKey(), k -> new LinkedHashMap<>())
                            .computeIfAbsent(key, k -> new int[1])[0]++;
                }
            }
        }
        List<Question> questions = new ArrayList<>();
        byQuestion.forEach((question, answers) -> {
            List<Answer> list = new ArrayList<>();
            int answered = 0;
            for (Map.Entry<String, int[]> a : answers.entrySet()) {
                list.add(new Answer(a.getKey(), a.getValue()[0]));
                answered += a.getValue()[0];
            }
            list.sort((x, y) ->
                    y.count() != x.count() ? y.count() - x.count() : x.answer().compareTo(y.answer()));
            questions.add(new Question(question, answered, list));
        });
        questions.sort((x, y) -> x.question().compareTo(y.question()));
        return new Report(from, to, calls, questions);
    }
}
