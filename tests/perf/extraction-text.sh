#!/usr/bin/env bash
# The seed's text format on real pages: renders the web-extraction corpus's pages as a scraper saves them (the page
# title, then every visible line, furniture included) under $PERF_WORK/text-pages, parses them with the built app in one
# process, and scores the body with the corpus's gold snippets (score.py: leaked furniture lowers precision) and the
# title, authors and date against the metadata each page declares in its head (extraction-text.py score).
# Usage: tests/perf/extraction-text.sh [--misses]
set -euo pipefail
source "$(dirname "$0")/common.sh"
CORPUS=${CORPUS:-$(cd "$REPO/../shared/corpora/web-extraction" 2>/dev/null && pwd || echo /work/shared/corpora/web-extraction)}
TEXT=$PERF_WORK/text-pages
OUT=$PERF_WORK/extraction-text.jsonl

build_app
if [ ! -f "$TEXT/silver.jsonl" ]; then
    echo "# rendering $(ls "$CORPUS/pages" | wc -l) pages as text into $TEXT" >&2
    python3 "$REPO/tests/perf/extraction-text.py" render "$CORPUS/pages" "$TEXT"
fi
dotnet "$APP_DIR/NewsReader.Web.dll" parse "$TEXT" > "$OUT" || true   # exit 1 when any file is refused
# score.py finds answers by page name: give the .txt answers their page's .html name.
python3 -c '
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line); r["file"] = r["file"][:-4] + ".html"; print(json.dumps(r, ensure_ascii=False))
' "$OUT" > "$OUT.as-html"
python3 "$CORPUS/score.py" "$OUT.as-html" | sed 's/^/body: /'
python3 "$REPO/tests/perf/extraction-text.py" score "$OUT" "$TEXT" "$@"
