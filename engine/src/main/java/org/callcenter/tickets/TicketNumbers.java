package org.callcenter.tickets;

import java.security.SecureRandom;

/**
 * Ticket numbers: {@code digits - 1} random digits (first one non-zero) and a Luhn check digit, so
 * the IVR and agents can reject a mistyped number before looking it up, and numbers cannot be
 * guessed from one another.
 */
public final class TicketNumbers {
    private final SecureRandom random = new SecureRandom();
    private final int digits;

    public TicketNumbers(int digits) {
        this.digits = digits;
    }

    /** How many digits a ticket number has (check digit included). */
    public int digits() {
        return digits;
    }

    public String next() {
        StringBuilder sb = new StringBuilder(digits);
        sb.append((char) ('1' + random.nextInt(9)));
        for (int i = 1; i < digits - 1; i++) sb.append((char) ('0' + random.nextInt(10)));
        return sb.append(checkDigit(sb)).toString();
    }

    /** True for a string of the configured length whose last digit is its Luhn check digit. */
    public boolean valid(String number) {
        if (number == null || number.length() != digits || !number.chars().allMatch(Character::isDigit)) return false;
        return checkDigit(number.substring(0, digits - 1)) == number.charAt(digits - 1);
    }

    static char checkDigit(CharSequence payload) {
        int sum = 0;
        boolean twice = true;
        for (int i = payload.length() - 1; i >= 0; i--) {
            int d = payload.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
            twice = !twice;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }
}
