package org.callcenter.bench;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.bson.Document;
import org.callcenter.config.AppConfig.MongoConfig;
import org.callcenter.config.ConfigLoader;
import org.callcenter.config.FollowupConfig;
import org.callcenter.followup.CustomerFacts;
import org.callcenter.followup.FollowUp;
import org.callcenter.followup.FollowupPlanner;
import org.callcenter.followup.FollowupRepository;
import org.callcenter.followup.FollowupRules;
import org.callcenter.followup.FollowupStatus;
import org.callcenter.sla.BusinessCalendar;
import org.callcenter.sla.CalendarLoader;
import org.callcenter.store.MongoFollowupRepository;
import org.callcenter.store.MongoStore;

/**
 * Return-call planning at scale: N customers with M installations (installed over the 18 months
 * before the quarter), a visit for one customer in five and a delivery for one in ten (March-April
 * 2026), one customer in ten in another time zone. Prints the time to plan a whole quarter (every customer gets its quarterly
 * call, new installations their first-installation call), the per-day incremental planning time
 * over the following 30 days (mostly "nothing new", which is the steady state), and heap used.
 * Store: {@code memory} (the planner alone, a map as repository) or {@code mongo} (the engine's
 * MongoDB repository; embedded by default, {@code -Dbench.mongodb.uri=...} for a real one).
 *
 * <p>Arguments: [customers=100000] [installations=200000] [store=memory]
 */
public final class FollowupPlanningBenchmark {
    public static void main(String[] args) throws Exception {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int installations = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        String store = args.length > 2 ? args[2] : "memory";
        BusinessCalendar calendar = CalendarLoader.load("sla.calendar", "china-2026");
        FollowupConfig config = ConfigLoader.load(Optional.empty(), Map.of()).followup();
        List<CustomerFacts> facts = facts(customers, installations);
        FollowupRepository repository;
        MongoStore mongo = null;
        long t0 = System.nanoTime();
        if (store.equals("mongo")) {
            String uri = System.getProperty("bench.mongodb.uri", "");
            mongo = MongoStore.open(new MongoConfig(
                    uri,
                    "followupbench",
                    Files.createTempDirectory("followup-bench").toString()));
            load(mongo, facts);
            repository = new MongoFollowupRepository(mongo);
        } else {
            repository = new MemoryRepository(facts);
        }
        System.out.printf(
                "%,d customers, %,d installations, store %s, loaded in %,d ms, %d cores%n",
                customers,
                installations,
                store,
                (System.nanoTime() - t0) / 1_000_000,
                Runtime.getRuntime().availableProcessors());
        SettableClock clock = new SettableClock(at(calendar.zone(), LocalDate.of(2026, 4, 1)));
        FollowupPlanner planner = new FollowupPlanner(repository, new FollowupRules(config, calendar), calendar, clock);

        long start = System.nanoTime();
        int planned = planner.planAll();
        long quarterMs = (System.nanoTime() - start) / 1_000_000;
        System.out.printf(
                "plan a quarter (2026-04-01): %,d follow-ups in %,d ms (%.1f µs per customer)%n",
                planned, quarterMs, quarterMs * 1000.0 / customers);

        List<Long> days = new ArrayList<>();
        int changedTotal = 0;
        for (int d = 1; d <= 30; d++) {
            clock.now = at(calendar.zone(), LocalDate.of(2026, 4, 1).plusDays(d));
            long s = System.nanoTime();
            changedTotal += planner.planAll();
            days.add((System.nanoTime() - s) / 1_000_000);
        }
        days.sort(Long::compare);
        System.out.printf(
                "incremental daily planning, 30 days: median %,d ms, max %,d ms, %,d follow-ups changed in all%n",
                days.get(days.size() / 2), days.getLast(), changedTotal);
        System.gc();
        Runtime rt = Runtime.getRuntime();
        System.out.printf("heap used after GC: %,d MiB%n", (rt.totalMemory() - rt.freeMemory()) >> 20);
        if (mongo != null) mongo.close();
        System.exit(0);
    }

    static Instant at(ZoneId zone, LocalDate day) {
        return day.atTime(2, 0).atZone(zone).toInstant();
    }

