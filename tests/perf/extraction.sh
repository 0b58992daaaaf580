#!/usr/bin/env bash
# Extraction quality and speed on the web-extraction corpus (../shared/corpora/web-extraction, 990 real pages).
# Builds the app, runs its `parse --timings` verb once over the corpus folder (one process), scores the output with the
# corpus's score.py, and lists crashes and refusals with their reasons. Then times Readability.js (jsdom) over the same
# pages in the same run, for the pages/s ratio (READABILITY=0 skips it; READABILITY_EVERY=n times every n-th page only,
# default 5, since jsdom is slow; jsdom is installed under $PERF_WORK once). NewsReader's pages/s are over the same pages.
# Usage: tests/perf/extraction.sh [extra score.py arguments, e.g. --worst 20]
# The parse output stays in $PERF_WORK/extraction.jsonl for `score.py ... --page NAME.html`.
set -euo pipefail
source "$(dirname "$0")/common.sh"
CORPUS=${CORPUS:-$(cd "$REPO/../shared/corpora/web-extraction" 2>/dev/null && pwd || echo /work/shared/corpora/web-extraction)}
READABILITY_JS=${READABILITY_JS:-$(cd "$REPO/../shared/reference/readability-js" 2>/dev/null && pwd || echo /work/shared/reference/readability-js)/Readability.js}
OUT=$PERF_WORK/extraction.jsonl

build_app
echo "# parse over $(ls "$CORPUS/pages" | wc -l) pages in $CORPUS/pages (load average $(cut -d' ' -f1-3 /proc/loadavg))"
t0=$(now)
dotnet "$APP_DIR/NewsReader.Web.dll" parse --timings "$CORPUS/pages" > "$OUT" || true   # exit 1 when any page fails
t1=$(now)

python3 "$CORPUS/score.py" "$OUT" "$@"

RESULT=$PERF_WORK/readability.json
rm -f "$RESULT"
if [ "${READABILITY:-1}" = 1 ]; then
    NODE_DIR=$PERF_WORK/readability
    if [ ! -d "$NODE_DIR/node_modules/jsdom" ]; then
        echo "# installing jsdom for Readability.js into $NODE_DIR" >&2
        mkdir -p "$NODE_DIR"
        (cd "$NODE_DIR" && npm install --no-audit --no-fund --silent jsdom@26 >&2)
    fi
    echo "# Readability.js over the same pages"
    NODE_PATH=$NODE_DIR/node_modules node "$REPO/tests/perf/extraction-readability.js" "$READABILITY_JS" "$CORPUS/pages" "${READABILITY_EVERY:-5}" > "$RESULT"
fi
python3 "$REPO/tests/perf/extraction-summary.py" "$OUT" "$CORPUS/gold.jsonl" "$(elapsed "$t0" "$t1")" "$RESULT" "${READABILITY_EVERY:-5}"
echo "# load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
