package org.callcenter.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.callcenter.config.AppConfig;
import org.callcenter.config.ConfigLoader;
import org.callcenter.config.FollowupConfig;
import org.callcenter.sla.BusinessCalendar;
import org.callcenter.sla.CalendarLoader;
import org.callcenter.store.EmbeddedMongo;
import org.callcenter.store.MongoFollowupRepository;
import org.callcenter.store.MongoStore;
import org.callcenter.support.MutableClock;
import org.callcenter.support.TestRedis;

/** Real embedded MongoDB-wire server, the shipped china-2026 calendar, default config, a moving clock. */
final class FollowupFixture implements AutoCloseable {
    final BusinessCalendar calendar = CalendarLoader.load("sla.calendar", "china-2026");
    final FollowupConfig config;
    final MutableClock clock = new MutableClock(at("2026-01-01T02:00"));
    final EmbeddedMongo mongo = EmbeddedMongo.start(TestRedis.tempDir("followup"));
    final MongoStore store;
    final MongoFollowupRepository repository;
    final FollowupPlanner planner;
    final FollowupService service;

    FollowupFixture(Map<String, String> env) {
        AppConfig app = ConfigLoader.load(Optional.empty(), env);
        config = app.followup();
        store = MongoStore.open(new AppConfig.MongoConfig(mongo.uri(), "followup", ""));
        repository = new MongoFollowupRepository(store);
        planner = new FollowupPlanner(repository, new FollowupRules(config, calendar), calendar, clock);
        service = new FollowupService(repository, config, calendar, clock);
    }

    Instant at(String local) {
        return LocalDateTime.parse(local).atZone(calendar.zone()).toInstant();
    }

    void customer(String id, String phone, LocalDate... installedOn) {
        var db = store.database();
        db.getCollection("customers").insertOne(new Document("_id", id).append("name", id));
        db.getCollection("phones").insertOne(new Document("_id", phone).append("customerId", id));
        for (int i = 0; i < installedOn.length; i++) {
            db.getCollection("installations")
                    .insertOne(new Document("_id", id + "-i" + i)
                            .append("customerId", id)
                            .append("installedOn", installedOn[i].toString()));
        }
    }

    void callback(String id, String phone, Instant requestedAt) {
        store.database()
                .getCollection("callbacks")
                .insertOne(new Document("_id", id)
                        .append("phone", phone)
                        .append("status", "open")
                        .append("source", "ivr")
                        .append("requestedAt", java.util.Date.from(requestedAt)));
    }

    @Override
    public void close() {
        store.close();
        mongo.close();
    }
}
