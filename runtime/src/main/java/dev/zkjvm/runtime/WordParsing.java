package dev.zkjvm.runtime;

import java.math.BigInteger;

/** Number syntax shared by every word type: decimal, optionally negative, or 0x hexadecimal. */
final class WordParsing {
    private WordParsing() {
    }

    static BigInteger parse(String text) {
        String t = text.strip().replace("_", "");
        if (t.startsWith("0x") || t.startsWith("0X")) {
            return new BigInteger(t.substring(2), 16);
        }
        return new BigInteger(t);
    }
}
