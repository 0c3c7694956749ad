package org.callcenter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.callcenter.config.AppConfig;
import org.callcenter.config.ConfigException;
import org.callcenter.config.ConfigLoader;

/** {@code java -jar engine-all.jar [--config FILE]}: starts the engine; SIGTERM stops it gracefully. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        Optional<Path> configFile = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--config" -> {
                    if (i + 1 >= args.length) exit("--config needs a file name");
                    Path file = Path.of(args[++i]);
                    if (!Files.isReadable(file)) exit("config file " + file + " cannot be read");
                    configFile = Optional.of(file);
                }
                case "--help", "-h" -> {
                    System.out.println("usage: engine [--config FILE]   (environment variables override the file;"
                            + " see README)");
                    return;
                }
                default -> exit("unknown argument '" + args[i] + "' (usage: engine [--config FILE])");
            }
        }
        AppConfig config;
        try {
            config = ConfigLoader.load(configFile, System.getenv());
        } catch (ConfigException e) {
            exit("configuration error: " + e.getMessage());
            return;
        }
        Engine engine = Engine.start(config, Clock.system(config.zone()));
        Runtime.getRuntime().addShutdownHook(new Thread(engine::close, "engine-shutdown"));
    }

    private static void exit(String message) {
        System.err.println(message);
        System.exit(2);
    }
}
