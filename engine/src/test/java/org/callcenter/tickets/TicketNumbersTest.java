package org.callcenter.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TicketNumbersTest {
    private final TicketNumbers numbers = new TicketNumbers(8);

    @Test
    void numbersAreDigitsOfTheConfiguredLengthWithAValidCheckDigit() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String n = numbers.next();
            assertThat(n).matches("[1-9][0-9]{7}");
            assertThat(numbers.valid(n)).isTrue();
            seen.add(n);
        }
        assertThat(seen).hasSizeGreaterThan(9_900);
    }

    @Test
    void aSingleMistypedDigitOrASwapIsDetected() {
        String n = numbers.next();
        for (int i = 0; i < n.length(); i++) {
            char[] typo = n.toCharArray();
            typo[i] = (char) ('0' + (typo[i] - '0' + 1) % 10);
            assertThat(numbers.valid(new String(typo))).as("typo at %d", i).isFalse();
        }
    }

    @Test
    void luhnCheckDigitMatchesTheStandardExample() {
        assertThat(TicketNumbers.checkDigit("7992739871")).isEqualTo('3');
    }

    @Test
    void wrongLengthOrNonDigitsAreInvalid() {
        assertThat(numbers.valid(null)).isFalse();
        assertThat(numbers.valid("1234567")).isFalse();
        assertThat(numbers.valid("123456789")).isFalse();
        assertThat(numbers.valid("1234567a")).isFalse();
        assertThat(numbers.valid("{\"$ne\":1}")).isFalse();
    }
}
