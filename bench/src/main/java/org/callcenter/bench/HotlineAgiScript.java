package org.callcenter.bench;

import java.util.concurrent.atomic.AtomicInteger;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.BaseAgiScript;

/**
 * The benchmark's hotline paths hand-written as an Asterisk-Java AgiScript: the same AGI commands,
 * in the same order, that the engine's hotline.yaml sends for each kind of caller in the mix (menu
 * 2: status and due time, goodbye; 1: new problem in working hours, the support queue; 0: the
 * operator), without the store look-ups the engine does.
 */
public final class HotlineAgiScript extends BaseAgiScript {
    static final AtomicInteger active = new AtomicInteger();

    private final long dueEpochSecond;
    private final boolean open;

    /** {@code open}: the business calendar's answer for "now" (the engine's clock in the same run). */
    HotlineAgiScript(long dueEpochSecond, boolean open) {
        this.dueEpochSecond = dueEpochSecond;
        this.open = open;
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        active.incrementAndGet();
        try {
            getVariable("CHANNEL(linkedid)");
            streamFile("cc-welcome");
            String key = getData("cc-hotline-menu", 5000, 1);
            switch (key) {
                case "2" -> status();
                case "1" -> {
                    if (!open) throw new IllegalStateException("after-hours path is not part of the benchmark");
                    setVariable("CC_QUEUE", "support");
                }
                default -> setVariable("CC_QUEUE", "operator");
            }
        } finally {
            active.decrementAndGet();
        }
    }

    private void status() throws AgiException {
        getData("cc-enter-request-number", 8000, 8);
        streamFile("cc-status-registered");
        streamFile("cc-due-by");
        sayDateTime(dueEpochSecond, "", "ABdY 'digits/at' IMp", "Asia/Shanghai");
        getData("cc-press-0-for-an-agent", 4000, 1);
        streamFile("cc-goodbye");
        hangup();
    }
}
