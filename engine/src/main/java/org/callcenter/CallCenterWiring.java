package org.callcenter;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.util.List;
import org.callcenter.agents.AgentRoutes;
import org.callcenter.agents.AgentService;
import org.callcenter.calls.CallRecorder;
import org.callcenter.calls.CallRoutes;
import org.callcenter.calls.CallService;
import org.callcenter.calls.CallsModule;
import org.callcenter.common.EventPublisher;
import org.callcenter.common.VertxTimers;
import org.callcenter.config.AppConfig;
import org.callcenter.customers.CustomerService;
import org.callcenter.demo.DemoMode;
import org.callcenter.metrics.CallMeters;
import org.callcenter.phone.PhoneNumbers;
import org.callcenter.screenpop.AgentConsole;
import org.callcenter.screenpop.CallerHistoryService;
import org.callcenter.screenpop.ScreenPopService;
import org.callcenter.screenpop.ScreenPopSocket;
import org.callcenter.store.Blocking;
import org.callcenter.store.MongoAgentRepository;
import org.callcenter.store.MongoCallRepository;
import org.callcenter.store.MongoStore;
import org.callcenter.store.MongoUserRepository;
import org.callcenter.store.RedisAmiLease;
import org.callcenter.store.RedisStore;
import org.callcenter.telephony.Telephony;
import org.callcenter.tickets.TicketService;
import org.callcenter.users.UserService;
import org.callcenter.web.Health;

/**
 * Wiring of the live-call side (agents, calls, screen-pop, the AMI edge, demo mode), so the engine
 * only creates it, mounts its routes and closes it. Starting it never fails on Asterisk: the AMI
 * connection retries in the background and shows in /health as a non-required dependency.
 */
final class CallCenterWiring implements AutoCloseable {
    private final CallsModule callsModule;
    private final AppConfig config;
    private final AgentService agents;
    private final UserService users;
    private final CustomerService customers;
    private final Clock clock;
    private final Telephony telephony;
    private final AgentConsole console;
    private final AgentRoutes agentRoutes;
    private final CallRoutes callRoutes;

    CallCenterWiring(
            AppConfig config,
            Vertx vertx,
            MeterRegistry registry,
            MongoStore mongo,
            RedisStore redis,
            Blocking blocking,
            EventPublisher events,
            PhoneNumbers phones,
            CallerHistoryService history,
            CustomerService customers,
            TicketService tickets,
            UserService users,
            Health health,
            Clock clock) {
        this.config = config;
        this.users = users;
        this.customers = customers;
        this.clock = clock;
        CallMeters meters = new CallMeters(registry);
        this.agents = new AgentService(
                new MongoAgentRepository(mongo, redis), new MongoUserRepository(mongo), events, blocking, clock);
        agents.load();
        MongoCallRepository calls = new MongoCallRepository(mongo, redis);
        this.callsModule = new CallsModule(
                vertx, events, new CallRecorder(calls, blocking, meters, clock), agents, phones, meters, clock);
        new ScreenPopService(vertx.eventBus(), history, meters, clock).start();
        vertx.eventBus()
                .<org.callcenter.agents.AgentEvents.AgentChanged>consumer(
                        org.callcenter.agents.AgentEvents.CHANGED,
                        m -> agents.reload(m.body().username()));
        this.telephony = Telephony.start(
                config.ami(),
                (host, port) -> new RedisAmiLease(redis, host, port),
                callsModule::accept,
                new VertxTimers(vertx),
                meters,
                clock);
        health.add(new Health.Dependency("asterisk-ami", false, telephony.mode(), telephony::healthy));
        this.console = new AgentConsole(new ScreenPopSocket(users, agents, meters));
        this.agentRoutes = new AgentRoutes(agents);
        this.callRoutes = new CallRoutes(new CallService(calls, tickets, agents, blocking));
    }

    /** An IVR session ended: its path joins the live call (and so the pop and the call record). */
    void ivrFinished(org.callcenter.ivr.IvrTrace trace) {
        String call = trace.linkedId() != null && !trace.linkedId().isBlank() ? trace.linkedId() : trace.uniqueId();
        List<String> path = trace.path().stream()
                .map(step ->
                        step.input() == null || step.input().isBlank() ? step.node() : step.node() + ":" + step.input())
                .toList();
        callsModule.accept(new org.callcenter.calls.CallEvents.IvrFinished(call, path, clock.instant()));
    }

    void mountRoot(Router root) {
        console.mount(root);
    }

    /** The live calls, handed over on the call tracker's context (the wallboard's seed). */
    void withLiveCalls(java.util.function.Consumer<List<org.callcenter.calls.CallRecord>> seed) {
        callsModule.withLiveCalls(seed);
    }

    Telephony telephony() {
        return telephony;
    }

    AgentService agents() {
        return agents;
    }

    void mountApi(Router api) {
        agentRoutes.mount(api);
        callRoutes.mount(api);
    }

    /** Demo mode only: demo agents and customers, then simulated calls. Blocking. */
    void startDemo(int httpPort) {
        telephony
                .demo()
                .ifPresent(pbx -> DemoMode.start(
                        pbx,
                        users,
                        agents,
                        customers,
                        clock,
                        config.ami().demo().agentPassword(),
                        config.ami().demo().callIntervalSeconds(),
                        "http://localhost:" + httpPort + "/agent/"));
    }

    @Override
    public void close() {
        telephony.close();
    }
}
