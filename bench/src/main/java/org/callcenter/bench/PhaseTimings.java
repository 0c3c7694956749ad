package org.callcenter.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Phase timings of the timer path without touching the engine: wraps a store interface (clock
 * repository, lock, index, escalation log) and adds up the wall time and calls of each method.
 */
final class PhaseTimings {
    private final Map<String, LongAdder[]> totals = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    <T> T wrap(Class<T> type, T target) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, m, args) -> {
            long t0 = System.nanoTime();
            try {
                return m.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            } finally {
                LongAdder[] a = totals.computeIfAbsent(type.getSimpleName() + "." + m.getName(), k ->
                        new LongAdder[] {new LongAdder(), new LongAdder()});
                a[0].add(System.nanoTime() - t0);
                a[1].increment();
            }
        });
    }

    void reset() {
        totals.clear();
    }

    /** Per method: calls, total ms, and ms per 1,000 timers handled. */
    void print(String what, long timers) {
        System.out.printf("    phase timings, %s (%,d timers; summed over threads):%n", what, timers);
        new TreeMap<>(totals).forEach((name, a) -> {
            double ms = a[0].sum() / 1e6;
            System.out.printf(
                    "      %-40s %,8d calls %,10.0f ms %8.1f ms/1000 timers%n",
                    name, a[1].sum(), ms, timers == 0 ? 0 : ms * 1000 / timers);
        });
    }
}
