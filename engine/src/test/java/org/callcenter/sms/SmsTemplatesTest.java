package org.callcenter.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SmsTemplatesTest {
    private static final Map<String, String> VALUES =
            Map.of("ticket", "000123", "technician", "Li Wei", "appointment", "2026-11-26 09:00-11:00");

    @Test
    void chineseCustomersGetChineseAndEveryoneElseEnglish() {
        assertThat(SmsTemplates.render(SmsTemplates.TECHNICIAN_ASSIGNED, "zh-CN", VALUES))
                .isEqualTo("服务单 000123：技术员 Li Wei 将于 2026-11-26 09:00-11:00 上门。");
        assertThat(SmsTemplates.render(SmsTemplates.TECHNICIAN_ASSIGNED, "en", VALUES))
                .isEqualTo("Request 000123: technician Li Wei will visit on 2026-11-26 09:00-11:00.");
        assertThat(SmsTemplates.render(SmsTemplates.REQUEST_RECEIVED, null, VALUES))
                .startsWith("We have");
        assertThat(SmsTemplates.render(SmsTemplates.REQUEST_RECEIVED, "de", VALUES))
                .startsWith("We have");
    }

    @Test
    void aMissingValueOrUnknownTemplateIsAnErrorNotAHole() {
        assertThatThrownBy(() -> SmsTemplates.render(SmsTemplates.RETURN_CALL_REMINDER, "en", VALUES))
                .hasMessageContaining("{time}");
        assertThatThrownBy(() -> SmsTemplates.render("nope", "en", VALUES)).hasMessageContaining("nope");
    }

    @Test
    void onlyTheRatingRequestIsStoppedByStop() {
        assertThat(SmsTemplates.essential(SmsTemplates.RATE_SERVICE)).isFalse();
        assertThat(SmsTemplates.essential(SmsTemplates.TECHNICIAN_ON_THE_WAY)).isTrue();
        assertThat(SmsTemplates.essential(SmsTemplates.SLA_BREACH)).isTrue();
    }
}
