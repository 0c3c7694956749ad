package org.callcenter.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;

/**
 * Phone numbers in any common format ("138 0013 8000", "+86-138-0013-8000", "0086 13800138000",
 * "(021) 6666-8888") become one E.164 string, so they find the same customer. Numbers without a
 * country code are read in the configured default region.
 */
public final class PhoneNumbers {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final int MAX_INPUT = 64;

    private final String defaultRegion;

    public PhoneNumbers(String defaultRegion) {
        String region = defaultRegion.toUpperCase(Locale.ROOT);
        if (!UTIL.getSupportedRegions().contains(region))
            throw new IllegalArgumentException(
                    "phone.default_region '" + defaultRegion + "' is not a supported region");
        this.defaultRegion = region;
    }

    /** E.164 form, or {@link InvalidPhoneNumberException} saying why not. */
    public String normalize(String raw) {
        if (raw == null || raw.isBlank()) throw new InvalidPhoneNumberException("phone number is empty");
        if (raw.length() > MAX_INPUT) throw new InvalidPhoneNumberException("phone number is too long");
        String input = raw.strip();
        if (input.startsWith("00")) input = "+" + input.substring(2);
        try {
            PhoneNumber number = UTIL.parse(input, defaultRegion);
            if (!UTIL.isPossibleNumber(number))
                throw new InvalidPhoneNumberException("'" + mask(raw) + "' is not a possible phone number");
            return UTIL.format(number, PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw new InvalidPhoneNumberException("'" + mask(raw) + "' is not a phone number: " + e.getMessage());
        }
    }

    /**
     * Masks a phone number for logs and error messages: keeps the first 4 and last 2 digits,
     * "+8613800138000" → "+8613*******00". Confidentiality rule (SERVICE-RULES §8).
     */
    public static String mask(String phone) {
        if (phone == null) return "null";
        StringBuilder out = new StringBuilder(phone.length());
        int digits = (int) phone.chars().filter(Character::isDigit).count();
        int seen = 0;
        for (char c : phone.toCharArray()) {
            if (Character.isDigit(c)) {
                seen++;
                out.append(seen <= 4 || seen > digits - 2 ? c : '*');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Masks every run of 5 or more digits inside free text (log lines, request paths). */
    public static String maskDigitsIn(String text) {
        if (text == null) return null;
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("\\+?\\d[\\d \\-()]{4,}\\d").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(mask(m.group())));
        m.appendTail(out);
        return out.toString();
    }
}
