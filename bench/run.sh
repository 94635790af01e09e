#!/usr/bin/env bash
# Builds the benchmarks and runs all of them with short JMH settings (about 15 minutes on 2 cores), see
# docs/performance.md:
#   1. JMH: our parsers against analysis-model on the same generated SARIF, CycloneDX and Dependency-Check files,
#      and the KPIs over 1,000 builds of about 10,000 findings; then the Markdown tables;
#   2. heap checks: a 1 GB report of each format parsed in a -Xmx128m JVM;
#   3. KPI check: stored snapshot size, heap and time of the KPIs over 1,000 builds, in a -Xmx160m JVM;
#   4. the CLI with a --history folder of 1,000 assessment documents (1.7 GB, deleted afterwards), -Xmx384m.
# Results go to bench/target/results/. Generated inputs are cached in $DSOMM_BENCH_DIR (default
# ${TMPDIR:-/tmp}/dsomm-gate-bench; about 180 MB, plus 1 GB at a time for the heap checks).
# Environment: JMH_OPTS (default "-f 1 -wi 3 -w 3s -i 5 -r 3s"), HEAPCHECK_MB (default 1024), HISTORY=0 skips 4.
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

# shellcheck disable=SC2086 # JMH_OPTS is a list of options
java -jar "$JAR" $JMH_OPTS -jvmArgsPrepend "-Ddsomm.bench.dir=$INPUTS" -rf json -rff "$OUT/jmh.json" \
    'ParserBenchmark|KpiBenchmark' | tee "$OUT/jmh.log"
java -Ddsomm.bench.dir="$INPUTS" -cp "$JAR" io.jenkins.plugins.dsomm.bench.ResultTable "$OUT/jmh.json" \
    | tee "$OUT/table.md"

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
