package org.callcenter.telephony.agi;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One reply of Asterisk to an AGI command: {@code 200 result=<n> [(data)] [endpos=<n>]}, or an error
 * code (510 unknown command, 520 usage). {@code result} is the text after {@code result=} up to the
 * first space (digits for GET DATA, -1 on failure, empty on a bare timeout).
 */
public record AgiReply(int code, String result, String data, Long endpos, String raw) {
    private static final Pattern OK =
            Pattern.compile("^200 result=(\\S*)(?:\\s+\\((.*?)\\))?(?:\\s+endpos=(-?\\d+))?.*$");

    /** True when {@code GET DATA} / {@code WAIT FOR DIGIT} ended because the caller pressed nothing more. */
    public boolean timeout() {
        return "timeout".equals(data);
    }

    public boolean ok() {
        return code == 200;
    }

    /** The numeric result; {@code fallback} when it is empty or not a number. */
    public int resultInt(int fallback) {
        try {
            return Integer.parseInt(result);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** Parses a single-line reply; throws {@link AgiProtocolException} on anything else. */
    static AgiReply parse(String line) {
        if (line.length() < 3 || !Character.isDigit(line.charAt(0)))
            throw new AgiProtocolException("not an AGI reply: '" + AgiConnection.clip(line) + "'");
        int code;
        try {
            code = Integer.parseInt(line.substring(0, 3));
        } catch (NumberFormatException e) {
            throw new AgiProtocolException("not an AGI reply: '" + AgiConnection.clip(line) + "'");
        }
        if (code != 200) return new AgiReply(code, "", line.length() > 4 ? line.substring(4) : "", null, line);
        Matcher m = OK.matcher(line);
        if (!m.matches()) throw new AgiProtocolException("malformed 200 reply: '" + AgiConnection.clip(line) + "'");
        Long endpos = m.group(3) == null ? null : Long.parseLong(m.group(3));
        return new AgiReply(200, m.group(1), m.group(2), endpos, line);
    }
}
