package io.sunshine.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The test server's Payara domain, stopped and started with its own {@code asadmin} as an operator
 * would (the build passes {@code it.payaraHome} and {@code it.domain}). The deployed EAR stays in
 * the domain, so a started domain deploys it again from its own copy; nothing is redeployed by the
 * test.
 */
public final class TestDomain {
    private static final String PAYARA_HOME = System.getProperty("it.payaraHome", "target/payara6");
    private static final String DOMAIN = System.getProperty("it.domain", "sunshine-it");

    private TestDomain() {}

    /** Stops the domain (asadmin waits until the JVM is gone) and checks that HTTP is refused. */
    public static void stop() {
        asadmin("stop-domain", DOMAIN);
        await(Duration.ofSeconds(60), () -> !answers(), "the stopped server refuses connections");
    }

    /** Starts the domain and waits (generously: a loaded machine) until the application answers. */
    public static void start() {
        asadmin("start-domain", DOMAIN);
        await(Duration.ofSeconds(240), TestDomain::applicationAnswers, "the application answers");
    }

    /** Whether anything listens on the HTTP port. */
    public static boolean answers() {
        try {
            TestServer.get("/health/live", null, null);
            return true;
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    /** Ready (database reachable, schema migrated) and the API signs a user in. */
    private static boolean applicationAnswers() {
        try {
            TestServer.Answer ready = TestServer.get("/health/ready", null, null);
            if (ready.status() != 200 || !ready.body().contains("schemaVersion")) {
                return false;
            }
            TestServer.token("admin", TestServer.DEMO_PASSWORD);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Polls a condition every half second until it holds or the time is up. */
    public static void await(Duration timeout, BooleanSupplier condition, String what) {
        Instant end = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("Not within " + timeout + ": " + what);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static void asadmin(String... args) {
        File asadmin = new File(PAYARA_HOME, "bin/asadmin");
        File log = new File(System.getProperty("it.state", "target/it-state"), "asadmin.log");
        log.getParentFile().mkdirs();
        List<String> command =
                new java.util.ArrayList<>(List.of(asadmin.getPath(), "--interactive=false"));
        command.addAll(List.of(args));
        try {
            Process p =
                    new ProcessBuilder(command)
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                            .start();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("asadmin " + String.join(" ", args) + " hung; see " + log);
            }
            if (p.exitValue() != 0) {
                throw new AssertionError(
                        "asadmin "
                                + String.join(" ", args)
                                + " failed ("
                                + p.exitValue()
                                + "); see "
                                + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
