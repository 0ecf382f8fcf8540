package dev.zkjvm.processor;

import com.palantir.javapoet.ClassName;

/** The runtime's word type for each word size. */
final class WordTypes {
    private WordTypes() {
    }

    static String simpleName(int wordSize) {
        return switch (wordSize) {
            case 4 -> "U32";
            case 32 -> "U256";
            default -> "U64";
        };
    }

    static String qualifiedName(int wordSize) {
        return "dev.zkjvm.runtime." + simpleName(wordSize);
    }

    static ClassName className(int wordSize) {
        return ClassName.get("dev.zkjvm.runtime", simpleName(wordSize));
    }
}
