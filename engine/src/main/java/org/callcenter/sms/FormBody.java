package org.callcenter.sms;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Twilio webhook body ({@code application/x-www-form-urlencoded}) decoded strictly: bytes that are
 * not UTF-8 (raw or percent-encoded), broken escapes and repeated fields are refused, not guessed at.
 */
final class FormBody {
    static final class BadForm extends Exception {
        BadForm(String message) {
            super(message);
        }
    }

    private FormBody() {}

    static Map<String, String> parse(byte[] raw) throws BadForm {
        String text = utf8(raw);
        Map<String, String> out = new LinkedHashMap<>();
        if (text.isEmpty()) return out;
        for (String pair : text.split("&", -1)) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (out.putIfAbsent(name, value) != null) throw new BadForm("field " + name + " given twice");
        }
        return out;
    }

    private static String decode(String s) throws BadForm {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                if (i + 2 >= s.length()) throw new BadForm("broken %-escape");
                int hi = Character.digit(s.charAt(i + 1), 16), lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) throw new BadForm("broken %-escape");
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                int cp = s.codePointAt(i);
                byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
                i += Character.charCount(cp) - 1;
            }
        }
        return utf8(bytes.toByteArray());
    }

    private static String utf8(byte[] raw) throws BadForm {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new BadForm("not UTF-8");
        }
    }
}
