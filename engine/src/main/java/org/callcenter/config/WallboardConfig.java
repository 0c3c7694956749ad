package org.callcenter.config;

import java.time.Duration;

/**
 * The {@code wallboard} section: how often return calls, clocks and SMS failures are re-read from the
 * stores (once for all viewers), how long changes are gathered into one push, how many rows each
 * list shows, how many bytes may wait for one viewer before that viewer is dropped, and how often
 * the clocks are re-read (events keep them current in between; the re-read is a scan of every
 * request on the embedded store).
 */
public record WallboardConfig(
        Duration refreshEvery, Duration pushAfter, int maxRows, int viewerQueueBytes, Duration clocksResyncEvery) {

    static WallboardConfig from(Settings s) {
        int rows = s.integer("wallboard.max_rows");
        int queue = s.integer("wallboard.viewer_queue_bytes");
        if (rows < 1) throw new ConfigException("configuration key 'wallboard.max_rows' must be >= 1");
        if (queue < 1024) throw new ConfigException("configuration key 'wallboard.viewer_queue_bytes' must be >= 1024");
        return new WallboardConfig(
                Duration.ofSeconds(Math.max(1, s.integer("wallboard.refresh_seconds"))),
                Duration.ofMillis(Math.max(0, s.integer("wallboard.push_after_millis"))),
                rows,
                queue,
                Duration.ofSeconds(Math.max(1, s.integer("wallboard.clocks_resync_seconds"))));
    }
}
