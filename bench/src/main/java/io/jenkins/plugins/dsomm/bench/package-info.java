/**
 * Benchmarks of the report parsers: deterministic generators of large SARIF, CycloneDX and Dependency-Check
 * reports, JMH benchmarks against analysis-model (the parser library of the Jenkins warnings-ng plugin) and the
 * {@link io.jenkins.plugins.dsomm.bench.HeapCheck} that parses a report of any size in a small heap. See
 * {@code docs/performance.md}.
 */
package io.jenkins.plugins.dsomm.bench;
