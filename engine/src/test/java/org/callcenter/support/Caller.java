package org.callcenter.support;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A simulated caller on top of {@link FakeAsterisk}: answers every command as Asterisk would,
 * presses the queued keys when asked for digits ({@code ""} = presses nothing: a timeout), keeps the
 * channel variables the script sets, and can hang up at the N-th command.
 */
public final class Caller {
    private final FakeAsterisk agi;
    private final Deque<String> keys = new ArrayDeque<>();
    private final Map<String, String> variables = new HashMap<>();
    private final List<String> commands = new ArrayList<>();
    private int hangupAt = -1;

    public Caller(FakeAsterisk agi, Map<String, String> channelVariables) {
        this.agi = agi;
        variables.putAll(channelVariables);
    }

    public Caller press(String... inputs) {
        keys.addAll(List.of(inputs));
        return this;
    }

    /** Sends HANGUP instead of answering the n-th command (1-based); Asterisk then answers it with 511. */
    public Caller hangupAt(int n) {
        this.hangupAt = n;
        return this;
    }

    /** Plays the call until the server closes the socket; returns the commands it sent. */
    public List<String> run() {
        for (String cmd = agi.next(); cmd != null; cmd = agi.next()) {
            commands.add(cmd);
            if (commands.size() == hangupAt) {
                agi.send("HANGUP");
                agi.send("511 Command Not Permitted on a dead channel or intercept routine");
                continue;
            }
            if (commands.size() > 500) throw new AssertionError("runaway script: " + commands.subList(0, 40));
            agi.send(reply(cmd));
        }
        agi.close();
        return commands;
    }

    private String reply(String cmd) {
        String[] w = cmd.split(" ");
        String verb = w[0] + (w.length > 1 ? " " + w[1] : "");
        switch (verb) {
            case "STREAM FILE", "CONTROL STREAM":
                return "200 result=0 endpos=8000";
            case "GET DATA": {
                String k = keys.poll();
                if (k == null || k.isEmpty()) return "200 result= (timeout)";
                return "200 result=" + k;
            }
            case "WAIT FOR":
                String k = keys.poll();
                return k == null || k.isEmpty() ? "200 result=0" : "200 result=" + (int) k.charAt(0);
            case "SET VARIABLE": {
                String rest = cmd.substring("SET VARIABLE ".length());
                int sp = rest.indexOf(' ');
                String value = rest.substring(sp + 1);
                if (value.startsWith("\"") && value.endsWith("\"")) value = value.substring(1, value.length() - 1);
                variables.put(rest.substring(0, sp), value);
                return "200 result=1";
            }
            case "GET VARIABLE": {
                String v = variables.get(w[2]);
                return v == null ? "200 result=0" : "200 result=1 (" + v + ")";
            }
            case "HANGUP":
                return "200 result=1";
            default:
                if (w[0].equals("ANSWER") || w[0].equals("SAY") || w[0].equals("VERBOSE") || w[0].equals("NOOP"))
                    return "200 result=0";
                return "510 Invalid or unknown command";
        }
    }

    public Map<String, String> variables() {
        return variables;
    }

    public List<String> commands() {
        return commands;
    }
}
