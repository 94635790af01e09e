package io.jenkins.plugins.dsomm.bench;

import java.nio.file.Path;

/**
 * What a generator wrote: the file, its size, and the counts a correct parser must find.
 *
 * @param file       the report written
 * @param bytes      its size
 * @param items      results (SARIF), components including nested ones (CycloneDX), dependencies (Dependency-Check)
 * @param open       open findings a DSOMM Gate parser must count
 * @param suppressed suppressed findings
 * @param baseline   issues analysis-model reports for the file by its own rules (it leaves out SARIF results with
 *                   any suppression and reads no VEX state), for the sanity check of the benchmark
 */
public record Generated(Path file, long bytes, int items, int open, int suppressed, int baseline) {
    /** The size in MB (10^6 bytes), as used for MB/s. */
    public double megabytes() {
        return bytes / 1e6;
    }
}
