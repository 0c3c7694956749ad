package org.callcenter.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The outcome of one measured phase: client-side latencies (nanoseconds) and what the responses said. */
record PhaseResult(
        String name,
        int clients,
        long[] nanos,
        long wallNanos,
        int ok,
        int notOk,
        int failed,
        int fromCache,
        int known,
        long gcCount,
        long gcMillis,
        List<String> problems) {

    PhaseResult {
        nanos = nanos.clone();
        Arrays.sort(nanos);
    }

    int count() {
        return nanos.length;
    }

    /** Nearest-rank percentile in milliseconds. */
    double percentileMs(double p) {
        if (nanos.length == 0) return Double.NaN;
        int rank = (int) Math.ceil(p / 100.0 * nanos.length);
        return nanos[Math.max(0, Math.min(nanos.length - 1, rank - 1))] / 1e6;
    }

    double maxMs() {
        return nanos.length == 0 ? Double.NaN : nanos[nanos.length - 1] / 1e6;
    }

    double meanMs() {
        if (nanos.length == 0) return Double.NaN;
        double sum = 0;
        for (long n : nanos) sum += n;
        return sum / nanos.length / 1e6;
    }

    double throughput() {
        return wallNanos == 0 ? 0 : nanos.length / (wallNanos / 1e9);
    }

    String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(
                Locale.ROOT,
                "  %-34s n=%,d  clients=%d  wall=%.1fs  throughput=%,.0f req/s%n",
                name,
                count(),
                clients,
                wallNanos / 1e9,
                throughput()));
        sb.append(String.format(
                Locale.ROOT,
                "  %-34s p50=%.2f ms  p90=%.2f ms  p99=%.2f ms  p99.9=%.2f ms  max=%.2f ms  mean=%.2f ms%n",
                "",
                percentileMs(50),
                percentileMs(90),
                percentileMs(99),
                percentileMs(99.9),
                maxMs(),
                meanMs()));
        sb.append(String.format(
                Locale.ROOT,
                "  %-34s HTTP 200: %,d  other status: %,d  transport errors: %,d  known caller: %,d  source=cache: %,d"
                        + "  (JVM GC meanwhile: %,d collections, %,d ms)%n",
                "",
                ok,
                notOk,
                failed,
                known,
                fromCache,
                gcCount,
                gcMillis));
        for (String p : problems)
            sb.append("  ").append(" ".repeat(34)).append(" e.g. ").append(p).append('\n');
        return sb.toString();
    }
}
