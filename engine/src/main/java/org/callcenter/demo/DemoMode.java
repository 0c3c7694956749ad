package org.callcenter.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.callcenter.agents.AgentService;
import org.callcenter.customers.Customer;
import org.callcenter.customers.CustomerDraft;
import org.callcenter.customers.CustomerService;
import org.callcenter.customers.InstallationDraft;
import org.callcenter.customers.Region;
import org.callcenter.telephony.sim.DemoPbx;
import org.callcenter.users.Role;
import org.callcenter.users.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DEMO_PBX=true: two demo agents with a known password (only in this mode), two known customers
 * and some unknown callers, and a simulated call every few seconds, so a newcomer sees pops at once.
 */
public final class DemoMode {
    private static final Logger log = LoggerFactory.getLogger(DemoMode.class);
    static final List<String[]> CALLERS = List.of(
            new String[] {"02166668888", "Zhang Min"},
            new String[] {"13800138000", "Li Wei"},
            new String[] {"13912345678", "Wang Fang"},
            new String[] {"02087654321", ""});

    private DemoMode() {}

    /** Blocking; called once while the engine starts. */
    public static void start(
            DemoPbx pbx,
            UserService users,
            AgentService agents,
            CustomerService customers,
            Clock clock,
            String password,
            int intervalSeconds,
            String consoleUrl) {
        try {
            for (String ext : List.of("101", "102")) {
                String username = "agent" + ext;
                await(users.create(username, "Agent " + ext, Role.AGENT, password)
                        .recover(e -> io.vertx.core.Future.succeededFuture()));
                await(agents.register(username, "Local/" + ext + "@queue-agents/n", List.of(DemoPbx.QUEUE)));
            }
            customer(
                    customers,
                    clock,
                    "Shanghai Precision Lubrication Co.",
                    CALLERS.get(0)[0],
                    "Zhang Min",
                    "Grease pump GP-200",
                    4);
            customer(
                    customers,
                    clock,
                    "Wuxi Bearings Ltd",
                    CALLERS.get(1)[0],
                    "Li Wei",
                    "Central lubrication unit CL-5",
                    20);
        } catch (Exception e) {
            log.warn("demo setup incomplete: {}", e.toString());
        }
        pbx.startAutomatic(
                Duration.ofSeconds(Math.max(1, intervalSeconds)),
                CALLERS,
                Duration.ofSeconds(4),
                Duration.ofSeconds(12));
        System.out.println("==> DEMO PBX: simulated calls every " + intervalSeconds + " s. Agent console: " + consoleUrl
                + "  login: agent101 (or agent102) / " + password);
    }

    private static void customer(
            CustomerService customers,
            Clock clock,
            String name,
            String phone,
            String contact,
            String product,
            int monthsAgo)
            throws Exception {
        if (await(customers.findByPhone(phone)).isPresent()) return;
        Customer c = await(customers.create(new CustomerDraft(
                name,
                "zh",
                List.of(phone),
                List.of(new Customer.Contact(contact, "maintenance", List.of(phone), null)),
                null,
                Region.NEIGHBOURING)));
        await(customers.addInstallation(
                c.id(),
                new InstallationDraft(product, null, null, LocalDate.now(clock).minusMonths(monthsAgo), null)));
    }

    private static <T> T await(io.vertx.core.Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
