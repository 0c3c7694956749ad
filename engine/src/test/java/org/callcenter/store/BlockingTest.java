package org.callcenter.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BlockingTest {
    @Test
    void closeWaitsForWorkInFlightAndThenRefusesNewWork() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            Blocking blocking = new Blocking(vertx);
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Future<String> running = blocking.run(() -> {
                started.countDown();
                release.await();
                return "done";
            });
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(blocking.inFlight()).isEqualTo(1);
            Thread closer = Thread.ofVirtual().start(blocking::close);
            closer.join(200);
            assertThat(closer.isAlive()).as("close waits for the running task").isTrue();
            release.countDown();
            closer.join(5_000);
            assertThat(closer.isAlive()).isFalse();
            assertThat(running.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS))
                    .isEqualTo("done");
            Future<String> refused = blocking.run(() -> "late");
            assertThat(refused.failed()).isTrue();
            assertThat(refused.cause()).isInstanceOf(StoreUnavailableException.class);
        } finally {
            vertx.close();
        }
    }
}
