package org.callcenter.screenpop;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.callcenter.common.EventPublisher;
import org.callcenter.customers.CustomerDraft;
import org.callcenter.customers.CustomerService;
import org.callcenter.metrics.Meters;
import org.callcenter.phone.PhoneNumbers;
import org.callcenter.store.Blocking;
import org.callcenter.store.EmbeddedRedis;
import org.callcenter.store.RedisHistoryCache;
import org.callcenter.support.TestEngine;
import org.callcenter.support.TestRedis;
import org.callcenter.tickets.Channel;
import org.callcenter.tickets.Escalation;
import org.callcenter.tickets.Severity;
import org.callcenter.tickets.Ticket;
import org.callcenter.tickets.TicketDraft;
import org.callcenter.tickets.TicketNumbers;
import org.callcenter.tickets.TicketPatch;
import org.callcenter.tickets.TicketService;
import org.callcenter.tickets.TicketStatus;
import org.junit.jupiter.api.Test;

/**
 * Redis restarts while a write happens: the write's invalidation cannot be delivered and the old
 * entry survives the restart (append-only file). The history must still not be stale.
 */
class RedisRestartTest {
    @Test
    void aWriteDuringARedisOutageNeverLeavesAStaleHistory() throws Exception {
        Path dir = TestRedis.tempDir("redis-restart");
        EmbeddedRedis redis = TestRedis.startServer(dir);
        Vertx vertx = Vertx.vertx();
        try (TestEngine engine = TestEngine.start(TestRedis.tempDir("mongo"), Map.of("REDIS_URL", redis.url()));
                Blocking blocking = new Blocking(vertx)) {
            PhoneNumbers phones = new PhoneNumbers("CN");
            Clock clock = Clock.systemUTC();
            CallerHistoryService history = new CallerHistoryService(
                    engine.engine().customerRepository(),
                    engine.engine().ticketRepository(),
                    new RedisHistoryCache(engine.engine().redis(), 3600),
                    phones,
                    new Meters(new SimpleMeterRegistry()),
                    blocking,
                    clock,
                    10);
            CustomerService customers = new CustomerService(
                    engine.engine().customerRepository(), phones, history, EventPublisher.NONE, blocking, clock, 12);
            TicketService tickets = new TicketService(
                    engine.engine().ticketRepository(),
                    engine.engine().customerRepository(),
                    new TicketNumbers(8),
                    phones,
                    history,
                    EventPublisher.NONE,
                    blocking,
                    clock);

            await(customers.create(
                    new CustomerDraft("Restart Co", "en", List.of("13922220000"), List.of(), null, null)));
            Ticket ticket = await(tickets.create(
                    new TicketDraft(
                            null,
                            null,
                            null,
                            "13922220000",
                            "noise",
                            null,
                            Severity.GENERAL,
                            "rattle",
                            Channel.PHONE,
                            Escalation.PHONE,
                            null),
                    "agent"));
            await(history.lookup("13922220000"));
            assertThat(await(history.lookup("13922220000")).source()).isEqualTo("cache");

            redis.close();
            TicketPatch resolve = new TicketPatch(
                    java.util.Optional.empty(),
                    java.util.Optional.empty(),
                    java.util.Optional.empty(),
                    java.util.Optional.empty(),
                    java.util.Optional.empty(),
                    java.util.Optional.empty(),
                    java.util.Optional.of(TicketStatus.RESOLVED),
                    java.util.Optional.empty(),
                    java.util.Optional.empty(),
                    java.util.Optional.empty());
            await(tickets.update(ticket.number(), 1, resolve, "agent"));

            redis = EmbeddedRedis.start("", dir, redis.port());
            CallerHistory after = await(history.lookup("13922220000"));
            assertThat(after.openRequests()).isEmpty();
            assertThat(after.recentRequests().get(0).status()).isEqualTo("resolved");
            assertThat(await(history.lookup("13922220000")).source()).isEqualTo("cache");
        } finally {
            redis.close();
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    static <T> T await(io.vertx.core.Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
