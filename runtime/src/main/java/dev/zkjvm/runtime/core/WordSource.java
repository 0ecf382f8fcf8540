package dev.zkjvm.runtime.core;

import dev.zkjvm.runtime.InputExhaustedException;
import java.util.ArrayList;
import java.util.List;

/**
 * One input stream of a machine (the public input or the advice): the words supplied, how many a
 * run has read, and the mark a failed step goes back to.
 *
 * @param <W> word type
 */
final class WordSource<W> {
    private final String name;
    private final String which;
    private final ArrayList<W> words = new ArrayList<>();
    private int read;
    private int marked;

    /**
     * @param name  how a message names a word of it, e.g. {@code public input}
     * @param which how a message names the whole, e.g. {@code the input}
     */
    WordSource(String name, String which) {
        this.name = name;
        this.which = which;
    }

    void supply(List<? extends W> more) {
        words.addAll(more);
    }

    /** The next word. @throws InputExhaustedException if every word has been read */
    W next() {
        if (read == words.size()) {
            throw new InputExhaustedException("the program reads " + name + " word " + read + ", but " + which
                    + " has " + words.size() + " word" + (words.size() == 1 ? "" : "s"));
        }
        return words.get(read++);
    }

    /** The words read so far (a view). */
    List<W> read() {
        return words.subList(0, read);
    }

    /** Number of words read so far. */
    int readCount() {
        return read;
    }

    /**
     * Marks the first {@code n} words read without returning them: a replay that starts in the middle
     * of a run.
     *
     * @throws IllegalArgumentException if fewer than {@code n} words are supplied
     */
    void skip(int n) {
        if (n < 0 || n > words.size()) {
            throw new IllegalArgumentException("cannot skip " + n + " words of " + which + " of " + words.size()
                    + " word" + (words.size() == 1 ? "" : "s"));
        }
        read = n;
        marked = n;
    }

    int left() {
        return words.size() - read;
    }

    /** Remembers how many words are read, at the start of a step. */
    void mark() {
        marked = read;
    }

    /** Goes back to the mark: the failed step read nothing. */
    void reset() {
        read = marked;
    }
}
