package org.callcenter.config;

import java.time.Duration;

/**
 * The {@code ivr} section: where the scripts live and how often the folder is checked for changes,
 * where callers go when a script cannot serve them, and how soon a promised call back is due.
 */
public record IvrConfig(
        String scriptsDir, Duration reloadEvery, String operatorQueue, String apologyPrompt, Duration callbackWithin) {

    static IvrConfig from(Settings s) {
        int reload = s.integer("ivr.reload_millis");
        if (reload < 10) throw new ConfigException("configuration key 'ivr.reload_millis' must be >= 10");
        return new IvrConfig(
                s.string("ivr.scripts_dir"),
                Duration.ofMillis(reload),
                s.string("ivr.operator_queue"),
                s.string("ivr.apology_prompt"),
                SlaConfig.budget(
                        "ivr.callback_within",
                        s.string("ivr.callback_within"),
                        org.callcenter.sla.Counting.WORKING_HOURS));
    }
}
