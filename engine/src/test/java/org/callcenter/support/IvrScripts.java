package org.callcenter.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository's shipped IVR scripts are, from the module or the repository root. */
public final class IvrScripts {
    private IvrScripts() {}

    public static Path shipped() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("ivr-scripts");
            if (Files.isRegularFile(candidate.resolve("hotline.yaml"))) return candidate;
        }
        throw new IllegalStateException(
                "ivr-scripts/ not found above " + Path.of("").toAbsolutePath());
    }
}
