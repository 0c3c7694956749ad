package org.callcenter.ivr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.callcenter.support.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The limit on the IVR's caller look-ups in flight: the rest wait in order, on their own context. */
class BulkheadTest {
    final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close().await();
    }

    @Test
    void atMostTheLimitRunAndTheRestStartInArrivalOrderAsSlotsFree() {
        Bulkhead b = new Bulkhead(2);
        List<Promise<String>> started = new ArrayList<>();
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 5; i++)
            results.add(b.submit(() -> {
                Promise<String> p = Promise.promise();
                started.add(p);
                return p.future();
            }));
        assertThat(started).hasSize(2);
        assertThat(b.running()).isEqualTo(2);
        assertThat(b.waiting()).isEqualTo(3);
        started.get(1).complete("second");
        assertThat(results.get(1).result()).isEqualTo("second");
        assertThat(started).hasSize(3); // the third submitted, not a later one
        started.get(0).fail(new IllegalStateException("store down"));
        assertThat(results.get(0).cause()).hasMessage("store down"); // a failure frees its slot too
        assertThat(started).hasSize(4);
        started.get(2).complete("third");
        started.get(3).complete("fourth");
        started.get(4).complete("fifth");
        assertThat(results.get(4).result()).isEqualTo("fifth");
        assertThat(b.running()).isZero();
        assertThat(b.waiting()).isZero();
    }

    @Test
    void aTaskThatThrowsFailsItsFutureAndFreesItsSlot() {
        Bulkhead b = new Bulkhead(1);
        Future<String> thrown = b.submit(() -> {
            throw new IllegalArgumentException("bad phone");
        });
        assertThat(thrown.cause()).isInstanceOf(IllegalArgumentException.class);
        assertThat(b.submit(() -> Future.succeededFuture("next")).result()).isEqualTo("next");
        assertThat(b.running()).isZero();
    }

    @Test
    void aTaskThatThrowsAnErrorFreesItsSlotToo() {
        Bulkhead b = new Bulkhead(1);
        Future<String> thrown = b.submit(() -> {
            throw new StackOverflowError("deep script");
        });
        assertThat(thrown.cause()).isInstanceOf(StackOverflowError.class);
        assertThat(b.submit(() -> Future.succeededFuture("next")).result()).isEqualTo("next");
        assertThat(b.running()).isZero();
    }

    @Test
    void aWaitingTaskStartsOnTheContextItWasSubmittedFrom() {
        Bulkhead b = new Bulkhead(1);
        Promise<String> first = Promise.promise();
        Context mine = vertx.getOrCreateContext();
        AtomicReference<Context> ranOn = new AtomicReference<>();
        List<String> done = new CopyOnWriteArrayList<>();
        b.submit(() -> first.future());
        mine.runOnContext(v -> b.submit(() -> {
                    ranOn.set(Vertx.currentContext());
                    return Future.succeededFuture("waited");
                })
                .onSuccess(done::add));
        Await.until("the second task queued", Duration.ofSeconds(5), () -> b.waiting() == 1);
        first.complete("first"); // released from this (non-Vert.x) thread
        Await.until("the second task done", Duration.ofSeconds(5), () -> done.contains("waited"));
        assertThat(ranOn.get()).isSameAs(mine);
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThatThrownBy(() -> new Bulkhead(0)).hasMessageContaining("at least 1");
    }
}
