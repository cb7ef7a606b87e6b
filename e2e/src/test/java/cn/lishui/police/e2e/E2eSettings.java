package cn.lishui.police.e2e;

import java.nio.file.Path;
import java.time.Duration;

/** Where the tests find the jars and the JVM, and where they write; set by failsafe (see e2e/pom.xml). */
final class E2eSettings {

    private E2eSettings() {
    }

    /** The repository root: {@code -Dfengqiao.root}, else the parent of the working directory (e2e/). */
    static Path root() {
        String root = System.getProperty("fengqiao.root");
        return (root != null ? Path.of(root) : Path.of("").toAbsolutePath().getParent()).toAbsolutePath().normalize();
    }

    static String version() {
        return System.getProperty("fengqiao.version", "0.1.0-SNAPSHOT");
    }

    static Path jarOf(Deployable deployable) {
        String module = deployable.module();
        return root().resolve(module).resolve("target").resolve(module + "-" + version() + ".jar");
    }

    /** Logs and data directories of the started processes: {@code e2e/target/e2e/} by default. */
    static Path workDir() {
        String work = System.getProperty("fengqiao.work");
        return (work != null ? Path.of(work) : root().resolve("e2e/target/e2e")).toAbsolutePath().normalize();
    }

    /** The JVM under test is the one running the tests. */
    static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * How long a set of processes started together may take to become ready
     * ({@code -Dfengqiao.e2e.start-timeout=PT300S}). Generous on purpose: it only bounds a start that
     * hangs (a process that exits fails at once), and the six JVMs of the suite sharing two busy cores
     * have needed over 200 s.
     */
    static Duration startTimeout() {
        return Duration.parse(System.getProperty("fengqiao.e2e.start-timeout", "PT300S"));
    }
}
