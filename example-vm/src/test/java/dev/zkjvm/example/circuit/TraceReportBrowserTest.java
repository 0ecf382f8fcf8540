package dev.zkjvm.example.circuit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.machine.report.TraceReport;
import dev.zkjvm.example.Cpu64Trace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The trace report as a person sees it: each page is opened from a file in headless chromium (no
 * network), and the test reads what the page shows: the plots drawn on their canvases, the
 * listing's counts, and for a failed check the failing step marked in the listing and on both
 * plots. Screenshots are left in {@code target/trace-report/}.
 */
@Tag("browser")
class TraceReportBrowserTest {
    private static final Path OUT = Path.of("target", "trace-report");
    /** Counts the canvas pixels near a colour (the plots' read, write and failing-mark colours). */
    private static final String COUNT_PIXELS = "var c = document.querySelector(arguments[0] + ' canvas');"
            + "var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; var n = 0;"
            + "for (var i = 0; i < d.length; i += 4) {"
            + "  if (Math.abs(d[i] - arguments[1]) <= 12 && Math.abs(d[i + 1] - arguments[2]) <= 12"
            + "      && Math.abs(d[i + 2] - arguments[3]) <= 12 && d[i + 3] > 200) { n++; } }"
            + "return n;";
    private static ChromeDriver browser;

