package org.callcenter.screenpop;

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
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.callcenter.support.Agents;
import org.callcenter.support.TestAmi;
import org.callcenter.support.TestEngine;
import org.callcenter.support.TestRedis;
import org.callcenter.telephony.Telephony;
import org.callcenter.telephony.sim.CallScript;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The agent console in real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright):
 * sign in, a simulated call rings the agent, the pop shows the right customer and warranty, the
 * call is answered and ends, and the wrap-up creates a service request with the call attached.
 * Screenshots land in engine/target/screenshots/.
 */
class AgentConsoleBrowserTest {
    static final Path SHOTS = Path.of("target", "screenshots");
    static TestAmi ami;
    static TestEngine engine;

    @BeforeAll
    static void start() {
        org.callcenter.support.Chromium.assumeInstalled();
        ami = new TestAmi();
        engine = TestEngine.start(TestRedis.tempDir("mongo"), ami.env());
        await().atMost(Duration.ofSeconds(15)).until(() -> ami.server.sessions() == 1);
        Agents.agent(engine, "wang101", "Local/101@queue-agents/n");
    }

    @AfterAll
    static void stop() {
        if (engine != null) engine.close();
        if (ami != null) ami.close();
    }

    @Test
    void aCallPopsWithTheCustomerAndTheWrapUpCreatesARequest() throws Exception {
        String phone = "13611112222";
        String id = engine.post(
                        "/api/v1/customers",
                        new JsonObject()
                                .put("name", "Hangzhou Gear Works")
                                .put("phones", new JsonArray().add(phone))
                                .put(
                                        "contacts",
                                        new JsonArray()
                                                .add(new JsonObject()
                                                        .put("name", "Chen Jie")
                                                        .put("role", "plant engineer")))
                                .put("region", "neighbouring"))
                .json()
                .getString("id");
        engine.post(
                "/api/v1/customers/" + id + "/installations",
                new JsonObject()
                        .put("product", "Grease pump GP-200")
                        .put("serial", "GP2-0042")
                        .put("installedOn", LocalDate.now().minusMonths(3).toString()));
        engine.post(
                "/api/v1/tickets",
                new JsonObject()
                        .put("phone", phone)
                        .put("category", "noise")
                        .put("description", "pump squeals at start"));
        Files.createDirectories(SHOTS);

        try (Playwright playwright = Playwright.create();
                Browser browser = org.callcenter.support.Chromium.launch(playwright)) {
            Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1366, 768));
            page.navigate(engine.base() + "/agent/");
            page.fill("#login-user", "wang101");
            page.fill("#login-pass", Agents.PASSWORD);
            page.click("#login-form button[type=submit]");
            assertThat(page.locator("#idle")).isVisible();
            assertThat(page.locator("#agent-iface")).hasText("Local/101@queue-agents");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> engine.send("GET", "/api/v1/agents/me", null, engine.login("wang101", Agents.PASSWORD))
                            .json()
                            .getJsonObject("presence")
                            .getString("state")
                            .equals("available"));

            CallScript call = new CallScript(
                    new CallScript.Ids(Instant.now().getEpochSecond()),
                    "support",
                    phone,
                    "Chen Jie",
                    List.<String[]>of(Telephony.DEMO_MEMBERS.get(0)));
            call.ring(Instant.now()).forEach(ami.server::emit);
            assertThat(page.locator("#call-state")).containsText("Ringing");
            assertThat(page.locator("#caller-name")).hasText("Hangzhou Gear Works");
            assertThat(page.locator("#customer")).containsText("in warranty");
            assertThat(page.locator("#customer")).containsText("pump squeals at start");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("agent-console-pop.png")));

            call.answer(Instant.now(), 0).forEach(ami.server::emit);
            assertThat(page.locator("#call-state")).containsText("On call");
            call.hangup(Instant.now(), 0).forEach(ami.server::emit);
            assertThat(page.locator("#wrapup")).isVisible();
            page.fill("#wr-category", "leak");
            page.fill("#wr-description", "grease leaking at the outlet fitting");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("agent-console-wrapup.png")));
            page.click("#wrap-submit");
            assertThat(page.locator("#toast")).containsText("Saved: request");
            assertThat(page.locator("#recent")).containsText("answered");

            JsonObject record = engine.get("/api/v1/calls/" + call.linkedId()).json();
            String number = record.getString("ticketNumber");
            assertThat(number).isNotBlank();
            JsonObject ticket = engine.get("/api/v1/tickets/" + number).json();
            assertThat(ticket.getString("description")).isEqualTo("grease leaking at the outlet fitting");
            assertThat(ticket.getString("customerId")).isEqualTo(id);
            assertThat(ticket.encode()).contains("phone call " + call.linkedId());
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("agent-console-done.png")));
        }
    }
}
