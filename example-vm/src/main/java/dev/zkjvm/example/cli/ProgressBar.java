package dev.zkjvm.example.cli;

import dev.zkjvm.circuit.stark.ProofProgress;
import java.io.PrintWriter;

/**
 * Draws the prover's progress as a bar on one line of the error stream: stage, bar, elapsed time.
 * On a terminal the line is redrawn in place; otherwise (a log) each stage gets its own line.
 */
final class ProgressBar implements ProofProgress {
    private static final int WIDTH = 24;

    private final PrintWriter err;
    private final boolean inPlace;
    private final long start = System.nanoTime();
    private int lastLength;
    private int total = 1;

    ProgressBar(PrintWriter err, boolean inPlace) {
        this.err = err;
        this.inPlace = inPlace;
    }

    @Override
    public void stage(String stage, int index, int total) {
        this.total = total;
        draw(index, total, stage);
    }

    /** Completes the bar (after the prover's last stage). */
    void done() {
        draw(total, total, "done");
        if (inPlace) {
            err.println();
        }
        err.flush();
    }

    private void draw(int index, int total, String stage) {
        int filled = WIDTH * index / total;
        String line = String.format("proving [%s%s] %d/%d %-44s %6.1f s", "#".repeat(filled), "-".repeat(WIDTH - filled),
                index, total, stage, (System.nanoTime() - start) / 1e9);
        if (inPlace) {
            err.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        } else {
            err.println(line);
        }
        lastLength = line.length();
        err.flush();
    }
}
