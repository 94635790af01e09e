#!/usr/bin/env bash
# Builds the benchmarks and runs all of them with short JMH settings (about 30 minutes on 2 cores), see
# docs/performance.md:
#   1. JMH: our parsers against analysis-model on the same files: real reports of the shared samples folder
#      scaled up by repetition (when ../shared/samples is there; otherwise it says so and skips them) and
#      generated SARIF, CycloneDX and Dependency-Check files; the KPIs over 1,000 builds of about 10,000
#      findings; then the Markdown tables;
#   2. whole processes, paired in one run: dsomm-gate inspect --json (java -jar, the launcher script, and an older
#      jar when BEFORE_JAR is set) against analysis-model and a raw Jackson token scan on the scaled real reports,
#      then dsomm-gate catalog (start-up);
#   3. heap checks: a 1 GB report of each format parsed in a -Xmx128m JVM;
#   4. KPI check: stored snapshot size, heap and time of the KPIs over 1,000 builds, in a -Xmx160m JVM;
#   5. the CLI with a --history folder of 1,000 assessment documents (1.7 GB, deleted afterwards), -Xmx384m.
# Results go to bench/target/results/. Inputs are made in $DSOMM_BENCH_DIR (default
# ${TMPDIR:-/tmp}/dsomm-gate-bench; about 280 MB, plus 1 GB at a time for the heap checks) and never in the
# project: the scaled real reports derive from the samples, whose licences vary.
# Environment: JMH_OPTS (default "-f 1 -wi 3 -w 3s -i 5 -r 3s"), ROUNDS (whole processes, default 5),
# BEFORE_JAR (an older dsomm-gate.jar for step 2), DSOMM_SAMPLES (the samples folder, default ../shared/samples),
# HEAPCHECK_MB (default 1024), HISTORY=0 skips 5.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=bench/target/results
INPUTS=${DSOMM_BENCH_DIR:-${TMPDIR:-/tmp}/dsomm-gate-bench}
JMH_OPTS=${JMH_OPTS:--f 1 -wi 3 -w 3s -i 5 -r 3s}
JAR=bench/target/benchmarks.jar

./mvnw -B -q -pl bench,cli -am package -DskipTests
mkdir -p "$OUT" "$INPUTS"
{
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
    echo "cpu: $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | xargs) x $(nproc)"
    echo "memory: $(free -m 2>/dev/null | awk '/Mem:/ {print $2 " MiB"}')"
    echo "load: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
    java -version 2>&1 | head -2
} | tee "$OUT/machine.txt"

SAMPLES=${DSOMM_SAMPLES:-../shared/samples}
EXCLUDE=()
if [ ! -d "$SAMPLES" ]; then
    echo "SKIPPED real-shaped inputs: no samples folder at $SAMPLES (set DSOMM_SAMPLES); generated inputs only" \
        | tee "$OUT/skipped.txt"
    EXCLUDE=(-e 'ParserBenchmark.real')
fi
export DSOMM_SAMPLES=$SAMPLES

# shellcheck disable=SC2086 # JMH_OPTS is a list of options
java -jar "$JAR" $JMH_OPTS -jvmArgsPrepend "-Ddsomm.bench.dir=$INPUTS" -rf json -rff "$OUT/jmh.json" \
    ${EXCLUDE[@]+"${EXCLUDE[@]}"} 'ParserBenchmark|KpiBenchmark' | tee "$OUT/jmh.log"
java -Ddsomm.bench.dir="$INPUTS" -cp "$JAR" io.jenkins.plugins.dsomm.bench.ResultTable "$OUT/jmh.json" \
    | tee "$OUT/table.md"

BEFORE=()
if [ -n "${BEFORE_JAR:-}" ]; then
    BEFORE=(--before "$BEFORE_JAR")
fi
java -Ddsomm.bench.dir="$INPUTS" -cp "$JAR" io.jenkins.plugins.dsomm.bench.ProcessBench --rounds "${ROUNDS:-5}" \
    --cli cli/target/dsomm-gate.jar --classpath bench/target/classpath.txt \
    --variant "launcher=cli/target/dsomm-gate" ${BEFORE[@]+"${BEFORE[@]}"} | tee "$OUT/processes.md"

for format in sarif sarif-semgrep cyclonedx dependency-check; do
    java -Xmx128m -cp "$JAR" io.jenkins.plugins.dsomm.bench.HeapCheck --format "$format" \
        --size-mb "${HEAPCHECK_MB:-1024}" --dir "$INPUTS" | tee "$OUT/heapcheck-$format.log"
done

java -Xmx160m -cp "$JAR" io.jenkins.plugins.dsomm.bench.KpiCheck | tee "$OUT/kpicheck.log"

if [ "${HISTORY:-1}" != 0 ]; then
    HISTORY_DIR="$INPUTS/history-1000"
    rm -rf "$HISTORY_DIR" "$OUT/cli-history-output"
    java -cp "$JAR" io.jenkins.plugins.dsomm.bench.HistoryFolder --builds 1000 --findings 10000 \
        --dir "$HISTORY_DIR" | tee "$OUT/cli-history.log"
    start=$(date +%s%N)
    java -Xmx384m -jar cli/target/dsomm-gate.jar assess --history "$HISTORY_DIR" -o "$OUT/cli-history-output" \
        --job shop/main --build 1115 "$INPUTS"/dependency-check-*mb-*.json | grep -E '^(KPIs|Findings|Gate)' \
        | tee -a "$OUT/cli-history.log"
    echo "dsomm-gate assess --history (1,000 documents), -Xmx384m: $(( ($(date +%s%N) - start) / 1000000 )) ms" \
        | tee -a "$OUT/cli-history.log"
    rm -rf "$HISTORY_DIR"
fi
