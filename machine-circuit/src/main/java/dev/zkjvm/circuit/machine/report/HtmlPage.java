package dev.zkjvm.circuit.machine.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the report as one HTML page: summary and verdict, failures, the two plots, the listing,
 * then the data and the scripts inline (uPlot and the report's own), so that the page needs no
 * network and no other file. Everything is written in a fixed order from the data alone: the same
 * report gives the same bytes.
 */
final class HtmlPage {
    private final ReportData data;
    private final String title;
    private final int maxRecordPoints;
    private final int maxStepPoints;
    private final StringBuilder out = new StringBuilder(1 << 16);

    HtmlPage(ReportData data, String title, int maxRecordPoints, int maxStepPoints) {
        this.data = data;
        this.title = title;
        this.maxRecordPoints = maxRecordPoints;
        this.maxStepPoints = maxStepPoints;
    }

    String render() {
        PageAssets assets = PageAssets.get();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(title)).append("</title>\n<style>\n").append(assets.uplotStyle).append('\n')
                .append(assets.reportStyle).append("</style>\n</head>\n<body>\n");
        out.append("<h1>").append(escape(title)).append("</h1>\n<p class=\"summary\">").append(escape(summary()))
                .append("</p>\n");
        verdict();
        statement();
        failures();
        memory();
        depth();
        listing();
        out.append("<p class=\"note\">Plots drawn by uPlot ").append(escape(assets.uplotVersion))
                .append(" (MIT licence), embedded in this page.</p>\n");
        out.append("<script id=\"report-data\" type=\"application/json\">").append(data.json()).append("</script>\n");
        out.append("<script>\n/*\n").append(assets.uplotLicence.replace("*/", "* /")).append("*/\n")
                .append(assets.uplotScript).append("\n</script>\n");
        out.append("<script>\n").append(assets.reportScript).append("</script>\n</body>\n</html>\n");
        return out.toString();
    }

    private String summary() {
        int instructions = data.lines.size();
        return data.system + ": " + data.runs + (data.runs == 1 ? " run, " : " runs, ") + instructions
                + " instructions, " + data.steps + " steps replayed, " + data.records + " memory records";
    }

    private void verdict() {
        if (data.check == null) {
            out.append("<p id=\"verdict\" class=\"verdict unchecked\">Not checked: no check report was given.</p>\n");
            return;
        }
        if (data.check.isSatisfied()) {
            out.append("<p id=\"verdict\" class=\"verdict ok\">Check satisfied: every constraint holds on all ")
                    .append(data.check.rows()).append(" rows.</p>\n");
            return;
        }
        long total = data.check.failureCount();
        out.append("<p id=\"verdict\" class=\"verdict failed\">Check FAILED: ").append(total)
                .append(" failing (constraint, row) pair").append(total == 1 ? "" : "s").append(" in ")
                .append(data.check.countsByConstraint().size()).append(" constraint")
                .append(data.check.countsByConstraint().size() == 1 ? "" : "s").append(", on ")
                .append(data.check.rows()).append(" rows.</p>\n");
    }

    /** Words shown of a stream before the rest is only counted. */
    private static final int WORDS_SHOWN = 32;

    /** The run's public input and output, and how much advice it read (never its words). */
    private void statement() {
        if (data.input.isEmpty() && data.output.isEmpty() && data.adviceWords == 0) {
            return;
        }
        out.append("<section id=\"statement\">\n<h2>Input and output</h2>\n<p class=\"note\">What a proof of this"
                + " run states, besides the program.</p>\n<dl>\n");
        out.append("<dt>Public input</dt><dd id=\"input\">").append(escape(words(data.input))).append("</dd>\n");
        out.append("<dt>Output</dt><dd id=\"output\">").append(escape(words(data.output))).append("</dd>\n");
        out.append("<dt>Private input (advice)</dt><dd id=\"advice\">").append(data.adviceWords)
                .append(data.adviceWords == 1 ? " word" : " words")
                .append(" read; not shown here, and hidden by a zero-knowledge proof</dd>\n</dl>\n</section>\n");
    }

    private static String words(List<String> words) {
        String shown = String.join(" ", words.subList(0, Math.min(WORDS_SHOWN, words.size())));
        return "[" + shown + (words.size() > WORDS_SHOWN ? " ...] (" + words.size() + " words)" : "]");
    }

    private void failures() {
        if (data.check == null || data.check.isSatisfied()) {
            return;
        }
        out.append("<section id=\"failures\">\n<h2>Failures</h2>\n<p class=\"note\">Failing rows per constraint: ");
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Long> e : data.check.countsByConstraint().entrySet()) {
            parts.add(e.getKey() + " " + e.getValue());
        }
        out.append(escape(String.join(", ", parts))).append(". ");
        if (data.check.omittedCount() > 0) {
            out.append("The check kept ").append(data.check.failures().size()).append(" of them in detail; ")
                    .append(data.check.omittedCount()).append(" more are counted but not listed here. ");
        }
        out.append("Each row below is placed at its step and record and linked to its listing line.</p>\n");
        out.append("<table class=\"failures\">\n<tr><th>#</th><th>constraint</th><th>kind</th><th>table, row</th>"
                + "<th>step</th><th>record</th><th>line</th><th>what the check said</th></tr>\n");
        for (int k = 0; k < data.failures.size(); k++) {
            ReportData.Located f = data.failures.get(k);
            out.append("<tr id=\"failure-").append(k).append("\" class=\"failure\" data-steps=\"")
                    .append(joined(f.steps())).append("\" data-records=\"").append(joined(f.records()))
                    .append("\"><td>").append(k).append("</td><td class=\"constraint\">").append(escape(f.name()))
                    .append("</td><td>").append(escape(f.kind())).append("</td><td>")
                    .append(escape(f.places().get(0).table().label())).append(", row ").append(f.places().get(0).row());
            if (f.places().size() > 1) {
                out.append(" and the next");
            }
            out.append("</td><td>");
            cells(f, p -> p.hasStep() ? String.valueOf(p.step()) : padding(p) ? "padding" : "\u2014");
            out.append("</td><td>");
            cells(f, p -> !p.hasRecord() ? (padding(p) ? "padding" : "\u2014") : p.firstRecord() == p.lastRecord()
                    ? String.valueOf(p.firstRecord()) : p.firstRecord() + "\u2013" + p.lastRecord());
            out.append("</td><td>");
            String separator = "";
            for (int s : f.steps()) {
                ReportData.Line line = data.lines.get(data.lineOfStep(s));
                out.append(separator).append("<a href=\"#").append(line.id()).append("\">run ").append(line.run())
                        .append(", pc ").append(line.pc()).append(": ").append(escape(line.text())).append("</a>");
                separator = "<br>";
            }
            out.append("</td><td class=\"context\">").append(escape(f.detail())).append("</td></tr>\n");
        }
        out.append("</table>\n</section>\n");
    }

    /** The failure's places, each through {@code cell}, the next row after an arrow. */
    private void cells(ReportData.Located f, java.util.function.Function<FailureLocator.Place, String> cell) {
        for (int i = 0; i < f.places().size(); i++) {
            out.append(i == 0 ? "" : " \u2192 ").append(cell.apply(f.places().get(i)));
        }
    }

    private static String joined(int[] values) {
        StringBuilder sb = new StringBuilder();
        for (int v : values) {
            sb.append(sb.length() == 0 ? "" : " ").append(v);
        }
        return sb.toString();
    }

    /** Whether a place without a step is a padding row of its table (past the steps or the records). */
    private boolean padding(FailureLocator.Place p) {
        return switch (p.table()) {
            case STEPS -> p.row() >= data.steps;
            case LOG, SORTED -> !p.hasRecord();
            case UNKNOWN -> false;
        };
    }

    private void memory() {
        out.append("<section id=\"memory\">\n<h2>Memory accesses over time</h2>\n<p class=\"note\">");
        int shown = data.plottedRecords.length;
        if (shown < data.records) {
            out.append("Thinned: ").append(shown).append(" of ").append(data.records).append(" records shown (cap ")
                    .append(maxRecordPoints).append(" points): time is cut into ").append(data.thinning.buckets())
                    .append(" buckets of consecutive records, the cell axis into ").append(data.thinning.levels())
                    .append(" bands, and the first record of each occupied (bucket, band, read/write) box is shown;"
                            + " failing records are always shown. ");
        } else {
            out.append("All ").append(data.records).append(" records shown. ");
        }
        out.append("Drag to zoom in on time, double-click to zoom out; hover for the record.</p>\n<p class=\"key\">");
        for (Lanes.Lane lane : data.lanes.lanes()) {
            out.append("<span><i class=\"").append(lane.kind()).append("\"></i>").append(lane.kind());
            if ("outside".equals(lane.kind())) {
                out.append(": cells ").append(lane.first()).append("\u2013").append(lane.last())
                        .append(", outside every section");
            } else if (lane.touched()) {
                out.append(": cells ").append(lane.first()).append("\u2013").append(lane.last()).append(" shown, of ")
                        .append(lane.sectionFirst()).append("\u2013").append(lane.sectionFirst() + lane.sectionCells() - 1);
            } else {
                out.append(" (").append(lane.sectionCells()).append(" cells, not accessed)");
            }
            out.append("</span>");
        }
        out.append("<span><i class=\"read\"></i>read</span><span><i class=\"write\"></i>write</span>");
        if (data.failingRecords.length > 0) {
            out.append("<span><i class=\"failing\"></i>failing record</span>");
        }
        out.append("</p>\n<div id=\"memory-plot\" class=\"plot\"></div>\n<div id=\"memory-readout\" class=\"readout\"></div>\n"
                + "</section>\n");
    }

    private void depth() {
        out.append("<section id=\"depth\">\n<h2>Stack depth over time</h2>\n<p class=\"note\">Depth before each step. ");
        int shown = data.plottedSteps.length;
        if (shown < data.steps) {
            out.append("Thinned: ").append(shown).append(" of ").append(data.steps).append(" steps shown (cap ")
                    .append(maxStepPoints).append(" points; the lowest and highest depth of each run of steps are"
                            + " kept, and failing steps). ");
        }
        if (data.failingSteps.length > 0) {
            out.append("Red marks: failing steps.");
        }
        out.append("</p>\n<div id=\"depth-plot\" class=\"plot\"></div>\n<div id=\"depth-readout\" class=\"readout\"></div>\n"
                + "</section>\n");
    }

    private void listing() {
        out.append("<section id=\"listing\">\n<h2>Program listing</h2>\n<p class=\"note\">Each line with the number"
                + " of steps that executed it.</p>\n");
        List<List<Integer>> marks = new ArrayList<>();
        for (int i = 0; i < data.lines.size(); i++) {
            marks.add(new ArrayList<>());
        }
        for (int k = 0; k < data.failures.size(); k++) {
            for (int s : data.failures.get(k).steps()) {
                List<Integer> m = marks.get(data.lineOfStep(s));
                if (m.isEmpty() || m.get(m.size() - 1).intValue() != k) {
                    m.add(k);
                }
            }
        }
        long max = data.lines.stream().mapToLong(ReportData.Line::count).max().orElse(0);
        for (int r = 0; r < data.runs; r++) {
            out.append("<h3>Run ").append(r).append("</h3>\n<table class=\"listing\" id=\"run-").append(r)
                    .append("\">\n<tr><th>pc</th><th>count</th><th></th><th>instruction</th><th></th></tr>\n");
            for (int i = data.runStart[r]; i < data.runStart[r + 1]; i++) {
                ReportData.Line l = data.lines.get(i);
                List<Integer> m = marks.get(i);
                String cls = (m.isEmpty() ? "" : "failing") + (l.count() == 0 ? (m.isEmpty() ? "never" : " never") : "");
                out.append("<tr id=\"").append(l.id()).append("\"").append(cls.isEmpty() ? "" : " class=\"" + cls + "\"")
                        .append(" data-count=\"").append(l.count()).append("\"><td class=\"pc\">").append(l.pc())
                        .append("</td><td class=\"count\">").append(l.count()).append("</td><td class=\"bar\"><b style=\"width:")
                        .append(max == 0 ? 0 : (l.count() * 1000 / max) / 10.0).append("%\"></b></td><td class=\"text\">")
                        .append(escape(l.text())).append("</td><td class=\"marks\">");
                for (int k = 0; k < Math.min(m.size(), MARKS_PER_LINE); k++) {
                    int f = m.get(k);
                    out.append(k == 0 ? "" : " ").append("<a href=\"#failure-").append(f).append("\">\u2717 ")
                            .append(escape(data.failures.get(f).name())).append("</a>");
                }
                if (m.size() > MARKS_PER_LINE) {
                    out.append(" and ").append(m.size() - MARKS_PER_LINE).append(" more");
                }
                out.append("</td></tr>\n");
            }
            out.append("</table>\n");
        }
        out.append("</section>\n");
    }

    private static final int MARKS_PER_LINE = 4;

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
