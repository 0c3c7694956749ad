package org.callcenter.ivr;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.callcenter.common.Timers;
import org.callcenter.metrics.IvrMeters;
import org.callcenter.metrics.IvrTraceMeters;
import org.callcenter.store.Blocking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes finished sessions' traces in batches (one insertMany every {@code every}) from a bounded
 * queue, so a session's end costs the event loop an enqueue and the store one round trip per batch
 * instead of one per call. A full queue never drops a trace: it is written on its own. Closing
 * writes whatever is queued before the store closes.
 */
final class TraceWriter {
    private static final Logger log = LoggerFactory.getLogger(TraceWriter.class);
    static final int CAPACITY = 20_000;
    static final int MAX_BATCH = 1_000;

    private final IvrRepository repository;
    private final Blocking blocking;
    private final IvrMeters errors;
    private final BlockingQueue<IvrTrace> queue;
    private final AtomicBoolean writing = new AtomicBoolean();
    private volatile IvrTraceMeters meters;
    private volatile boolean closed;
    private Timers timers;
    private volatile long timer = -1;

    TraceWriter(IvrRepository repository, Blocking blocking, IvrMeters errors) {
        this(repository, blocking, errors, CAPACITY);
    }

    TraceWriter(IvrRepository repository, Blocking blocking, IvrMeters errors, int capacity) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.repository = repository;
        this.blocking = blocking;
        this.errors = errors;
    }

    /** Starts the periodic batch write. */
    synchronized void start(Timers timers, Duration every) {
        if (meters == null) meters = new IvrTraceMeters(errors.registry(), queue::size);
        this.timers = timers;
        timer = timers.every(every, this::flush);
    }

    /** Queues a trace for the next batch; when full (or closed) it is written on its own. */
    void add(IvrTrace trace) {
        if (!closed && queue.offer(trace)) {
            if (timer < 0) flush(); // not started (no periodic write): write at once
            return;
        }
        IvrTraceMeters m = meters;
        if (m != null && !closed) m.overflow();
        blocking.run(() -> {
                    repository.saveTraces(List.of(trace));
                    return null;
                })
                .onSuccess(v -> written(1))
                .onFailure(e -> failed(1, e));
    }

    int queued() {
        return queue.size();
    }

    /** One batch at a time, off the event loop. */
    void flush() {
        if (queue.isEmpty() || !writing.compareAndSet(false, true)) return;
        blocking.run(() -> {
                    try {
                        writeQueued();
                    } finally {
                        writing.set(false);
                    }
                    return null;
                })
                .onFailure(e -> writing.set(false)); // not run at all (shutting down)
    }

    /** Writes everything queued, batch by batch (blocking). */
    private void writeQueued() {
        List<IvrTrace> batch = new ArrayList<>();
        while (queue.drainTo(batch, MAX_BATCH) > 0) {
            try {
                repository.saveTraces(batch);
                written(batch.size());
            } catch (RuntimeException e) {
                failed(batch.size(), e);
            }
            batch.clear();
        }
    }

    private void written(int n) {
        IvrTraceMeters m = meters;
        if (m != null) m.written(n);
    }

    private void failed(int n, Throwable e) {
        for (int i = 0; i < n; i++) errors.traceError();
        log.warn("IVR: {} trace(s) not stored: {}", n, e.toString());
    }

    /** Stops the periodic write and writes what is queued (blocking; before the store closes). */
    void close() {
        synchronized (this) {
            if (timer >= 0) timers.cancel(timer);
            timer = -1;
        }
        closed = true;
        while (!writing.compareAndSet(false, true)) Thread.onSpinWait();
        try {
            writeQueued();
        } finally {
            writing.set(false);
        }
    }
}
