package org.callcenter.support;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Creates agent users with a phone interface through the API, and logs them in. */
public final class Agents {
    public static final String PASSWORD = "agent-password-1";

    private Agents() {}

    /** Creates (if needed) user {@code username} as an agent on {@code iface}; returns a session token. */
    public static String agent(TestEngine engine, String username, String iface) {
        engine.post(
                "/api/v1/users",
                new JsonObject()
                        .put("username", username)
                        .put("displayName", username)
                        .put("role", "agent")
                        .put("password", PASSWORD));
        TestEngine.Response r = engine.put(
                "/api/v1/agents/" + username,
                new JsonObject().put("interface", iface).put("queues", new JsonArray().add("support")));
        if (r.status() != 200) throw new AssertionError("agent registration failed: " + r);
        return engine.login(username, PASSWORD);
    }
}
