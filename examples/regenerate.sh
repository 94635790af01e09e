#!/usr/bin/env bash
# Regenerates the example security reports in examples/reports/ by running real scanners on the deliberately
# insecure sample application in examples/sample-app/ (our own code, MIT). See examples/README.md.
#
#   examples/regenerate.sh [--install]
#
#   --install   first install the Debian tools (bandit, shellcheck, flawfinder, wapiti) with apt-get (needs root)
#
# Environment:
#   OUT    where the reports go            (default: examples/reports)
#   WORK   scratch folder, wiped each run  (default: /tmp/dsomm-gate-examples)
#   PORT   port of the local DAST target   (default: 8088; the server and the scan use 127.0.0.1 only)
#
# What it needs: Java 17+, Node.js 20+ with npm, python3, network access to Maven Central and the npm registry.
# The Java build uses the repository's Maven wrapper; the npm tools are installed, at the versions pinned below,
# into $WORK/tools (never into the project). The sample application is copied to $WORK/sample-app and scanned
# there, so the reports name files under that folder and the work tree stays clean.
#
# Nothing here edits a report: every file in $OUT is a tool's own output. Scanners exit non-zero when they find
# something; that is expected and only a real failure (no report written) stops the script.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$HERE/.." && pwd)"
OUT="${OUT:-$HERE/reports}"
# the same scans in a second format: kept apart so that an assessment of reports/ counts each scan once
ALT="${ALT:-$HERE/other-formats}"
WORK="${WORK:-/tmp/dsomm-gate-examples}"
PORT="${PORT:-8088}"
TOOLS="$WORK/tools"
APP="$WORK/sample-app"

# Tool versions (npm packages; the Maven plug-in versions are in sample-app/backend/pom.xml)
ESLINT_VERSION=9.39.1
ESLINT_JS_VERSION=9.39.1
ESLINT_PLUGIN_SECURITY_VERSION=4.1.0
ESLINT_PLUGIN_NO_UNSANITIZED_VERSION=4.1.5
ESLINT_FORMATTER_SARIF_VERSION=3.1.0
GLOBALS_VERSION=16.5.0
CYCLONEDX_NPM_VERSION=6.0.1
SECRETLINT_VERSION=13.0.6
SECRETLINT_PRESET_VERSION=13.0.7
SECRETLINT_SARIF_VERSION=13.0.5

log() { printf '\n== %s\n' "$*"; }

# Runs a scanner that exits 1 when it finds something: 0 and 1 are fine, anything else is a failure.
scan() {
    local rc=0
    "$@" || rc=$?
    if [ "$rc" -gt 1 ]; then
        echo "FAILED ($rc): $*" >&2
        exit "$rc"
    fi
}

# Fails unless the report exists and is not empty.
check() {
    [ -s "$1" ] || { echo "FAILED: no report $1" >&2; exit 1; }
    printf '   %-36s %8d bytes\n' "$(basename "$1")" "$(wc -c <"$1")"
}

if [ "${1:-}" = "--install" ]; then
    log "Installing Debian tools"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq bandit shellcheck flawfinder wapiti
fi
for tool in java node npm python3 bandit shellcheck flawfinder wapiti; do
    command -v "$tool" >/dev/null || { echo "missing: $tool (Debian tools: run with --install)" >&2; exit 1; }
done

log "Preparing $WORK"
rm -rf "$WORK"
mkdir -p "$TOOLS" "$OUT"
# a clean copy of the sample application, without build output
tar -C "$HERE" --exclude=target --exclude=node_modules -cf - sample-app | tar -C "$WORK" -xf -

log "Installing the npm tools into $TOOLS"
cat >"$TOOLS/package.json" <<EOF
{
  "name": "dsomm-gate-example-tools",
  "private": true,
  "devDependencies": {
    "@cyclonedx/cyclonedx-npm": "$CYCLONEDX_NPM_VERSION",
    "@eslint/js": "$ESLINT_JS_VERSION",
    "@microsoft/eslint-formatter-sarif": "$ESLINT_FORMATTER_SARIF_VERSION",
    "@secretlint/secretlint-formatter-sarif": "$SECRETLINT_SARIF_VERSION",
    "@secretlint/secretlint-rule-preset-recommend": "$SECRETLINT_PRESET_VERSION",
    "eslint": "$ESLINT_VERSION",
    "eslint-plugin-no-unsanitized": "$ESLINT_PLUGIN_NO_UNSANITIZED_VERSION",
    "eslint-plugin-security": "$ESLINT_PLUGIN_SECURITY_VERSION",
    "globals": "$GLOBALS_VERSION",
    "secretlint": "$SECRETLINT_VERSION"
  }
}
EOF
cp "$HERE/tools/eslint.config.mjs" "$TOOLS/eslint.config.mjs"
cp "$HERE/tools/secretlintrc.json" "$TOOLS/.secretlintrc.json"
(cd "$TOOLS" && npm install --no-audit --no-fund --ignore-scripts --loglevel=error)
BIN="$TOOLS/node_modules/.bin"