    static List<CustomerFacts> facts(int customers, int installations) {
        Random random = new Random(42);
        List<List<CustomerFacts.InstalledOn>> byCustomer = new ArrayList<>();
        for (int c = 0; c < customers; c++) byCustomer.add(new ArrayList<>());
        LocalDate from = LocalDate.of(2024, 10, 1);
        for (int i = 0; i < installations; i++) {
            LocalDate on = from.plusDays(random.nextInt(560)); // up to 2026-04-14
            byCustomer.get(i % customers).add(new CustomerFacts.InstalledOn("i" + i, on));
        }
        // one customer in five had a technician's visit, one in ten a delivery, between 2026-03-01 and
        // 2026-05-01 (some fall due inside the planned days); one in ten lives in another time zone
        Instant march = at(ZoneId.of("Asia/Shanghai"), LocalDate.of(2026, 3, 1));
        List<CustomerFacts> out = new ArrayList<>(customers);
        for (int c = 0; c < customers; c++) {
            List<CustomerFacts.Departed> visits = c % 5 == 0
                    ? List.of(new CustomerFacts.Departed(
                            "v" + c, "S" + c, march.plusSeconds(random.nextInt(61 * 86_400))))
                    : List.of();
            List<CustomerFacts.Delivered> deliveries = c % 10 == 3
                    ? List.of(new CustomerFacts.Delivered(
                            "d" + c, "pump", march.plusSeconds(random.nextInt(61 * 86_400))))
                    : List.of();
            ZoneId zone = c % 10 == 7 ? ZoneId.of("Europe/Berlin") : null;
            out.add(new CustomerFacts("c" + c, byCustomer.get(c), List.of(), visits, deliveries, zone));
        }
        return out;
    }

    static void load(MongoStore mongo, List<CustomerFacts> facts) {
        var customers = mongo.database().getCollection("customers");
        var installations = mongo.database().getCollection("installations");
        var visits = mongo.database().getCollection("visits");
        var deliveries = mongo.database().getCollection("deliveries");
        List<Document> cs = new ArrayList<>();
        List<Document> is = new ArrayList<>();
        for (CustomerFacts f : facts) {
            cs.add(new Document("_id", f.customerId())
                    .append("name", f.customerId())
                    .append("timeZone", f.zone() == null ? null : f.zone().getId()));
            for (CustomerFacts.Departed v : f.visits())
                visits.insertOne(new Document("_id", v.visitId())
                        .append("customerId", f.customerId())
                        .append("ticketNumber", v.ticketNumber())
                        .append("departedAt", java.util.Date.from(v.departedAt())));
            for (CustomerFacts.Delivered d : f.deliveries())
                deliveries.insertOne(new Document("_id", d.deliveryId())
                        .append("customerId", f.customerId())
                        .append("product", d.product())
                        .append("deliveredAt", java.util.Date.from(d.deliveredAt())));
            for (CustomerFacts.InstalledOn i : f.installations())
                is.add(new Document("_id", i.installationId())
                        .append("customerId", f.customerId())
                        .append("installedOn", i.installedOn().toString()));
            if (cs.size() >= 5_000) {
                customers.insertMany(cs);
                installations.insertMany(is);
                cs.clear();
                is.clear();
            }
        }
        if (!cs.isEmpty()) customers.insertMany(cs);
        if (!is.isEmpty()) installations.insertMany(is);
    }

    /** The planner alone: follow-ups in a map by _id, facts in a list. */
    static final class MemoryRepository implements FollowupRepository {
        final Map<String, FollowUp> byId = new ConcurrentHashMap<>();
        final List<CustomerFacts> facts;

        MemoryRepository(List<CustomerFacts> facts) {
            this.facts = facts;
        }

        public Optional<FollowUp> find(String id) {
            return Optional.ofNullable(byId.get(id));
        }

        public void save(FollowUp f) {
            byId.put(f.id(), f);
        }

        public List<FollowUp> open() {
            return byId.values().stream()
                    .filter(f -> f.status() == FollowupStatus.OPEN)
                    .toList();
        }

        public List<FollowUp> needingNumber() {
            return byId.values().stream()
                    .filter(f -> f.status() == FollowupStatus.NEEDS_NUMBER)
                    .toList();
        }

        public List<FollowUp> ofQuarter(String quarter) {
            return byId.values().stream()
                    .filter(f -> f.quarter().equals(quarter))
                    .toList();
        }

        public void closeCallbacks(List<String> callbackIds, String doneBy) {}

        public List<String> phonesOf(String customerId) {
            return List.of();
        }

        public void forEachCustomer(Consumer<CustomerFacts> consumer) {
            facts.forEach(consumer);
        }

        public Optional<CustomerFacts> factsOf(String customerId) {
            return facts.stream().filter(f -> f.customerId().equals(customerId)).findFirst();
        }

        public ZoneId zoneOf(String customerId) {
            return factsOf(customerId).map(CustomerFacts::zone).orElse(null);
        }

        public boolean departed(String customerId, CustomerFacts.Departed visit, String technicianId, String consent) {
            return false;
        }

        public boolean addDelivery(org.callcenter.followup.Delivery delivery) {
            return false;
        }

        public List<org.callcenter.followup.Delivery> deliveriesOf(String customerId) {
            return List.of();
        }
    }

    static final class SettableClock extends Clock {
        volatile Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
