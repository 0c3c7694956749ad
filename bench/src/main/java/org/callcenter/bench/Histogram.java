package org.callcenter.bench;

import java.util.concurrent.atomic.AtomicLongArray;

/** Turnaround histogram in 10 µs buckets up to 2 s (the last bucket holds everything slower). */
final class Histogram {
    private static final int BUCKET_MICROS = 10;
    private static final int BUCKETS = 200_000;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS + 1);

    void add(long micros) {
        counts.incrementAndGet((int) Math.min(BUCKETS, micros / BUCKET_MICROS));
    }

    long count() {
        long total = 0;
        for (int i = 0; i <= BUCKETS; i++) total += counts.get(i);
        return total;
    }

    /** The p-quantile in ms (NaN when empty); 2000 means "2 s or more". */
    double percentile(double p) {
        long total = count();
        if (total == 0) return Double.NaN;
        long rank = Math.max(1, (long) Math.ceil(p * total));
        long seen = 0;
        for (int i = 0; i <= BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= rank) return i * BUCKET_MICROS / 1000.0;
        }
        return BUCKETS * BUCKET_MICROS / 1000.0;
    }

    /** {@code prefix}N=count, {@code prefix}P50=..., P90, P99, P999, Max as RESULT pairs. */
    String result(String prefix) {
        return String.format(
                "%sN=%d %sP50=%.3f %sP90=%.3f %sP99=%.3f %sP999=%.3f %sMax=%.3f",
                prefix,
                count(),
                prefix,
                percentile(0.50),
                prefix,
                percentile(0.90),
                prefix,
                percentile(0.99),
                prefix,
                percentile(0.999),
                prefix,
                percentile(1.0));
    }
}
