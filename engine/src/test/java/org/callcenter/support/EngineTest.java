package org.callcenter.support;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Base of the API tests: one engine per test class, and phone numbers no other test uses. */
public abstract class EngineTest {
    protected static TestEngine engine;
    private static final AtomicInteger SEQ = new AtomicInteger();

    @BeforeAll
    static void startEngine() {
        engine = TestEngine.start();
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    /** A mainland mobile number (national format) unique in this JVM and unlikely in another. */
    protected static String mobile() {
        long suffix = (ProcessHandle.current().pid() % 1000) * 100_000 + SEQ.incrementAndGet();
        return String.format("139%08d", suffix);
    }
}
