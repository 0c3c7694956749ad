package org.callcenter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    @Test
    void defaultsComeFromTheOneDefaultsFile() {
        AppConfig c = ConfigLoader.load(Optional.empty(), Map.of());
        assertThat(c.http().port()).isEqualTo(8080);
        assertThat(c.http().maxBodyBytes()).isEqualTo(65536);
        assertThat(c.mongo().embedded()).isTrue();
        assertThat(c.redis().embedded()).isTrue();
        assertThat(c.agi().port()).isEqualTo(4573);
        assertThat(c.ami().port()).isEqualTo(5038);
        assertThat(c.customers().warrantyMonths()).isEqualTo(12);
    }

    @Test
    void theFileOverridesDefaultsAndTheEnvironmentOverridesTheFile() throws IOException {
        Path file = dir.resolve("cc.yaml");
        Files.writeString(file, "http:\n  port: 9000\nphone:\n  default_region: DE\nami:\n  host: pbx.local\n");
        AppConfig c = ConfigLoader.load(Optional.of(file), Map.of("HTTP_PORT", "9100", "REDIS_URL", "redis://r:6379"));
        assertThat(c.http().port()).isEqualTo(9100);
        assertThat(c.phone().defaultRegion()).isEqualTo("DE");
        assertThat(c.ami().host()).isEqualTo("pbx.local");
        assertThat(c.redis().url()).isEqualTo("redis://r:6379");
        assertThat(c.redis().embedded()).isFalse();
    }

    @Test
    void contractEnvironmentNamesAreTheDocumentedOnes() {
        AppConfig c = ConfigLoader.load(
                Optional.empty(),
                Map.of(
                        "MONGODB_URI", "mongodb://m:27017/cc",
                        "ADMIN_PASSWORD", "s3cret-password",
                        "TWILIO_API_BASE", "http://127.0.0.1:4010",
                        "PUBLIC_BASE_URL", "https://cc.example.com",
                        "AGI_PORT", "4600",
                        "AMI_SECRET", "x"));
        assertThat(c.mongo().uri()).isEqualTo("mongodb://m:27017/cc");
        assertThat(c.auth().adminPassword()).isEqualTo("s3cret-password");
        assertThat(c.twilio().apiBase()).isEqualTo("http://127.0.0.1:4010");
        assertThat(c.publicBaseUrl()).isEqualTo("https://cc.example.com");
        assertThat(c.agi().port()).isEqualTo(4600);
        assertThat(c.ami().secret()).isEqualTo("x");
    }

    @Test
    void anUnknownKeyInTheFileIsNamed() throws IOException {
        Path file = dir.resolve("typo.yaml");
        Files.writeString(file, "http:\n  prot: 9000\n");
        assertThatThrownBy(() -> ConfigLoader.load(Optional.of(file), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("http.prot");
    }

    @Test
    void aBadNumberNamesTheKeyAndItsEnvironmentVariable() {
        assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("HTTP_PORT", "eighty")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("http.port")
                .hasMessageContaining("HTTP_PORT");
        assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("TIME_ZONE", "Mars/Olympus")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("time.zone");
    }
}