    @BeforeAll
    static void startBrowser() throws IOException {
        Files.createDirectories(OUT);
        browser = HeadlessChromium.start(Files.createTempDirectory("zkjvm-chromium-"), 1400, 2400);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static void open(ReportSubjects.Subject s, String name) throws IOException {
        Path page = OUT.resolve(name + ".html");
        TraceReport.write(s.circuit(), s.trace(), s.check(), page);
        browser.get(page.toAbsolutePath().toUri().toString());
        assertNotNull(browser.executeScript("return window.zkReport && window.zkReport.memoryPlot"),
                "the report's script did not run");
    }

    private static long pixels(String plot, int r, int g, int b) {
        return (Long) browser.executeScript(COUNT_PIXELS, plot, r, g, b);
    }

    private static void screenshot(String name) throws IOException {
        Files.write(OUT.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    private static WebElement line(int run, int pc) {
        return browser.findElement(By.id("line-" + run + "-" + pc));
    }

    @Test
    void honestRunShowsBothPlotsAndTheListingWithCounts() throws IOException {
        ReportSubjects.Subject s = ReportSubjects.honest();
        assertTrue(s.check().isSatisfied(), s.check()::toString);
        open(s, "honest");
        screenshot("honest");

        for (String plot : List.of("#memory-plot", "#depth-plot")) {
            WebElement canvas = browser.findElement(By.cssSelector(plot + " canvas"));
            assertTrue(canvas.getSize().getWidth() > 300 && canvas.getSize().getHeight() > 100,
                    plot + " canvas is " + canvas.getSize());
        }
        // Every record is a point (the trace is small), and reads (blue) and writes (orange) are drawn.
        assertEquals((long) s.trace().size(), browser.executeScript("return zkReport.memoryPlot.data[0].length"));
        assertTrue(pixels("#memory-plot", 0x1f, 0x77, 0xb4) > 100, "no read points drawn");
        assertTrue(pixels("#memory-plot", 0xff, 0x7f, 0x0e) > 100, "no write points drawn");
        assertEquals(0, pixels("#memory-plot", 220, 0, 0), "failure marks on an honest run");
        assertEquals(0, pixels("#depth-plot", 220, 0, 0), "failure marks on an honest run");
        assertTrue(pixels("#depth-plot", 0x2c, 0xa0, 0x2c) > 50, "no depth line drawn");
        assertEquals(s.outcome().steps(),
                browser.executeScript("return zkReport.depthPlot.data[0].length"));
        assertTrue(browser.findElement(By.id("verdict")).getAttribute("class").contains("ok"));

        // Counts the sort's own structure fixes: the count `in` (pc 0) runs once and the word `in`
        // (pc 8) n times; n passes test `a` (pc 17) n times, every one of the n(n-1)/2 pairs runs `ltu`
        // (pc 27) once, `out` (pc 48) runs n times, `halt` (pc 53) once.
        int n = ReportSubjects.WORDS.length;
        assertCount(line(0, 0), "in", 1);
        assertCount(line(0, 8), "in", n);
        assertCount(line(0, 17), "get a", n);
        assertCount(line(0, 27), "ltu", n * (n - 1) / 2);
        assertCount(line(0, 48), "out", n);
        assertCount(line(0, 53), "halt", 1);
        long total = 0;
        for (WebElement row : browser.findElements(By.cssSelector("table.listing tr[data-count]"))) {
            total += Long.parseLong(row.getAttribute("data-count"));
        }
        assertEquals(s.outcome().steps(), total);
        assertTrue(browser.findElements(By.cssSelector("tr.failing")).isEmpty());
    }

    private static void assertCount(WebElement row, String text, long count) {
        assertEquals(text, row.findElement(By.cssSelector("td.text")).getText().trim(), row.getAttribute("id"));
        assertEquals(String.valueOf(count), row.findElement(By.cssSelector("td.count")).getText(), row.getAttribute("id"));
    }

    @Test
    void failingCheckMarksTheStepInTheListingAndOnBothPlots() throws IOException {
        ReportSubjects.Subject s = ReportSubjects.forgedRead();
        assertFalse(s.check().isSatisfied());
        open(s, "failing");
        screenshot("failing");

        assertTrue(browser.findElement(By.id("verdict")).getAttribute("class").contains("failed"));
        int forged = s.forged();
        long step = s.trace().step(forged);
        // A failure placed at the forged record, at the step the machine numbered, linked to its line.
        List<WebElement> atRecord = browser.findElements(By.cssSelector("tr.failure[data-records~='" + forged + "']"));
        assertFalse(atRecord.isEmpty(), "no failure placed at the forged record " + forged);
        WebElement failure = atRecord.get(0);
        assertTrue(List.of(failure.getAttribute("data-steps").split(" ")).contains(String.valueOf(step)),
                "failure at steps " + failure.getAttribute("data-steps") + ", not at " + step);
        String mnemonic = Cpu64Trace.mnemonicOf(s.trace().opcode(forged));
        String lineId = null;
        for (WebElement link : failure.findElements(By.cssSelector("a"))) {
            String href = link.getAttribute("href");
            String id = href.substring(href.indexOf('#') + 1);
            if (browser.findElement(By.id(id)).findElement(By.cssSelector("td.text")).getText().trim()
                    .startsWith(mnemonic)) {
                lineId = id;
            }
        }
        assertNotNull(lineId, "the failure links no `" + mnemonic + "` line, the instruction that made record " + forged);
        WebElement line = browser.findElement(By.id(lineId));
        assertTrue(line.getAttribute("class").contains("failing"), lineId + " is not marked failing");
        assertFalse(line.findElements(By.cssSelector("td.marks a[href='#" + failure.getAttribute("id") + "']")).isEmpty(),
                "the listing line does not link back to the failure");

        // Both plots carry the mark: a point on the failing series at that record / step, drawn in red.
        Object marked = browser.executeScript("var u = zkReport.memoryPlot; var i = u.data[0].indexOf(arguments[0]);"
                + "return i < 0 ? null : u.data[u.data.length - 1][i];", forged);
        assertNotNull(marked, "the memory plot does not mark record " + forged);
        Object markedStep = browser.executeScript("var u = zkReport.depthPlot; var i = u.data[0].indexOf(arguments[0]);"
                + "return i < 0 ? null : u.data[2][i];", step);
        assertNotNull(markedStep, "the depth plot does not mark step " + step);
        assertTrue(pixels("#memory-plot", 220, 0, 0) > 20, "no red mark drawn on the memory plot");
        assertTrue(pixels("#depth-plot", 220, 0, 0) > 20, "no red mark drawn on the depth plot");
    }

    @Test
    void aLargeTraceIsThinnedAndStillDrawn() throws IOException {
        ReportSubjects.Subject s = LargeRun.get();
        open(s, "large");
        screenshot("large");
        long plotted = (Long) browser.executeScript("return zkReport.memoryPlot.data[0].length");
        assertTrue(plotted > 1000 && plotted <= TraceReport.MAX_RECORD_POINTS, plotted + " points plotted");
        assertTrue(browser.findElement(By.cssSelector("#memory .note")).getText()
                .startsWith("Thinned: " + plotted + " of " + s.trace().size() + " records shown"));
        assertTrue(pixels("#memory-plot", 0x1f, 0x77, 0xb4) > 100, "no read points drawn");
        assertTrue(pixels("#memory-plot", 0xff, 0x7f, 0x0e) > 100, "no write points drawn");
        assertTrue(pixels("#depth-plot", 0x2c, 0xa0, 0x2c) > 50, "no depth line drawn");
        assertEquals("120", line(0, 17).findElement(By.cssSelector("td.count")).getText(), "passes of 120 words");
    }
}
