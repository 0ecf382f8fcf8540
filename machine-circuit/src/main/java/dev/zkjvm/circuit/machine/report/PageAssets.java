package dev.zkjvm.circuit.machine.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The files the report page inlines, read from the class path: uPlot's script, style sheet and
 * licence from its WebJar ({@code org.webjars.npm:uplot}, whatever version is on the class path),
 * and the report's own script and style sheet.
 */
final class PageAssets {
    private static final String WEBJAR = "META-INF/resources/webjars/uplot/";
    private static final String POM = "META-INF/maven/org.webjars.npm/uplot/pom.properties";

    /** uPlot's version, as its WebJar names it. */
    final String uplotVersion;
    /** uPlot's minified script. */
    final String uplotScript;
    /** uPlot's style sheet. */
    final String uplotStyle;
    /** uPlot's licence text, which copies of it must carry. */
    final String uplotLicence;
    /** The report's script. */
    final String reportScript;
    /** The report's style sheet. */
    final String reportStyle;

    private PageAssets() {
        uplotVersion = uplotVersion();
        String base = WEBJAR + uplotVersion + "/";
        uplotScript = read(base + "dist/uPlot.iife.min.js");
        uplotStyle = read(base + "dist/uPlot.min.css");
        uplotLicence = read(base + "LICENSE");
        reportScript = read("dev/zkjvm/circuit/machine/report/report.js");
        reportStyle = read("dev/zkjvm/circuit/machine/report/report.css");
    }

    private static final class Holder {
        static final PageAssets INSTANCE = new PageAssets();
    }

    /** The assets, read once. */
    static PageAssets get() {
        return Holder.INSTANCE;
    }

    private static String uplotVersion() {
        Properties p = new Properties();
        try (InputStream in = open(POM)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + POM, e);
        }
        String v = p.getProperty("version");
        if (v == null || v.isBlank()) {
            throw new IllegalStateException(POM + " names no version");
        }
        return v.trim();
    }

    private static String read(String path) {
        try (InputStream in = open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private static InputStream open(String path) {
        InputStream in = PageAssets.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("the trace report needs " + path + " on the class path"
                    + (path.startsWith("META-INF") ? " (the WebJar org.webjars.npm:uplot)" : ""));
        }
        return in;
    }
}
