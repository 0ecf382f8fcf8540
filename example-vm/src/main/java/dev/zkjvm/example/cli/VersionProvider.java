package dev.zkjvm.example.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code zkvm --version}: the Maven project version, from the jar's manifest
 * ({@code Implementation-Version}) or, when run from classes, from {@code zkvm-version.properties},
 * which the build filters with the same version.
 */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"zkjvm " + version() + " (Java " + System.getProperty("java.version") + ")"};
    }

    /** The project version, or {@code unknown} if neither source has it. */
    static String version() {
        String fromManifest = VersionProvider.class.getPackage().getImplementationVersion();
        if (fromManifest != null) {
            return fromManifest;
        }
        try (InputStream in = VersionProvider.class.getResourceAsStream("/zkvm-version.properties")) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                return properties.getProperty("version", "unknown");
            }
        } catch (IOException e) {
            return "unknown";
        }
        return "unknown";
    }
}
