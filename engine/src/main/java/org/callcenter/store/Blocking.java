package org.callcenter.store;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs blocking store calls (MongoDB sync driver, Jedis) on virtual threads, never on an event loop,
 * and hands the result back as a Vert.x {@link Future} on the caller's context. Counts in-flight work
 * so shutdown can wait for it.
 */
public final class Blocking implements AutoCloseable {
    private final Vertx vertx;
    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("store-", 0).factory());
    private final AtomicInteger inFlight = new AtomicInteger();

    public Blocking(Vertx vertx) {
        this.vertx = vertx;
    }

    public <T> Future<T> run(Callable<T> task) {
        Context context = vertx.getOrCreateContext();
        CompletableFuture<T> result = new CompletableFuture<>();
        inFlight.incrementAndGet();
        try {
            executor.execute(() -> {
                try {
                    result.complete(task.call());
                } catch (Throwable t) {
                    result.completeExceptionally(t);
                } finally {
                    inFlight.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException e) {
            inFlight.decrementAndGet();
            return Future.failedFuture(new StoreUnavailableException("engine is shutting down", e));
        }
        return Future.fromCompletionStage(result, context);
    }

    public int inFlight() {
        return inFlight.get();
    }

    /** Stops taking work and waits (bounded) for what is running. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
