package dev.zkjvm.example.cli;

import dev.zkjvm.runtime.Word;
import dev.zkjvm.runtime.WordType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The plain format of the command line's input, advice and output files: words separated by white
 * space or commas, each a decimal number (a negative one is taken modulo 2^bits) or a {@code 0x}
 * hexadecimal number, in order; {@code #} or {@code ;} starts a comment that runs to the end of
 * the line. Written one decimal word per line.
 */
final class WordsFile {
    private WordsFile() {
    }

    /**
     * The words of {@code file}.
     *
     * @throws CliFailure naming the file, line and token of a word that does not parse or does not
     *     fit, or the file that cannot be read
     */
    static <W extends Word<W>> List<W> read(Path file, WordType<W> type) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliFailure(ExitCode.IO_ERROR, "cannot read words file " + file + ": " + e, e);
        }
        return parse(file.toString(), lines, type);
    }

    /** The words of {@code lines}; {@code source} names them in errors. */
    static <W extends Word<W>> List<W> parse(String source, List<String> lines, WordType<W> type) {
        List<W> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).replaceFirst("[#;].*", "");
            for (String token : line.split("[\\s,]+")) {
                if (token.isEmpty()) {
                    continue;
                }
                try {
                    out.add(type.parse(token));
                } catch (RuntimeException e) {
                    throw new CliFailure(ExitCode.USAGE, source + ":" + (i + 1) + ": `" + token + "` is not a "
                            + 8 * type.bytes() + "-bit word (" + e.getMessage() + "); words are decimal or 0x"
                            + " hexadecimal, separated by spaces, commas or lines");
                }
            }
        }
        return List.copyOf(out);
    }

    /** Writes {@code words} to {@code file}, one decimal word per line. */
    static void write(Path file, List<? extends Word<?>> words) {
        StringBuilder sb = new StringBuilder();
        for (Word<?> w : words) {
            sb.append(w).append('\n');
        }
        try {
            Files.writeString(file, sb, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliFailure(ExitCode.IO_ERROR, "cannot write words file " + file + ": " + e, e);
        }
    }
}
