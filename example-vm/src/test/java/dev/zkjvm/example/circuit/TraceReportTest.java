package dev.zkjvm.example.circuit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkjvm.circuit.machine.report.TraceReport;
import dev.zkjvm.circuit.machine.MachineCircuit;
import dev.zkjvm.example.Cpu64Circuit;
import dev.zkjvm.example.Cpu64Trace;
import dev.zkjvm.example.Programs;
import dev.zkjvm.runtime.Trace;
import dev.zkjvm.runtime.U64;
import dev.zkjvm.circuit.check.CheckReport;
import dev.zkjvm.example.CalculatorCircuit;
import dev.zkjvm.example.CalculatorMachine;
import dev.zkjvm.example.CalculatorProgram;
import dev.zkjvm.example.CalculatorTrace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The report page as text: deterministic, self-contained, small for a large trace. */
@Tag("slow")
class TraceReportTest {
    @Test
    void theSameRunGivesTheSamePage() {
        ReportSubjects.Subject a = ReportSubjects.forgedRead();
        String first = TraceReport.of(a.circuit(), a.trace(), a.check()).html();
        // A second run of the same program on the same input, checked anew.
        Programs.Outcome again = Programs.bubbleSort(ReportSubjects.WORDS);
        MachineCircuit<U64> circuit = Cpu64Circuit.circuit(again.runs());
        Trace<U64> forged = TraceEdits.of(again.machine().trace()).valueLimb(a.forged(), 0,
                again.machine().trace().valueLimb(a.forged(), 0) + 1).build();
        assertEquals(first, TraceReport.of(circuit, forged, circuit.check(forged, Cpu64Trace::mnemonicOf)).html());
    }

    @Test
    void thePageLoadsNothingFromElsewhere() {
        ReportSubjects.Subject s = ReportSubjects.honest();
        String html = TraceReport.of(s.circuit(), s.trace(), s.check()).html();
        assertFalse(Pattern.compile("<(script|img|iframe|link)[^>]*\\s(src|href)=", Pattern.CASE_INSENSITIVE)
                .matcher(html).find(), "the page loads a file");
        assertFalse(html.contains("@import") || html.contains("url(http"), "the style sheet loads a file");
        assertTrue(html.contains("var uPlot="), "uPlot is not inlined");
        assertTrue(html.contains("The MIT License"), "uPlot's licence is not carried");
        assertTrue(html.contains("class=\"verdict ok\""));
    }

    @Test
    void thePageShowsTheInputAndOutputButNotTheAdvice() {
        long[] words = {5, 6, 7};
        Programs.Outcome run = Programs.hashPreimage(words);
        MachineCircuit<U64> circuit = Cpu64Circuit.circuit(run.runs());
        String html = TraceReport.of(circuit, run.machine().trace(),
                circuit.check(run.machine().trace(), Cpu64Trace::mnemonicOf)).html();
        assertTrue(html.contains("<dd id=\"input\">[" + Long.toUnsignedString(Programs.hashOf(words)) + "]</dd>"), html);
        assertTrue(html.contains("<dd id=\"output\">[]</dd>"), html);
        assertTrue(html.contains("<dd id=\"advice\">4 words read; not shown here"), html);
        // a bubble sort's output: its first words, then the count
        Programs.Outcome sort = Programs.bubbleSort(new java.util.SplittableRandom(2).longs(40).toArray());
        MachineCircuit<U64> c = Cpu64Circuit.circuit(sort.runs());
        String page = TraceReport.of(c, sort.machine().trace(), null).html();
        assertTrue(page.contains(" ...] (40 words)</dd>"), page);
    }

    @Test
    void withoutACheckThePageSaysSo() {
        ReportSubjects.Subject s = ReportSubjects.honest();
        String html = TraceReport.of(s.circuit(), s.trace(), null).title("sorting <8> words").html();
        assertTrue(html.contains("Not checked"));
        assertTrue(html.contains("<title>sorting &lt;8&gt; words</title>"));
        assertFalse(html.contains("id=\"failures\""));
    }

    @Test
    void theMemoryCircuitAloneIsRefused() {
        ReportSubjects.Subject s = ReportSubjects.honest();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TraceReport.of(Cpu64Circuit.circuit(), s.trace(), null));
        assertTrue(e.getMessage().contains("forProgram"), e.getMessage());
    }

    /** Bubble sort of 120 words: about 74,000 steps; the page stays under 1 MB and says it thinned. */
    @Test
    void aLargeTraceIsThinnedToTheCap() {
        ReportSubjects.Subject s = LargeRun.get();
        String html = TraceReport.of(s.circuit(), s.trace(), null).html();
        int bytes = html.getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes < 1_000_000, "page of " + bytes + " bytes");
        Matcher m = Pattern.compile("Thinned: (\\d+) of (\\d+) records shown \\(cap (\\d+) points\\)").matcher(html);
        assertTrue(m.find(), "the page does not say it thinned the records");
        assertEquals(s.trace().size(), Integer.parseInt(m.group(2)));
        assertTrue(Integer.parseInt(m.group(1)) <= TraceReport.MAX_RECORD_POINTS);
        Matcher d = Pattern.compile("Thinned: (\\d+) of (\\d+) steps shown").matcher(html);
        assertTrue(d.find(), "the page does not say it thinned the steps");
        assertTrue(Integer.parseInt(d.group(1)) <= TraceReport.MAX_STEP_POINTS);
    }

    /** The guide's snippet ("See it"), on the guide's Calculator machine. */
    @Test
    void theGuidesSnippetWritesTheCalculatorsPage() throws IOException {
        CalculatorMachine vm = CalculatorMachine.create();
        CalculatorProgram program = CalculatorProgram.builder().push(2).push(3).add().push(7).mul().store().build();
        vm.run(program);

        MachineCircuit<U64> circuit = CalculatorCircuit.circuit(List.of(program));
        CheckReport report = circuit.check(vm.trace(), CalculatorTrace::mnemonicOf);
        Path page = Files.createDirectories(Path.of("target", "trace-report")).resolve("calculator.html");
        TraceReport.write(circuit, vm.trace(), report, page);

        String html = Files.readString(page, StandardCharsets.UTF_8);
        assertTrue(html.contains("class=\"verdict ok\""));
        assertTrue(html.contains("Calculator: 1 run, 6 instructions, 6 steps replayed, 11 memory records"), html);
        for (int pc = 0; pc < 6; pc++) {
            assertTrue(html.contains("<tr id=\"line-0-" + pc + "\" data-count=\"1\">"), "line " + pc);
        }
    }
}
