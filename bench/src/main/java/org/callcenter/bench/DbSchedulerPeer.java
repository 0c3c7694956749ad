package org.callcenter.bench;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The peer: kagkarlsson db-scheduler (lock-and-fetch polling) on the local PostgreSQL, executing the
 * same number of one-time deadlines, all due. Counts each execution per instance id to verify
 * exactly-once.
 */
final class DbSchedulerPeer {
    record Result(double scheduleRate, double executionRate, long executed, long duplicates, long missing) {}

    private static final String TABLE = """
            create table scheduled_tasks (
              task_name text not null, task_instance text not null, task_data bytea,
              execution_time timestamp with time zone not null, picked boolean not null, picked_by text,
              last_success timestamp with time zone, last_failure timestamp with time zone,
              consecutive_failures int, last_heartbeat timestamp with time zone, version bigint not null,
              priority smallint, primary key (task_name, task_instance))""";

    static Result run(String jdbcUrl, int deadlines, int threads, Clock clock) throws Exception {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(jdbcUrl);
        hc.setUsername("postgres");
        hc.setMaximumPoolSize(threads + 4);
        try (HikariDataSource ds = new HikariDataSource(hc)) {
            try (Connection c = ds.getConnection();
                    Statement s = c.createStatement()) {
                s.execute("drop table if exists scheduled_tasks");
                s.execute(TABLE);
                s.execute("create index execution_time_idx on scheduled_tasks (execution_time)");
                s.execute("create index last_heartbeat_idx on scheduled_tasks (last_heartbeat)");
                s.execute(
                        "create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc)");
            }
            Map<String, AtomicInteger> runs = new ConcurrentHashMap<>(deadlines * 2);
            LongAdder executed = new LongAdder();
            OneTimeTask<Void> task = Tasks.oneTime("deadline").execute((instance, ctx) -> {
                runs.computeIfAbsent(instance.getId(), k -> new AtomicInteger()).incrementAndGet();
                executed.increment();
            });
            SchedulerClient client = SchedulerClient.Builder.create(ds, task).build();
            Instant due = clock.instant();
            long t0 = System.nanoTime();
            List<TaskInstance<?>> batch = new ArrayList<>();
            for (int i = 0; i < deadlines; i++) {
                batch.add(task.instance("d" + i));
                if (batch.size() == 1000) {
                    client.scheduleBatch(batch, due);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) client.scheduleBatch(batch, due);
            double scheduleRate = deadlines / seconds(t0);

            Scheduler scheduler = Scheduler.create(ds, task)
                    .threads(threads)
                    .pollingInterval(Duration.ofMillis(50))
                    .pollUsingLockAndFetch(0.5, 1.0)
                    .build();
            long t1 = System.nanoTime();
            scheduler.start();
            long limit = System.nanoTime() + Duration.ofMinutes(20).toNanos();
            while (executed.sum() < deadlines && System.nanoTime() < limit)
                java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
            double rate = executed.sum() / seconds(t1);
            scheduler.stop();
            long duplicates = runs.values().stream().filter(n -> n.get() > 1).count();
            long missing = deadlines - runs.size();
            return new Result(scheduleRate, rate, executed.sum(), duplicates, missing);
        }
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private DbSchedulerPeer() {}
}
