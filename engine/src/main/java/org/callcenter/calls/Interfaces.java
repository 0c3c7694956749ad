package org.callcenter.calls;

import java.util.Locale;

/**
 * Agent phone interfaces as one comparable string. Queue events name the member interface
 * ({@code Local/101@queue-agents/n}, {@code PJSIP/1001}); dial and channel events name a channel
 * ({@code Local/101@queue-agents-00000006;1}, {@code PJSIP/1001-0000000a}). Both become
 * {@code Local/101@queue-agents} / {@code PJSIP/1001}.
 */
public final class Interfaces {
    private Interfaces() {}

    public static String ofMember(String memberInterface) {
        if (memberInterface == null || memberInterface.isBlank()) return null;
        String s = memberInterface.trim();
        if (s.regionMatches(true, 0, "Local/", 0, 6) && s.endsWith("/n")) s = s.substring(0, s.length() - 2);
        return canonical(s);
    }

    public static String ofChannel(String channel) {
        if (channel == null || channel.isBlank()) return null;
        String s = channel.trim();
        int semicolon = s.lastIndexOf(';');
        if (semicolon > 0 && s.regionMatches(true, 0, "Local/", 0, 6)) s = s.substring(0, semicolon);
        int dash = s.lastIndexOf('-');
        int slash = s.indexOf('/');
        if (dash > slash && dash > 0 && s.substring(dash + 1).matches("[0-9a-fA-F]{6,}")) s = s.substring(0, dash);
        return canonical(s);
    }

    private static String canonical(String s) {
        int slash = s.indexOf('/');
        if (slash <= 0) return s;
        return s.substring(0, slash).toUpperCase(Locale.ROOT).replace("LOCAL", "Local") + s.substring(slash);
    }
}
