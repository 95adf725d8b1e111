package io.packcheck.simulator.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where the hub and station jars are, and how to start a JVM on one of them. */
public record Jars(Path hub, Path agent) {

    public Jars {
        for (Path jar : List.of(hub, agent)) {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("no jar at " + jar.toAbsolutePath()
                        + ": build them first with ./mvnw -q -DskipTests package");
            }
        }
    }

    /**
     * The jars named by the system properties {@code packcheck.hubJar} and {@code packcheck.agentJar}
     * (set by the build for the end-to-end tests), else those under {@code root}'s module target dirs.
     */
    public static Jars locate(Path root) {
        return new Jars(
                Path.of(System.getProperty("packcheck.hubJar", root.resolve("hub-server/target/hub-server.jar").toString())),
                Path.of(System.getProperty("packcheck.agentJar", root.resolve("station-agent/target/station-agent.jar").toString())));
    }

    /**
     * A java command line for a jar. Small heaps, the serial collector and C1 only: a dozen of these JVMs
     * share two cores in the tests, where start-up time and memory matter more than peak speed.
     */
    static List<String> java(Path jar, String heap, List<String> args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-jar", jar.toAbsolutePath().toString()));
        command.addAll(args);
        return command;
    }
}
