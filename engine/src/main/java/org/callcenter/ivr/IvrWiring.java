package org.callcenter.ivr;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.callcenter.config.AppConfig;
import org.callcenter.metrics.IvrMeters;
import org.callcenter.metrics.Meters;
import org.callcenter.phone.PhoneNumbers;
import org.callcenter.screenpop.CallerHistoryService;
import org.callcenter.sla.BusinessCalendar;
import org.callcenter.sla.SlaService;
import org.callcenter.store.Blocking;
import org.callcenter.store.MongoIvrRepository;
import org.callcenter.store.MongoStore;
import org.callcenter.tickets.TicketNumbers;
import org.callcenter.tickets.TicketService;

/** Builds the IVR (service, scripts, FastAGI server) and starts listening on the AGI port. */
public record IvrWiring(IvrService service, IvrModule module, IvrRoutes routes, int agiPort) {

    /** The collaborators the IVR nodes use. */
    public record Deps(
            CallerHistoryService history,
            TicketService tickets,
            PhoneNumbers phones,
            BusinessCalendar calendar,
            SlaService sla,
            MongoStore mongo,
            Meters meters,
            MeterRegistry registry) {}

    public static IvrWiring start(AppConfig config, Vertx vertx, Deps d, Blocking blocking, Clock clock)
            throws Exception {
        IvrMeters ivrMeters = new IvrMeters(d.registry());
        IvrService ivr = new IvrService(
                d.history(),
                d.tickets(),
                new TicketNumbers(config.tickets().numberDigits()),
                d.phones(),
                d.calendar(),
                config.ivr().callbackWithin(),
                SlaDueTimes.of(d.sla()),
                new MongoIvrRepository(d.mongo()),
                d.meters(),
                ivrMeters,
                blocking,
                clock);
        ScriptRegistry scripts = new ScriptRegistry(
                Path.of(config.ivr().scriptsDir()), (name, outcome) -> ivrMeters.scriptLoad(outcome));
        IvrRunner.Fallback fallback = new IvrRunner.Fallback(
                config.ivr().operatorQueue(), config.ivr().apologyPrompt());
        IvrModule module = new IvrModule(
                vertx,
                scripts,
                new IvrRunner(scripts, ivr, ivrMeters, fallback),
                ivrMeters,
                Duration.ofSeconds(config.agi().replyTimeoutSeconds()));
        int port = module.start(
                config.agi().host(), config.agi().port(), config.ivr().reloadEvery());
        return new IvrWiring(ivr, module, new IvrRoutes(ivr, scripts), port);
    }
}