# Source scanners first, on the clean copy (before any build output or node_modules exist).
cd "$APP"

log "secretlint $SECRETLINT_VERSION (preset-recommend) -> secretlint.sarif"
scan "$BIN/secretlint" --secretlintrc "$TOOLS/.secretlintrc.json" --no-color \
    --format @secretlint/secretlint-formatter-sarif --output "$OUT/secretlint.sarif" "**/*"
check "$OUT/secretlint.sarif"

log "bandit -> bandit.json"
scan bandit -r . -f json -o "$OUT/bandit.json"
check "$OUT/bandit.json"

log "shellcheck -> shellcheck.xml (checkstyle)"
scan shellcheck -f checkstyle scripts/*.sh >"$OUT/shellcheck.xml"
check "$OUT/shellcheck.xml"

log "flawfinder -> flawfinder.sarif"
scan flawfinder --sarif native/ >"$OUT/flawfinder.sarif"
check "$OUT/flawfinder.sarif"

log "ESLint $ESLINT_VERSION (security, no-unsanitized) -> eslint.sarif"
(cd frontend && scan "$BIN/eslint" --config "$TOOLS/eslint.config.mjs" \
    --format "$TOOLS/node_modules/@microsoft/eslint-formatter-sarif/sarif.js" --output-file "$OUT/eslint.sarif" src)
check "$OUT/eslint.sarif"

log "CycloneDX npm $CYCLONEDX_NPM_VERSION -> cyclonedx-npm.bom.json"
(cd frontend && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error \
    && "$BIN/cyclonedx-npm" --output-format JSON --output-file "$OUT/cyclonedx-npm.bom.json")
check "$OUT/cyclonedx-npm.bom.json"

log "npm audit (only kept if the registry's audit endpoint answers)"
rc=0
(cd frontend && npm audit --json --audit=true >"$WORK/npm-audit.json" 2>"$WORK/npm-audit.err") || rc=$?
if [ "$rc" -le 1 ] && grep -q '"auditReportVersion"' "$WORK/npm-audit.json"; then
    cp "$WORK/npm-audit.json" "$OUT/npm-audit.json"
    check "$OUT/npm-audit.json"
else
    echo "   skipped: the audit endpoint did not answer (exit $rc): $(grep -m1 -o '"message": "[^"]*"' "$WORK/npm-audit.json" || true)"
fi

log "Maven: SpotBugs + FindSecBugs, PMD, CPD, CycloneDX"
(cd backend && "$REPO/mvnw" -B -ntp -q -DskipTests \
    package spotbugs:spotbugs pmd:pmd pmd:cpd cyclonedx:makeAggregateBom)
cp backend/target/spotbugsSarif.json "$OUT/spotbugs.sarif"
mkdir -p "$ALT"
cp backend/target/spotbugsXml.xml "$ALT/spotbugsXml.xml"
cp backend/target/pmd.xml "$OUT/pmd.xml"
cp backend/target/cpd.xml "$OUT/cpd.xml"
cp backend/target/bom.json "$OUT/cyclonedx-maven.bom.json"
check "$ALT/spotbugsXml.xml"
for f in spotbugs.sarif pmd.xml cpd.xml cyclonedx-maven.bom.json; do check "$OUT/$f"; done

log "wapiti (DAST) against http://127.0.0.1:$PORT/ -> wapiti.json, wapiti.xml"
python3 web/server.py "$PORT" &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do
    python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$PORT/', timeout=1)" 2>/dev/null && break
    sleep 0.2
done
# Wapiti 3.0.4 creates every attack module at start-up, and its "wapp" module then downloads a Wappalyzer database
# from the internet unless its config folder holds one. An empty one stops that: the module is not used here.
mkdir -p "$WORK/wapiti"
echo '{}' >"$WORK/wapiti/apps.json"
for format in json xml; do
    dest="$OUT"; [ "$format" = xml ] && dest="$ALT"
    # a short scan of the local page only, with modules that send nothing to any other host
    scan wapiti -u "http://127.0.0.1:$PORT/" --scope folder -m xss,exec,sql,http_headers \
        --flush-session --store-session "$WORK/wapiti" --store-config "$WORK/wapiti" \
        --max-scan-time 120 --no-bugreport -v 0 -f "$format" -o "$dest/wapiti.$format"
    check "$dest/wapiti.$format"
done
kill "$SERVER" 2>/dev/null || true
trap - EXIT

log "Done: reports in $OUT"
