package org.callcenter.telephony;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.callcenter.calls.CallEvents.CallSignal;
import org.callcenter.common.Timers;
import org.callcenter.config.AppConfig.AmiConfig;
import org.callcenter.metrics.CallMeters;
import org.callcenter.telephony.ami.AmiConnector;
import org.callcenter.telephony.sim.AmiServer;
import org.callcenter.telephony.sim.DemoPbx;

/**
 * The telephony edge's lifecycle: the AMI connection, and in demo mode the PBX simulator it talks
 * to (on a free loopback port, with a one-off secret).
 */
public final class Telephony implements AutoCloseable {
    /** The simulator's queue members, as in the transcripts' hotline. */
    public static final List<String[]> DEMO_MEMBERS = List.of(
            new String[] {"Local/101@queue-agents/n", "Agent 101"},
            new String[] {"Local/102@queue-agents/n", "Agent 102"});

    private final AmiConnector connector;
    private final AmiServer simulator;
    private final DemoPbx pbx;
    private final String mode;

    private Telephony(AmiConnector connector, AmiServer simulator, DemoPbx pbx, String mode) {
        this.connector = connector;
        this.simulator = simulator;
        this.pbx = pbx;
        this.mode = mode;
    }

    /** {@code ownership}: given the AMI host and port actually used, the lease that decides which instance connects. */
    public static Telephony start(
            AmiConfig config,
            java.util.function.BiFunction<String, Integer, AmiOwnership> ownership,
            Consumer<CallSignal> sink,
            Timers timers,
            CallMeters meters,
            Clock clock) {
        AmiServer simulator = null;
        DemoPbx pbx = null;
        String mode = "external " + config.host() + ":" + config.port();
        if (config.demo().enabled()) {
            byte[] secret = new byte[12];
            new SecureRandom().nextBytes(secret);
            String oneOff = HexFormat.of().formatHex(secret);
            simulator = AmiServer.start(0, config.username(), oneOff, clock);
            config = config.at("127.0.0.1", simulator.port(), oneOff);
            pbx = new DemoPbx(simulator, timers, clock, DEMO_MEMBERS);
            mode = "demo simulator 127.0.0.1:" + simulator.port();
        } else if (config.host().isBlank()) {
            mode = "disabled";
        }
        AmiConnector connector =
                new AmiConnector(config, ownership.apply(config.host(), config.port()), sink, timers, meters, clock);
        connector.start();
        return new Telephony(connector, simulator, pbx, mode);
    }

    public boolean connected() {
        return connector.connected();
    }

    /** For /health: connected, or standing by while another engine instance owns the connection. */
    public boolean healthy() {
        return connector.healthy();
    }

    public String state() {
        return connector.state().name().toLowerCase()
                + (connector.lastError().isEmpty() ? "" : ": " + connector.lastError());
    }

    public String mode() {
        return mode;
    }

    /** Click-to-call through the AMI edge (the agent's phone first, then the customer). */
    public java.util.concurrent.CompletableFuture<OriginateCall.Result> originate(OriginateCall call) {
        return connector.originate(call);
    }

    public Optional<DemoPbx> demo() {
        return Optional.ofNullable(pbx);
    }

    @Override
    public void close() {
        if (pbx != null) pbx.stop();
        connector.close();
        if (simulator != null) simulator.close();
    }
}
