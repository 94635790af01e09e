package io.jenkins.plugins.dsomm.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Base of the command-line tests: runs {@code dsomm-gate} in-process with a fixed clock and an empty environment
 * (no CI variables leak into the assessment) and keeps what it printed on standard output and error.
 */
abstract class CommandLineTest {
    @TempDir
    Path dir;

    /** Standard output of the last {@link #run}. */
    String out;
    /** Standard error of the last {@link #run}. */
    String err;

    /** The time the command line sees. */
    Instant now() {
        return Instant.parse("2026-11-01T10:00:00Z");
    }

    @BeforeEach
    final void fixClockAndEnvironment() {
        AssessCommand.clock = Clock.fixed(now(), ZoneOffset.UTC);
        AssessCommand.environment = Map.of();
    }

    @AfterEach
    final void restore() {
        AssessCommand.clock = Clock.systemDefaultZone();
        AssessCommand.environment = System.getenv();
    }

    /** Runs the command line and returns its exit code. */
    final int run(final String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = DsommGateCommand.execute(new PrintWriter(o), new PrintWriter(e), args);
        out = o.toString();
        err = e.toString();
        return code;
    }
}
