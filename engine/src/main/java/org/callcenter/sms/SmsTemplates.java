package org.callcenter.sms;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shipped SMS texts, English and Chinese, chosen by the customer's language (a tag such as
 * {@code zh} or {@code zh-CN}; anything else gets English). Placeholders are {@code {name}}; a
 * missing value is an error, never an SMS with a hole in it.
 */
public final class SmsTemplates {
    public static final String REQUEST_RECEIVED = "request_received";
    public static final String TECHNICIAN_ASSIGNED = "technician_assigned";
    public static final String TECHNICIAN_ON_THE_WAY = "technician_on_the_way";
    public static final String TECHNICIAN_ARRIVED = "technician_arrived";
    public static final String VISIT_CONSENT = "visit_consent";
    public static final String RATE_SERVICE = "rate_service";
    public static final String RETURN_CALL_REMINDER = "return_call_reminder";
    public static final String SLA_BREACH = "sla_breach";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

    private static final Map<String, String> EN = Map.of(
            REQUEST_RECEIVED, "We have your service request {ticket}. We will keep you informed by SMS.",
            TECHNICIAN_ASSIGNED, "Request {ticket}: technician {technician} will visit on {appointment}.",
            TECHNICIAN_ON_THE_WAY, "Request {ticket}: technician {technician} is on the way.",
            TECHNICIAN_ARRIVED,
                    "Request {ticket}: technician {technician} has arrived. When the work is done, reply YES to confirm the visit is complete.",
            VISIT_CONSENT, "Request {ticket}: reply YES to confirm the visit is complete.",
            RATE_SERVICE, "Request {ticket}: how was our service? Reply 1 (poor) to 5 (excellent).",
            RETURN_CALL_REMINDER, "Request {ticket}: we will call you back by {time}.",
            SLA_BREACH, "SLA breach: request {ticket}, clock {clock}.");

    private static final Map<String, String> ZH = Map.of(
            REQUEST_RECEIVED, "您的服务请求 {ticket} 已受理，我们将通过短信通知您进展。",
            TECHNICIAN_ASSIGNED, "服务单 {ticket}：技术员 {technician} 将于 {appointment} 上门。",
            TECHNICIAN_ON_THE_WAY, "服务单 {ticket}：技术员 {technician} 正在前往。",
            TECHNICIAN_ARRIVED, "服务单 {ticket}：技术员 {technician} 已到达。服务完成后，请回复 YES 确认。",
            VISIT_CONSENT, "服务单 {ticket}：如确认上门服务已完成，请回复 YES。",
            RATE_SERVICE, "服务单 {ticket}：请为本次服务评分，回复 1（差）至 5（很好）。",
            RETURN_CALL_REMINDER, "服务单 {ticket}：我们将在 {time} 前给您回电。",
            SLA_BREACH, "SLA 超时：服务单 {ticket}，时钟 {clock}。");

    private SmsTemplates() {}

    /** Messages about a customer's open request; STOP does not stop these. */
    public static boolean essential(String template) {
        return !RATE_SERVICE.equals(template);
    }

    public static String render(String template, String language, Map<String, String> values) {
        Map<String, String> texts = chinese(language) ? ZH : EN;
        String text = texts.get(template);
        if (text == null) throw new IllegalArgumentException("no SMS template " + template);
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) throw new IllegalArgumentException(template + " needs {" + m.group(1) + "}");
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static boolean chinese(String language) {
        return language != null && language.toLowerCase(Locale.ROOT).startsWith("zh");
    }
}
