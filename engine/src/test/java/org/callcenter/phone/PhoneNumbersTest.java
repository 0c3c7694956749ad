package org.callcenter.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {
    private final PhoneNumbers cn = new PhoneNumbers("CN");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "13800138000",
                "138 0013 8000",
                "138-0013-8000",
                "+86 138 0013 8000",
                "0086 13800138000",
                "+8613800138000",
                " (+86) 138.0013.8000 "
            })
    void everyCommonFormatOfAMobileGivesOneE164(String raw) {
        assertThat(cn.normalize(raw)).isEqualTo("+8613800138000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"02166668888", "021-6666-8888", "(021) 6666 8888", "+86 21 6666 8888"})
    void landlinesWithAreaCodeToo(String raw) {
        assertThat(cn.normalize(raw)).isEqualTo("+862166668888");
    }

    @Test
    void foreignNumbersKeepTheirCountry() {
        assertThat(cn.normalize("+49 30 12345678")).isEqualTo("+493012345678");
        assertThat(new PhoneNumbers("DE").normalize("030 12345678")).isEqualTo("+493012345678");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "hello", "12", "+", "{\"$ne\": null}", "1234567890123456789012345"})
    void unreadableNumbersAreRefusedWithAReason(String raw) {
        assertThatThrownBy(() -> cn.normalize(raw)).isInstanceOf(InvalidPhoneNumberException.class);
    }

    @Test
    void overlongInputIsRefusedBeforeParsing() {
        assertThatThrownBy(() -> cn.normalize("1".repeat(5000)))
                .isInstanceOf(InvalidPhoneNumberException.class)
                .hasMessageContaining("too long");
    }

    @Test
    void errorMessagesDoNotRevealTheNumber() {
        assertThatThrownBy(() -> cn.normalize("99999999999999999999"))
                .isInstanceOf(InvalidPhoneNumberException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("99999999999999999999"));
    }

    @Test
    void masksKeepOnlyTheEnds() {
        assertThat(PhoneNumbers.mask("+8613800138000")).isEqualTo("+8613*******00");
        assertThat(PhoneNumbers.maskDigitsIn("GET /api/v1/callers/+8613800138000/history"))
                .isEqualTo("GET /api/v1/callers/+8613*******00/history");
    }

    @Test
    void unknownDefaultRegionIsAConfigurationError() {
        assertThatThrownBy(() -> new PhoneNumbers("XX")).isInstanceOf(IllegalArgumentException.class);
    }
}
