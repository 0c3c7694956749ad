package org.callcenter.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** Debian's chromium, headless, as every browser test drives it (Playwright's own download cannot work here). */
public final class Chromium {
    public static final Path PATH = Path.of("/usr/bin/chromium");

    private Chromium() {}

    public static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(PATH), "Debian's chromium is needed (.ci/run installs it)");
    }

    public static Browser launch(Playwright playwright) {
        return playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(PATH)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--headless",
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync")));
    }
}
