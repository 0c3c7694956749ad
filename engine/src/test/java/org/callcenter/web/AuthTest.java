package org.callcenter.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.callcenter.support.EngineTest;
import org.callcenter.support.TestEngine;
import org.callcenter.support.TestEngine.Response;
import org.junit.jupiter.api.Test;

class AuthTest extends EngineTest {

    @Test
    void everyApiCallNeedsASession() {
        for (String path : new String[] {
            "/api/v1/tickets/12345674",
            "/api/v1/customers?name=a",
            "/api/v1/callers/13800138000/history",
            "/api/v1/auth/me",
            "/api/v1/users"
        }) {
            Response r = engine.send("GET", path, null, null);
            assertThat(r.status()).as(path).isEqualTo(401);
            assertThat(r.header("WWW-Authenticate")).contains("Bearer");
        }
        assertThat(engine.send("GET", "/api/v1/auth/me", null, "forged-token-forged-token-forged")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void theFirstAdminUsesAdminPasswordAndWrongPasswordsAreRefused() {
        Response bad = engine.send(
                "POST",
                "/api/v1/auth/login",
                new JsonObject()
                        .put("username", "admin")
                        .put("password", "wrong-password")
                        .encode(),
                null);
        assertThat(bad.status()).isEqualTo(401);
        assertThat(bad.json().getString("message")).isEqualTo("wrong username or password");
        Response nobody = engine.send(
                "POST",
                "/api/v1/auth/login",
                new JsonObject()
                        .put("username", "nobody")
                        .put("password", "whatever-password")
                        .encode(),
                null);
        assertThat(nobody.status()).isEqualTo(401);
        String token = engine.adminToken();
        JsonObject me = engine.send("GET", "/api/v1/auth/me", null, token).json();
        assertThat(me.getString("username")).isEqualTo("admin");
        assertThat(me.getString("role")).isEqualTo("admin");
    }

    @Test
    void rolesLimitWhatUsersMayDoAndPasswordsAreNeverReturned() {
        Response created = engine.post(
                "/api/v1/users",
                new JsonObject()
                        .put("username", "agent.li")
                        .put("role", "agent")
                        .put("password", "agent-password-1"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("password");
        String agent = engine.login("agent.li", "agent-password-1");

        assertThat(engine.send("GET", "/api/v1/users", null, agent).status()).isEqualTo(403);
        assertThat(engine.send(
                                "POST",
                                "/api/v1/users",
                                new JsonObject()
                                        .put("username", "x1")
                                        .put("role", "admin")
                                        .put("password", "xxxxxxxxxxxx")
                                        .encode(),
                                agent)
                        .status())
                .isEqualTo(403);
        assertThat(engine.send("GET", "/api/v1/customers?name=a", null, agent).status())
                .isEqualTo(200);
        assertThat(engine.get("/api/v1/users").body()).doesNotContain("pbkdf2");

        Response dup = engine.post(
                "/api/v1/users",
                new JsonObject()
                        .put("username", "agent.li")
                        .put("role", "agent")
                        .put("password", "agent-password-1"));
        assertThat(dup.status()).isEqualTo(409);
        Response weak = engine.post(
                "/api/v1/users",
                new JsonObject()
                        .put("username", "agent.wu")
                        .put("role", "agent")
                        .put("password", "short"));
        assertThat(weak.status()).isEqualTo(400);
    }

    @Test
    void loggingOutEndsTheSession() {
        String token = engine.login("admin", TestEngine.ADMIN_PASSWORD);
        assertThat(engine.send("POST", "/api/v1/auth/logout", null, token).status())
                .isEqualTo(200);
        assertThat(engine.send("GET", "/api/v1/auth/me", null, token).status()).isEqualTo(401);
    }

    @Test
    void theLoginCookieWorksForBrowsers() {
        Response login = engine.send(
                "POST",
                "/api/v1/auth/login",
                new JsonObject()
                        .put("username", "admin")
                        .put("password", TestEngine.ADMIN_PASSWORD)
                        .encode(),
                null);
        String cookie = login.header("set-cookie").orElseThrow();
        assertThat(cookie)
                .contains("cc_session=")
                .containsIgnoringCase("HttpOnly")
                .contains("SameSite=Strict");
        Response me = engine.send("GET", "/api/v1/auth/me", null, null, "Cookie", cookie.split(";")[0]);
        assertThat(me.status()).isEqualTo(200);
    }
}
