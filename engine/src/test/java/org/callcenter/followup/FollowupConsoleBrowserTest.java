package org.callcenter.followup;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.callcenter.support.Agents;
import org.callcenter.support.MutableClock;
import org.callcenter.support.TestAmi;
import org.callcenter.support.TestEngine;
import org.callcenter.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Return calls in the agent console, in real headless Chromium: sign in, the shared list shows the
 * planned follow-up with its reasons, click to call (the AMI simulator sees the Originate to the
 * agent's phone), record the outcome with an answer, and the follow-up leaves the list.
 */
class FollowupConsoleBrowserTest {
    static final Path SHOTS = Path.of("target", "screenshots");
    static final MutableClock clock = new MutableClock(LocalDateTime.parse("2026-03-09T10:00")
            .atZone(ZoneId.of("Asia/Shanghai"))
            .toInstant());
    static TestAmi ami;
    static TestEngine engine;

    @BeforeAll
    static void start() {
        org.callcenter.support.Chromium.assumeInstalled();
        ami = new TestAmi();
        Map<String, String> env = new HashMap<>(ami.env());
        env.put("AUTH_TOKEN_TTL_HOURS", "100000");
        engine = TestEngine.start(TestRedis.tempDir("followup-console"), env, clock);
        await().atMost(Duration.ofSeconds(15)).until(() -> ami.server.sessions() == 1);
        Agents.agent(engine, "zhao301", "PJSIP/301");
    }

    @AfterAll
    static void stop() {
        if (engine != null) engine.close();
        if (ami != null) ami.close();
    }

    @Test
    void anAgentCallsAFollowUpFromTheListAndRecordsTheOutcome() throws Exception {
        String phone = "13644440001";
        String customer = engine.post(
                        "/api/v1/customers",
                        new JsonObject().put("name", "Suzhou Valve Co").put("phones", new JsonArray().add(phone)))
                .json()
                .getString("id");
        engine.post(
                "/api/v1/customers/" + customer + "/installations",
                new JsonObject().put("product", "Valve V-10").put("installedOn", "2026-03-02"));
        assertThat(engine.post("/api/v1/followups/plan", new JsonObject()).status())
                .isEqualTo(200);
        String id = customer + ":2026-Q1";
        Files.createDirectories(SHOTS);

        try (Playwright playwright = Playwright.create();
                Browser browser = org.callcenter.support.Chromium.launch(playwright)) {
            Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1366, 900));
            page.navigate(engine.base() + "/agent/");
            page.fill("#login-user", "zhao301");
            page.fill("#login-pass", Agents.PASSWORD);
            page.click("#login-form button[type=submit]");
            String item = "#fu-shared li.fu[data-id='" + id + "']";
            assertThat(page.locator(item)).containsText("Suzhou Valve Co");
            assertThat(page.locator(item)).containsText("First installation");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("followup-list.png")));

            page.click(item + " .fu-call");
            assertThat(page.locator("#fu-outcome")).isVisible();
            assertThat(page.locator("#fu-questions")).containsText("Are you familiar with the product?");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> ami.server.originated.stream().anyMatch(a -> "PJSIP/301".equals(a.get("channel"))));
            Map<String, String> sent = ami.server.originated.stream()
                    .filter(a -> "PJSIP/301".equals(a.get("channel")))
                    .findFirst()
                    .orElseThrow();
            assertThat(sent.get("exten")).isEqualTo("+86" + phone);
            // the agent claimed it by calling: it moved to their own list
            assertThat(page.locator("#fu-mine li.fu[data-id='" + id + "']")).isVisible();

            page.fill("#fu-q0", "yes, we use it daily");
            page.selectOption("#fu-outcome-select", "reached");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("followup-outcome.png")));
            page.click("#fu-save");
            assertThat(page.locator("#toast")).containsText("Saved: Reached");
            assertThat(page.locator("li.fu[data-id='" + id + "']")).hasCount(0);
            assertThat(page.locator("#fu-outcome")).isHidden();

            JsonObject f = engine.get("/api/v1/followups/" + id).json();
            assertThat(f.getString("status")).isEqualTo("done");
            assertThat(f.getJsonObject("answers").getString("Are you familiar with the product?"))
                    .isEqualTo("yes, we use it daily");
            assertThat(f.getJsonArray("attempts").getJsonObject(0).getString("agent"))
                    .isEqualTo("zhao301");

            page.click("#fu-coverage summary");
            assertThat(page.locator("#fu-coverage-body")).containsText("Visits without a return visit: 0");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("followup-done.png")));
        }
    }
}
