package dev.zkjvm.spark;

import org.apache.spark.launcher.JavaModuleOptions;

/**
 * Spark reads JDK internals (direct buffers, {@code sun.nio.ch}) that Java 17 keeps closed unless
 * the JVM was started with {@code --add-opens}; without them a context fails deep inside Spark
 * with an access error, so this check fails first and says what to do.
 */
final class JavaModuleAccess {
    private static final String[] NEEDED = {"java.nio", "sun.nio.ch", "java.lang.invoke", "java.util"};

    private JavaModuleAccess() {
    }

    /** @throws IllegalStateException naming the JVM flags, if a package Spark needs is closed */
    static void require() {
        Module base = Object.class.getModule();
        Module us = JavaModuleAccess.class.getModule();
        for (String pkg : NEEDED) {
            if (!base.isOpen(pkg, us)) {
                throw new IllegalStateException("Spark needs JDK packages opened to it, but java.base/" + pkg
                        + " is closed: run zkvm-spark.jar with `java -jar` (its manifest opens them) or start the JVM with "
                        + JavaModuleOptions.defaultModuleOptions());
            }
        }
    }
}
