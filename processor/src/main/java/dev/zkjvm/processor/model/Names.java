package dev.zkjvm.processor.model;

import javax.lang.model.SourceVersion;

/** Spelling rules for generated names and for the repairs suggested in messages. */
public final class Names {
    private Names() {
    }

    /** {@code raw} with everything that may not appear in an identifier dropped. */
    public static String identifier(String raw, boolean upper) {
        StringBuilder sb = new StringBuilder();
        for (char c : raw.toCharArray()) {
            if (sb.length() == 0 ? Character.isJavaIdentifierStart(c) : Character.isJavaIdentifierPart(c)) {
                sb.append(c);
            }
        }
        String s = sb.length() == 0 ? "x" : sb.toString();
        if (SourceVersion.isKeyword(s)) {
            s = s + "_";
        }
        return upper ? upperCamel(s) : s;
    }

    /** {@code push} to {@code Push}. */
    public static String upperCamel(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** {@code stackPtr} to {@code STACK_PTR}. */
    public static String constant(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(s.charAt(i - 1))) {
                sb.append('_');
            }
            sb.append(Character.toUpperCase(c));
        }
        return sb.toString();
    }
}
