package org.callcenter.quality;

import java.util.Locale;

/** The complaints ladder (SERVICE-RULES §6): the n-th verified complaint in the window calls for step n. */
public enum LadderStep {
    WARNING,
    PENALTY,
    DISMISSAL_RECOMMENDED;

    /** 1 for the warning, 2 for the penalty, 3 for the dismissal recommendation. */
    public int level() {
        return ordinal() + 1;
    }

    /** The step a level calls for (levels above 3 stay at the dismissal recommendation); null for 0. */
    public static LadderStep ofLevel(int level) {
        if (level <= 0) return null;
        return values()[Math.min(level, values().length) - 1];
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
