package dev.zkjvm.example.circuit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium, headless, driven by Debian's chromedriver through Selenium. The network of
 * this project's machines is closed, so every background fetch is switched off, and each browser
 * gets a fresh profile. The paths default to Debian's packages ({@code apt-get install chromium
 * chromium-driver}, which {@code .ci/run} does) and can be moved with the system properties
 * {@code zkjvm.chromium} and {@code zkjvm.chromedriver}. A missing browser fails the test: it is
 * never skipped.
 */
final class HeadlessChromium {
    /**
     * Selenium warns that it has no DevTools bindings for this chromium's version; the tests use
     * WebDriver only, so the warning is noise. Held here because loggers are weakly referenced.
     */
    private static final Logger CDP_VERSION_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_VERSION_FINDER.setLevel(Level.SEVERE);
    }

    private HeadlessChromium() {
    }

    /** A new headless browser whose window is {@code width} x {@code height} CSS pixels. */
    static ChromeDriver start(Path profile, int width, int height) throws IOException {
        Path chromium = Path.of(System.getProperty("zkjvm.chromium", "/usr/bin/chromium"));
        Path driver = Path.of(System.getProperty("zkjvm.chromedriver", "/usr/bin/chromedriver"));
        assertTrue(Files.isExecutable(chromium), "no chromium at " + chromium
                + ": install it with `apt-get install -y chromium chromium-driver` (.ci/run does)");
        assertTrue(Files.isExecutable(driver), "no chromedriver at " + driver
                + ": install it with `apt-get install -y chromium-driver` (.ci/run does)");
        Files.createDirectories(profile);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--force-device-scale-factor=1",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
