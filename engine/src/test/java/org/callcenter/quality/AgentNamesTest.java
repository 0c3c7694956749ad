package org.callcenter.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How a survey's agent (username or an interface in the forms Asterisk gives) maps to a username. */
class AgentNamesTest {
    final AgentNames names = new AgentNames(List.of(
            new ReportRepository.AgentFacts("alice", "PJSIP/1101"),
            new ReportRepository.AgentFacts("bob", "Local/102@queue-agents/n"),
            new ReportRepository.AgentFacts("carol", null)));

    @Test
    void interfacesInEveryFormNameTheAgent() {
        assertThat(names.resolve("PJSIP/1101")).isEqualTo("alice");
        assertThat(names.resolve("pjsip/1101")).isEqualTo("alice");
        assertThat(names.resolve("PJSIP/1101-0000002a")).isEqualTo("alice");
        assertThat(names.resolve("Local/102@queue-agents/n")).isEqualTo("bob");
        assertThat(names.resolve("Local/102@queue-agents")).isEqualTo("bob");
        assertThat(names.resolve("Local/102@queue-agents-0000001f;1")).isEqualTo("bob");
    }

    @Test
    void usernamesStayAndStrangersAreKeptAsTheyCame() {
        assertThat(names.resolve("alice")).isEqualTo("alice");
        assertThat(names.resolve("Carol")).isEqualTo("carol");
        assertThat(names.resolve("PJSIP/1999")).isEqualTo("PJSIP/1999");
        assertThat(names.resolve(" ")).isNull();
        assertThat(names.resolve(null)).isNull();
    }
}
