package dev.zkjvm.processor.model;

import com.palantir.javapoet.ClassName;

/** The runtime's word type for each word size: the one place that maps sizes to types. */
public final class WordTypes {
    private WordTypes() {
    }

    /** {@code U32}, {@code U64} or {@code U256}. */
    public static String simpleName(int wordSize) {
        return switch (wordSize) {
            case 4 -> "U32";
            case 32 -> "U256";
            default -> "U64";
        };
    }

    /** The qualified name of {@link #simpleName}. */
    public static String qualifiedName(int wordSize) {
        return "dev.zkjvm.runtime." + simpleName(wordSize);
    }

    /** The JavaPoet name of {@link #simpleName}. */
    public static ClassName className(int wordSize) {
        return ClassName.get("dev.zkjvm.runtime", simpleName(wordSize));
    }
}
