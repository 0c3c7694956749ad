package org.callcenter.bench.telephony;

import java.util.concurrent.atomic.AtomicLong;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;

/**
 * The benchmark's yardstick: a bare Asterisk-Java ManagerConnection on the same AMI stream as the
 * engine, whose listener only counts events (the library's raw parse-and-dispatch rate).
 */
public final class BareAmiCounter implements AutoCloseable {
    private final ManagerConnection connection;
    private final AtomicLong events = new AtomicLong();

    public BareAmiCounter(String host, int port, String username, String secret) throws Exception {
        connection = new ManagerConnectionFactory(host, port, username, secret).createManagerConnection();
        connection.addEventListener(e -> events.incrementAndGet());
        connection.login();
    }

    public long events() {
        return events.get();
    }

    @Override
    public void close() {
        try {
            connection.logoff();
        } catch (RuntimeException e) {
            // closing anyway
        }
    }
}
