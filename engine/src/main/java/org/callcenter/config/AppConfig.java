package org.callcenter.config;

import java.time.ZoneId;
import java.util.Map;

/** The whole configuration: one record per section. */
public record AppConfig(
        HttpConfig http,
        MongoConfig mongo,
        RedisConfig redis,
        PhoneConfig phone,
        AuthConfig auth,
        CustomersConfig customers,
        TicketsConfig tickets,
        HistoryConfig history,
        AgiConfig agi,
        AmiConfig ami,
        TwilioConfig twilio,
        String publicBaseUrl,
        ZoneId zone,
        SlaConfig sla,
        IvrConfig ivr,
        FollowupConfig followup,
        WallboardConfig wallboard,
        QualityConfig quality) {

    static AppConfig from(Map<String, String> values) {
        Settings s = new Settings(values);
        return new AppConfig(
                new HttpConfig(
                        s.string("http.host"),
                        s.port("http.port"),
                        s.integer("http.max_body_bytes"),
                        s.integer("http.shutdown_grace_seconds")),
                new MongoConfig(s.string("mongodb.uri"), s.string("mongodb.database"), s.string("mongodb.data_dir")),
                new RedisConfig(
                        s.string("redis.url"),
                        s.string("redis.server_binary"),
                        s.string("redis.data_dir"),
                        s.integer("redis.pool_size")),
                new PhoneConfig(s.string("phone.default_region")),
                new AuthConfig(
                        s.string("admin.password"),
                        s.integer("auth.token_ttl_hours"),
                        s.integer("auth.pbkdf2_iterations")),
                new CustomersConfig(s.integer("customers.warranty_months"), WarrantyMonths.byProduct(s)),
                new TicketsConfig(s.integer("tickets.number_digits"), s.integer("tickets.history_limit")),
                new HistoryConfig(s.integer("history.cache_ttl_seconds")),
                new AgiConfig(s.string("agi.host"), s.port("agi.port"), s.integer("agi.reply_timeout_seconds")),
                new AmiConfig(
                        s.string("ami.host"),
                        s.port("ami.port"),
                        s.string("ami.username"),
                        s.string("ami.secret"),
                        s.integer("ami.keepalive_seconds"),
                        s.integer("ami.reconnect_max_seconds"),
                        new AmiConfig.Demo(
                                s.bool("demo.pbx"),
                                s.integer("demo.call_interval_seconds"),
                                s.string("demo.agent_password"))),
                new TwilioConfig(
                        s.string("twilio.account_sid"),
                        s.string("twilio.auth_token"),
                        s.string("twilio.from"),
                        s.string("twilio.api_base"),
                        s.integer("twilio.rate_per_second"),
                        s.string("twilio.supervisor_to")),
                s.string("public.base_url"),
                s.zone("time.zone"),
                SlaConfig.from(s),
                IvrConfig.from(s),
                FollowupConfig.from(s),
                WallboardConfig.from(s),
                QualityConfig.from(s));
    }

    public record HttpConfig(String host, int port, int maxBodyBytes, int shutdownGraceSeconds) {}

    public record MongoConfig(String uri, String database, String dataDir) {
        public boolean embedded() {
            return uri.isBlank();
        }
    }

    public record RedisConfig(String url, String serverBinary, String dataDir, int poolSize) {
        public boolean embedded() {
            return url.isBlank();
        }
    }

    public record PhoneConfig(String defaultRegion) {}

    public record AuthConfig(String adminPassword, int tokenTtlHours, int pbkdf2Iterations) {}

    /** {@code warrantyMonthsByProduct}: lower-case product name → months (overrides warrantyMonths). */
    public record CustomersConfig(int warrantyMonths, Map<String, Integer> warrantyMonthsByProduct) {}

    public record TicketsConfig(int numberDigits, int historyLimit) {
        public TicketsConfig {
            if (numberDigits < 5 || numberDigits > 12)
                throw new ConfigException("tickets.number_digits must be between 5 and 12, got " + numberDigits);
        }
    }

    public record HistoryConfig(int cacheTtlSeconds) {}

    /** {@code replyTimeoutSeconds}: an AGI command unanswered this long means Asterisk is gone. */
    public record AgiConfig(String host, int port, int replyTimeoutSeconds) {}

    /**
     * The AMI client. {@code keepaliveSeconds}: Ping period (a socket silent for two periods is dead);
     * reconnects back off up to {@code reconnectMaxSeconds}. {@code demo}: the demo PBX simulator.
     */
    public record AmiConfig(
            String host,
            int port,
            String username,
            String secret,
            int keepaliveSeconds,
            int reconnectMaxSeconds,
            Demo demo) {
        /** DEMO_PBX=true: the engine runs the AMI simulator, points AMI at it and makes a demo agent. */
        public record Demo(boolean enabled, int callIntervalSeconds, String agentPassword) {}

        public AmiConfig at(String newHost, int newPort, String newSecret) {
            return new AmiConfig(newHost, newPort, username, newSecret, keepaliveSeconds, reconnectMaxSeconds, demo);
        }
    }

    public record TwilioConfig(
            String accountSid, String authToken, String from, String apiBase, int ratePerSecond, String supervisorTo) {
        /** Outbound SMS is sent only when the account is configured. */
        public boolean configured() {
            return !accountSid.isBlank() && !authToken.isBlank() && !from.isBlank();
        }
    }

    public AppConfig withHttpPort(int port) {
        return new AppConfig(
                new HttpConfig(http.host(), port, http.maxBodyBytes(), http.shutdownGraceSeconds()),
                mongo,
                redis,
                phone,
                auth,
                customers,
                tickets,
                history,
                agi,
                ami,
                twilio,
                publicBaseUrl,
                zone,
                sla,
                ivr,
                followup,
                wallboard,
                quality);
    }
}
