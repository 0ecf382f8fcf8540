package dev.zkjvm.circuit.tables;

import java.util.regex.Pattern;

/** The names a table system accepts: the same alphabet as constraint systems' names. */
final class Names {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\[\\]#-]*");

    private Names() {
    }

    static String check(String n, String what) {
        if (n == null || !NAME.matcher(n).matches()) {
            throw new IllegalArgumentException("bad " + what + " name '" + n + "': use letters, digits, _ . [ ] # -");
        }
        return n;
    }
}
