package org.callcenter;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.callcenter.config.AppConfig;
import org.callcenter.customers.CustomerRoutes;
import org.callcenter.customers.CustomerService;
import org.callcenter.followup.FollowupModule;
import org.callcenter.followup.FollowupRoutes;
import org.callcenter.ivr.IvrModule;
import org.callcenter.ivr.IvrRoutes;
import org.callcenter.ivr.IvrService;
import org.callcenter.ivr.IvrWiring;
import org.callcenter.metrics.FollowupMeters;
import org.callcenter.metrics.Meters;
import org.callcenter.phone.PhoneNumbers;
import org.callcenter.quality.QualityModule;
import org.callcenter.returns.ReturnModule;
import org.callcenter.screenpop.CallerHistoryRoutes;
import org.callcenter.screenpop.CallerHistoryService;
import org.callcenter.sla.BusinessCalendar;
import org.callcenter.sla.CalendarLoader;
import org.callcenter.sla.SlaModule;
import org.callcenter.sla.SlaRoutes;
import org.callcenter.sla.SlaService;
import org.callcenter.sms.SmsModule;
import org.callcenter.store.Blocking;
import org.callcenter.store.MongoCustomerRepository;
import org.callcenter.store.MongoStore;
import org.callcenter.store.MongoTicketRepository;
import org.callcenter.store.MongoUserRepository;
import org.callcenter.store.RedisHistoryCache;
import org.callcenter.store.RedisSessionStore;
import org.callcenter.store.RedisStore;
import org.callcenter.tickets.TicketNumbers;
import org.callcenter.tickets.TicketRoutes;
import org.callcenter.tickets.TicketService;
import org.callcenter.users.PasswordHasher;
import org.callcenter.users.UserRoutes;
import org.callcenter.users.UserService;
import org.callcenter.wallboard.WallboardModule;
import org.callcenter.web.Health;
import org.callcenter.web.SystemRoutes;
import org.callcenter.web.VertxEvents;
import org.callcenter.web.WebVerticle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The engine process: stores, services and the HTTP server, started and stopped in order. */
public final class Engine implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Engine.class);

    private final AppConfig config;
    private final PrometheusMeterRegistry registry;
    private final Vertx vertx;
    private final MongoStore mongo;
    private final RedisStore redis;
    private final Blocking blocking;
    private final MongoCustomerRepository customerRepository;
    private final MongoTicketRepository ticketRepository;
    private final int httpPort;
    private final CallCenterWiring callCenter;
    private final String deploymentId;
    private final SlaModule slaModule;
    private final IvrModule ivrModule;
    private final SmsModule smsModule;
    private final FollowupModule followupModule;
    private final WallboardModule wallboard;
    private final QualityModule qualityModule;
    private final int agiPort;
    private volatile boolean stopped;

    private Engine(AppConfig config, Clock clock) throws Exception {
        this.config = config;
        // an inconsistent calendar fails the start before anything is opened
        BusinessCalendar calendar =
                CalendarLoader.load("sla.calendar", config.sla().calendar());
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        org.callcenter.metrics.VertxMeters.bindStandard(registry);
        this.vertx = Vertx.builder()
                .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)))
                .withMetrics(new MicrometerMetricsFactory(registry))
                .build();
        MongoStore openedMongo = null;
        RedisStore openedRedis = null;
        try {
            openedMongo = MongoStore.open(config.mongo());
            openedRedis = RedisStore.open(config.redis());
        } catch (RuntimeException e) {
            if (openedMongo != null) openedMongo.close();
            vertx.close();
            throw e;
        }
        this.mongo = openedMongo;
        this.redis = openedRedis;
        this.blocking = new Blocking(vertx);

        Meters meters = new Meters(registry);
        PhoneNumbers phones = new PhoneNumbers(config.phone().defaultRegion());
        VertxEvents events = new VertxEvents(vertx);
        this.customerRepository = new MongoCustomerRepository(mongo);
        this.ticketRepository = new MongoTicketRepository(mongo);

        CallerHistoryService history = new CallerHistoryService(
                customerRepository,
                ticketRepository,
                new RedisHistoryCache(redis, config.history().cacheTtlSeconds()),
                phones,
                meters,
                blocking,
                clock,
                config.tickets().historyLimit());
        CustomerService customers = new CustomerService(
                customerRepository,
                phones,
                history,
                events,
                blocking,
                clock,
                config.customers().warrantyMonths());
        TicketService tickets = new TicketService(
                ticketRepository,
                customerRepository,
                new TicketNumbers(config.tickets().numberDigits()),
                phones,
                history,
                events,
                blocking,
                clock);
        customers.onPhonesClaimed(tickets);
        customers.zone(config.zone()).productWarranty(config.customers().warrantyMonthsByProduct());
        UserService users = new UserService(
                new MongoUserRepository(mongo),
                new RedisSessionStore(redis),
                new PasswordHasher(config.auth().pbkdf2Iterations()),
                blocking,
                clock,
                Duration.ofHours(config.auth().tokenTtlHours()));
        users.ensureAdmin(config.auth().adminPassword());

        Health health = new Health(blocking, clock, version());
        health.add(new Health.Dependency("mongodb", true, mongo.embedded() ? "embedded" : "external", mongo::ping));
        health.add(new Health.Dependency("redis", true, redis.embedded() ? "embedded" : "external", redis::ping));
        meters.storeUp("mongodb", () -> health.lastUp("mongodb"));
        meters.storeUp("redis", () -> health.lastUp("redis"));

        // calls, agents, screen-pop and the AMI edge
        this.callCenter = new CallCenterWiring(
                config, vertx, registry, mongo, redis, blocking, events, phones, history, customers, tickets, users,
                health, clock);

        SystemRoutes system = new SystemRoutes(health, registry);
        UserRoutes userRoutes =
                new UserRoutes(users, meters, config.publicBaseUrl().startsWith("https://"));
        CustomerRoutes customerRoutes = new CustomerRoutes(customers, phones, meters);
        this.slaModule = SlaModule.wire(
                config.sla(),
                calendar,
                mongo,
                redis,
                ticketRepository,
                customerRepository,
                events,
                registry,
                blocking,
                clock);
        SlaService sla = slaModule.service();
        this.smsModule = SmsModule.wire(config, mongo, registry, blocking, clock);
        smsModule.listen(vertx, config.twilio().supervisorTo());
        IvrWiring ivrWiring = IvrWiring.start(
                config,
                vertx,
                new IvrWiring.Deps(history, tickets, phones, calendar, sla, mongo, meters, registry),
                blocking,
                clock);
        this.ivrModule = ivrWiring.module();
        this.agiPort = ivrWiring.agiPort();
        IvrService ivr = ivrWiring.service();
        IvrRoutes ivrRoutes = ivrWiring.routes();
        ivr.onTrace(callCenter::ivrFinished);
        SlaRoutes slaRoutes = new SlaRoutes(sla);
        this.followupModule = FollowupModule.wire(
                config.followup(),
                calendar,
                mongo,
                redis,
                new FollowupMeters(registry),
                new org.callcenter.metrics.FollowupDialMeters(registry),
                new org.callcenter.metrics.FollowupCoverageMeters(registry),
                callCenter.telephony(),
                callCenter.agents(),
                vertx,
                blocking,
                clock);
        FollowupRoutes followupRoutes = followupModule.routes();
        org.callcenter.dispatch.DispatchModule dispatch = org.callcenter.dispatch.DispatchModule.wire(
                vertx,
                mongo,
                redis,
                new org.callcenter.dispatch.DispatchModule.Deps(
                        tickets,
                        ticketRepository,
                        customerRepository,
                        history,
                        sla,
                        smsModule,
                        phones,
                        new TicketNumbers(config.tickets().numberDigits()),
                        calendar.zone(),
                        registry),
                blocking,
                clock);
        TicketRoutes ticketRoutes = new TicketRoutes(tickets, phones, meters)
                .withView(t ->
                        sla.withClocks(t).compose(json -> dispatch.service().withVisits(t, json)));
        var returns = ReturnModule.wire(
                mongo, customerRepository, ticketRepository, registry, blocking, clock, config.zone());
        this.wallboard =
                WallboardModule.wire(config.wallboard(), mongo, redis, registry, blocking, clock, config.zone());
        this.qualityModule = QualityModule.wire(
                config.quality(), config.zone(), mongo, redis, ticketRepository, events, registry, blocking, clock);
        ivr.onComplaint(qualityModule::fromIvr);
        dispatch.onComplaint(qualityModule::fromSms);
        CallerHistoryRoutes historyRoutes = new CallerHistoryRoutes(history);
        WebVerticle.Mounts mounts = new WebVerticle.Mounts(
                root -> {
                    system.mount(root);
                    callCenter.mountRoot(root);
                    smsModule.mountRoot(root);
                    wallboard.mount(root, users);
                },
                userRoutes::mountPublic,
                api -> {
                    userRoutes.mount(api);
                    customerRoutes.mount(api);
                    ticketRoutes.mount(api);
                    historyRoutes.mount(api);
                    slaRoutes.mount(api);
                    ivrRoutes.mount(api);
                    followupRoutes.mount(api);
                    dispatch.routes().mount(api);
                    returns.routes().mount(api);
                    qualityModule.routes().mount(api);
                    callCenter.mountApi(api);
                });
        this.httpPort = config.http().port() == 0 ? freePort() : config.http().port();
        AppConfig.HttpConfig http = config.withHttpPort(httpPort).http();
        this.deploymentId = vertx.deployVerticle(
                        () -> new WebVerticle(http, meters, users, mounts),
                        new DeploymentOptions()
                                .setInstances(Math.max(1, Runtime.getRuntime().availableProcessors())))
                .toCompletionStage()
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        // timers fire only once the engine is fully up (the poller fires overdue ones at once)
        slaModule.start(vertx, Duration.ofMillis(config.sla().pollMillis()));
        smsModule.start(Duration.ofMillis(100));
        log.info("engine {} listening on http://{}:{}", version(), http.host(), httpPort);
        followupModule.start(config.followup().planEvery());
        wallboard.callsFrom(callCenter::withLiveCalls);
        wallboard.start(vertx);
        qualityModule.start(vertx);
        callCenter.startDemo(httpPort);
    }

    /** Starts everything; blocks until the HTTP server listens. */
    public static Engine start(AppConfig config, Clock clock) {
        try {
            return new Engine(config, clock);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("engine failed to start: " + e.getMessage(), e);
        }
    }

    public int httpPort() {
        return httpPort;
    }

    /** The FastAGI port (the configured one, or the free one taken when configured as 0). */
    public int agiPort() {
        return agiPort;
    }

    public IvrModule ivr() {
        return ivrModule;
    }

    public AppConfig config() {
        return config;
    }

    public Vertx vertx() {
        return vertx;
    }

    public SmsModule sms() {
        return smsModule;
    }

    public FollowupModule followup() {
        return followupModule;
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public WallboardModule wallboard() {
        return wallboard;
    }

    public QualityModule quality() {
        return qualityModule;
    }

    public MongoStore mongo() {
        return mongo;
    }

    public RedisStore redis() {
        return redis;
    }

    public MongoCustomerRepository customerRepository() {
        return customerRepository;
    }

    public MongoTicketRepository ticketRepository() {
        return ticketRepository;
    }

    /**
     * Graceful stop: the HTTP server stops accepting and in-flight requests finish (bounded by
     * http.shutdown_grace_seconds), store work in flight completes, then the stores close.
     */
    @Override
    public synchronized void close() {
        if (stopped) return;
        stopped = true;
        log.info("stopping: no new requests; finishing in-flight work");
        int grace = config.http().shutdownGraceSeconds() + 5;
        try {
            vertx.undeploy(deploymentId)
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(grace, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("HTTP server did not stop cleanly: {}", e.toString());
        }
        ivrModule.close();
        followupModule.close();
        wallboard.close();
        qualityModule.close();
        callCenter.close();
        slaModule.close();
        smsModule.close();
        blocking.close();
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("Vert.x did not close cleanly: {}", e.toString());
        }
        redis.close();
        mongo.close();
        registry.close();
        log.info("stopped");
    }

    public static String version() {
        try (InputStream in = Engine.class.getResourceAsStream("/version.properties")) {
            Properties p = new Properties();
            if (in != null) p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
