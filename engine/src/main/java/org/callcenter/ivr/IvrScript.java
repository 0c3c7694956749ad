package org.callcenter.ivr;

import java.util.Map;

/** A loaded, validated script: where it starts and its nodes by id. */
public record IvrScript(String name, String file, String start, Map<String, ScriptNode> nodes) {
    public ScriptNode node(String id) {
        return nodes.get(id);
    }
}
