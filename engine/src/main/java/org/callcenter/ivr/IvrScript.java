package org.callcenter.ivr;

import java.util.Map;

/** A loaded, validated script: where it starts and its nodes by id. */
public record IvrScript(String name, String file, String start, Map<String, ScriptNode> nodes) {
    public ScriptNode node(String id) {
        return nodes.get(id);
    }

    /** Whether any node is of this type. */
    public boolean uses(NodeType type) {
        return nodes.values().stream().anyMatch(n -> n.type() == type);
    }
}
