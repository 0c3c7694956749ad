package org.callcenter.users;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(1000);

    @Test
    void aHashMatchesItsPasswordOnlyAndIsSalted() {
        String a = hasher.hash("correct horse battery");
        assertThat(a).startsWith("pbkdf2-sha256$1000$").doesNotContain("correct");
        assertThat(hasher.matches("correct horse battery", a)).isTrue();
        assertThat(hasher.matches("correct horse batterY", a)).isFalse();
        assertThat(hasher.hash("correct horse battery")).isNotEqualTo(a);
    }

    @Test
    void malformedStoredHashesNeverMatch() {
        assertThat(hasher.matches("x", "plain-text")).isFalse();
        assertThat(hasher.matches("x", "md5$1$a$b")).isFalse();
    }
}
