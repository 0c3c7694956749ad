package org.callcenter.calls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InterfacesTest {
    @Test
    void memberInterfacesAndChannelsMeetInOneName() {
        assertThat(Interfaces.ofMember("Local/101@queue-agents/n")).isEqualTo("Local/101@queue-agents");
        assertThat(Interfaces.ofChannel("Local/101@queue-agents-00000006;1")).isEqualTo("Local/101@queue-agents");
        assertThat(Interfaces.ofMember("pjsip/1001")).isEqualTo("PJSIP/1001");
        assertThat(Interfaces.ofChannel("PJSIP/1001-0000000a")).isEqualTo("PJSIP/1001");
        assertThat(Interfaces.ofChannel("PJSIP/trunk-cn")).isEqualTo("PJSIP/trunk-cn");
        assertThat(Interfaces.ofChannel(null)).isNull();
    }
}
