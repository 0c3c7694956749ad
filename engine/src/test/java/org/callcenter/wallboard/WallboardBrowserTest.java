package org.callcenter.wallboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.callcenter.sla.ClockName;
import org.callcenter.support.TestEngine;
import org.callcenter.support.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The wallboard in real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright): a
 * supervisor signs in, events arrive on the engine's bus as their domains publish them, and the
 * page shows each one without a reload. Screenshot: engine/target/screenshots/wallboard.png.
 */
class WallboardBrowserTest {
    static final Path SHOTS = Path.of("target", "screenshots");
    static TestEngine engine;

    @BeforeAll
    static void start() {
        org.callcenter.support.Chromium.assumeInstalled();
        engine = TestEngine.start(TestRedis.tempDir("mongo"), Map.of());
        engine.post(
                "/api/v1/users",
                new JsonObject()
                        .put("username", "wu-sup")
                        .put("displayName", "Wu Min")
                        .put("role", "supervisor")
                        .put("password", "supervisor-password-2"));
        engine.engine()
                .wallboard()
                .seeded()
                .toCompletionStage()
                .toCompletableFuture()
                .join();
    }

    @AfterAll
    static void stop() {
        if (engine != null) engine.close();
    }

    @Test
    void aSupervisorSeesCallsBreachesSmsFailuresAndKeyWarningsArriveLive() throws Exception {
        Files.createDirectories(SHOTS);
        WallboardFeed feed = new WallboardFeed(engine.engine().vertx());
        try (Playwright playwright = Playwright.create();
                Browser browser = org.callcenter.support.Chromium.launch(playwright)) {
            Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1600, 900));
            page.navigate(engine.base() + "/wallboard");
            page.fill("#login-user", "wu-sup");
            page.fill("#login-pass", "supervisor-password-2");
            page.click("#login-form button[type=submit]");
            assertThat(page.locator("#link-state")).hasText("● live");
            assertThat(page.locator("#calls-waiting")).hasText("0");

            feed.callOffered("1732500000.41", "+8613911112222");
            assertThat(page.locator("#calls-waiting")).hasText("1");
            assertThat(page.locator("#waiting")).containsText("+8613*******22");

            feed.warned("20261125", ClockName.RESOLVE, Instant.now().plusSeconds(1800));
            feed.breached("20261133", ClockName.FEEDBACK, Instant.now().minusSeconds(60));
            assertThat(page.locator("#clocks-breached")).hasText("1");
            assertThat(page.locator("#breached")).containsText("#20261133");
            assertThat(page.locator("#breached")).containsText("feedback");
            assertThat(page.locator("#at-risk")).containsText("#20261125");

            feed.smsFailed("visit-confirm:77", "visit_confirmation", 30003);
            assertThat(page.locator("#sms-failed")).hasText("1");
            assertThat(page.locator("#sms")).containsText("visit_confirmation");

            feed.keyWarning("Grease pump GP-200", "seal leak", 5);
            assertThat(page.locator("#warnings")).containsText("Grease pump GP-200");
            assertThat(page.locator("#warnings")).containsText("5 (was 1)");

            feed.callAnswered(
                    "1732500000.41",
                    "+8613911112222",
                    "wallboard-agent-7"); // not another test's agent: presence lives in the shared Redis
            assertThat(page.locator("#calls-waiting")).hasText("0");
            assertThat(page.locator("#calls-active")).hasText("1");
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(SHOTS.resolve("wallboard.png"))
                    .setFullPage(true));
        }
    }

    @Test
    void anAgentIsNotShownTheBoard() throws Exception {
        engine.post(
                "/api/v1/users",
                new JsonObject()
                        .put("username", "he-agent")
                        .put("role", "agent")
                        .put("password", "agent-password-9"));
        try (Playwright playwright = Playwright.create();
                Browser browser = org.callcenter.support.Chromium.launch(playwright)) {
            Page page = browser.newPage();
            page.navigate(engine.base() + "/wallboard/");
            page.fill("#login-user", "he-agent");
            page.fill("#login-pass", "agent-password-9");
            page.click("#login-form button[type=submit]");
            assertThat(page.locator("#login-error")).hasText("The wallboard is for supervisors.");
            assertThat(page.locator("#board")).isHidden();
        }
    }
}
