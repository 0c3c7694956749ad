package org.callcenter.ivr;

import java.util.List;

/** A script that does not load; the message lists every problem as "file:line: node 'x': what". */
public final class ScriptException extends RuntimeException {
    private final List<String> problems;

    public ScriptException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
