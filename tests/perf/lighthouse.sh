#!/usr/bin/env bash
# Lighthouse 12.2.3 (from npm, installed under $PERF_WORK) with Debian's Chromium on the list, article and search pages
# of the app (and an outlet's page) started on 127.0.0.1 over a small database (the seed plus generated articles). Prints one line per page:
# performance, accessibility, best practices, SEO (goals: 95+, 100, 100, 100) and keeps the JSON reports.
# Usage: tests/perf/lighthouse.sh
source "$(dirname "$0")/common.sh"
PORT=${LH_PORT:-5093}
LH_DIR=$PERF_WORK/lighthouse
build_app
if [ ! -x "$LH_DIR/node_modules/.bin/lighthouse" ]; then
    mkdir -p "$LH_DIR"
    npm install --no-audit --no-fund --prefix "$LH_DIR" lighthouse@12.2.3 > "$LH_DIR/install.log" 2>&1
fi
SITE=$PERF_WORK/lighthouse-site; rm -rf "$SITE"; mkdir -p "$SITE/seeds"
cp "$REPO"/seeds/*.txt "$SITE/seeds/"
dotnet "$APP_DIR/NewsReader.Web.dll" generate-corpus --count 60 --out "$SITE/seeds/generated" > /dev/null
machine

NewsReader__DatabasePath=$SITE/lh.db NewsReader__SeedsPath=$SITE/seeds \
    dotnet "$APP_DIR/NewsReader.Web.dll" --urls "http://127.0.0.1:$PORT" > "$SITE/app.log" 2>&1 &
app_pid=$!
trap 'kill $app_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 3000); do curl -fs "http://127.0.0.1:$PORT/" | grep -q 'article class="card' && break; sleep 0.1; done

seed=$(sqlite3 "$SITE/lh.db" "SELECT slug FROM articles WHERE title LIKE 'Japan%' LIMIT 1")
outlet=$(sqlite3 "$SITE/lh.db" "SELECT o.slug FROM outlets o JOIN articles a ON a.outlet_id = o.id GROUP BY o.id ORDER BY count(*) DESC LIMIT 1")
export CHROME_PATH=/usr/bin/chromium
printf '%-8s %5s %5s %5s %5s\n' page perf a11y bp seo
for page in "list|/" "article|/articles/$seed" "search|/search?q=diplomatic" "outlet|/sources/$outlet"; do
    name=${page%%|*}; path=${page#*|}
    "$LH_DIR/node_modules/.bin/lighthouse" "http://127.0.0.1:$PORT$path" --quiet \
        --only-categories=performance,accessibility,best-practices,seo --output=json --output-path="$PERF_WORK/lighthouse-$name.json" \
        --chrome-flags="--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run" \
        > "$PERF_WORK/lighthouse-$name.log" 2>&1 || { echo "$name: lighthouse failed, see $PERF_WORK/lighthouse-$name.log"; continue; }
    node -e '
        const r = require(process.argv[1]); const c = r.categories; const s = k => Math.round(c[k].score * 100);
        const failed = Object.values(r.audits).filter(a => a.score !== null && a.score < 1 && a.scoreDisplayMode === "binary").map(a => a.id);
        console.log(`${process.argv[2].padEnd(8)} ${String(s("performance")).padStart(5)} ${String(s("accessibility")).padStart(5)} ${String(s("best-practices")).padStart(5)} ${String(s("seo")).padStart(5)}  ${r.finalDisplayedUrl.replace(/^http:\/\/[^/]+/, "")}${failed.length ? "  failing: " + failed.join(", ") : ""}`);
    ' "$PERF_WORK/lighthouse-$name.json" "$name"
done
