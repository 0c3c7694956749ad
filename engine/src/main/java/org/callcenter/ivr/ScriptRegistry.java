package org.callcenter.ivr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scripts of the {@code ivr-scripts/} folder, by name (file name without {@code .yaml}). {@link
 * #refresh()} picks up new, changed and removed files; a changed file that does not validate keeps
 * the previous version running and is logged once with every problem.
 */
public final class ScriptRegistry {
    private static final Logger log = LoggerFactory.getLogger(ScriptRegistry.class);

    private record Version(FileTime modified, long size) {}

    private final Path folder;
    private final BiConsumer<String, String> loaded;
    private final Map<String, IvrScript> scripts = new ConcurrentHashMap<>();
    private final Map<String, Version> seen = new HashMap<>();

    /** {@code loaded} hears (script, outcome) with outcome ok, invalid or removed (metrics). */
    public ScriptRegistry(Path folder, BiConsumer<String, String> loaded) {
        this.folder = folder;
        this.loaded = loaded;
    }

    public Optional<IvrScript> get(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(scripts.get(name));
    }

    public Set<String> names() {
        return Set.copyOf(scripts.keySet());
    }

    public Path folder() {
        return folder;
    }

    /** Loads what changed since the last call; returns how many scripts are loaded now. */
    public synchronized int refresh() {
        if (!Files.isDirectory(folder)) {
            if (seen.put("", new Version(FileTime.fromMillis(0), -1)) == null)
                log.warn("IVR: script folder {} does not exist; every call gets the operator", folder.toAbsolutePath());
            return scripts.size();
        }
        Set<String> present = new HashSet<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.{yaml,yml}")) {
            for (Path file : files) {
                String fileName = file.getFileName().toString();
                String name = fileName.substring(0, fileName.lastIndexOf('.'));
                present.add(name);
                Version v = new Version(Files.getLastModifiedTime(file), Files.size(file));
                if (v.equals(seen.get(name))) continue;
                seen.put(name, v);
                load(name, file);
            }
        } catch (IOException e) {
            log.warn("IVR: cannot read script folder {}: {}", folder, e.toString());
            return scripts.size();
        }
        for (String name : Set.copyOf(scripts.keySet())) {
            if (!present.contains(name)) {
                scripts.remove(name);
                seen.remove(name);
                log.info("IVR: script '{}' removed", name);
                loaded.accept(name, "removed");
            }
        }
        return scripts.size();
    }

    private void load(String name, Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            IvrScript script = ScriptParser.parse(name, file.getFileName().toString(), text);
            boolean replaced = scripts.put(name, script) != null;
            log.info(
                    "IVR: script '{}' {} ({} nodes)",
                    name,
                    replaced ? "reloaded" : "loaded",
                    script.nodes().size());
            loaded.accept(name, "ok");
        } catch (ScriptException e) {
            log.error(
                    "IVR: script '{}' not loaded, {}:\n  {}",
                    name,
                    scripts.containsKey(name) ? "the previous version stays in use" : "calls to it get the operator",
                    String.join("\n  ", e.problems()));
            loaded.accept(name, "invalid");
        } catch (IOException | RuntimeException e) {
            log.error("IVR: script '{}' not loaded: {}", name, e.toString());
            loaded.accept(name, "invalid");
        }
    }
}
