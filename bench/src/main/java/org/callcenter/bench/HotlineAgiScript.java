package org.callcenter.bench;

import java.util.concurrent.atomic.AtomicInteger;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.BaseAgiScript;

/**
 * The benchmark's hotline path ("2": status of a request) hand-written as an Asterisk-Java AgiScript,
 * the same AGI commands the engine's hotline.yaml sends, without the store look-ups the engine does.
 */
public final class HotlineAgiScript extends BaseAgiScript {
    static final AtomicInteger active = new AtomicInteger();

    private final long dueEpochSecond;

    HotlineAgiScript(long dueEpochSecond) {
        this.dueEpochSecond = dueEpochSecond;
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        active.incrementAndGet();
        try {
            getVariable("CHANNEL(linkedid)");
            streamFile("cc-welcome");
            String key = getData("cc-hotline-menu", 5000, 1);
            if (!"2".equals(key)) {
                setVariable("CC_QUEUE", "operator");
                return;
            }
            getData("cc-enter-request-number", 8000, 8);
            streamFile("cc-status-registered");
            streamFile("cc-due-by");
            sayDateTime(dueEpochSecond, "", "ABdY 'digits/at' IMp", "Asia/Shanghai");
            getData("cc-press-0-for-an-agent", 4000, 1);
            streamFile("cc-goodbye");
            hangup();
        } finally {
            active.decrementAndGet();
        }
    }
}
