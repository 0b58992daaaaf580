#!/usr/bin/env bash
# Whole-app load test on loopback: wrk at 64 connections for a bounded time against /, an article page, a source page,
# a search page (when the app has search), and bare Kestrel serving the same article page's bytes as a static file.
# Also: time from process start to the first page served, and the app's peak RSS (VmHWM) under that load.
# Usage: tests/perf/load.sh [count] [seconds]   (count: articles in the database, default 20000; seconds per run, default 10)
# Reuses the database tests/perf/ingest.sh made for the same count, or ingests one.
source "$(dirname "$0")/common.sh"
COUNT=${1:-20000}
SECONDS_EACH=${2:-10}
APP_PORT=${APP_PORT:-5091}
STATIC_PORT=${STATIC_PORT:-5092}
build_app
ensure_database "$COUNT"
STATIC_ROOT=$PERF_WORK/static; rm -rf "$STATIC_ROOT"; mkdir -p "$STATIC_ROOT"
machine

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT INT TERM

# Time from process start to the first page served.
start=$(now)
NewsReader__DatabasePath=$DB NewsReader__SeedsPath=$SEEDS NewsReader__WatchSeeds=false \
    dotnet "$APP_DIR/NewsReader.Web.dll" --urls "http://127.0.0.1:$APP_PORT" > "$PERF_WORK/app.log" 2>&1 &
app_pid=$!; pids+=("$app_pid")
for _ in $(seq 1 3000); do
    if curl -fs -o /dev/null "http://127.0.0.1:$APP_PORT/"; then break; fi
    sleep 0.01
done
echo "first page served $(elapsed "$start" "$(now)")s after process start"

article=$(sqlite3 "$DB" "SELECT slug FROM articles ORDER BY id LIMIT 1 OFFSET $((COUNT / 2))")
source_slug=$(sqlite3 "$DB" "SELECT slug FROM outlets ORDER BY id LIMIT 1")
word=$(sqlite3 "$DB" "SELECT title FROM articles ORDER BY id LIMIT 1 OFFSET $((COUNT / 3))" | cut -d' ' -f1)
curl -fs "http://127.0.0.1:$APP_PORT/articles/$article" > "$STATIC_ROOT/article.html"
echo "article page: $(wc -c < "$STATIC_ROOT/article.html") bytes"

dotnet "$BENCH_DLL" serve-static --root "$STATIC_ROOT" --port "$STATIC_PORT" --seconds 900 &
pids+=("$!")
for _ in $(seq 1 1000); do curl -fs -o /dev/null "http://127.0.0.1:$STATIC_PORT/article.html" && break; sleep 0.01; done

targets=("home|http://127.0.0.1:$APP_PORT/" "article|http://127.0.0.1:$APP_PORT/articles/$article"
         "source|http://127.0.0.1:$APP_PORT/sources/$source_slug")
if curl -fs -o /dev/null "http://127.0.0.1:$APP_PORT/search?q=$word"; then
    targets+=("search|http://127.0.0.1:$APP_PORT/search?q=$word")
else
    echo "search: no /search page in this build; skipped"
fi
targets+=("static|http://127.0.0.1:$STATIC_PORT/article.html")

printf '%-8s %10s %9s %9s\n' page "req/s" p50 p99
declare -A rps
for t in "${targets[@]}"; do
    name=${t%%|*}; url=${t#*|}
    wrk -t2 -c64 -d"${SECONDS_EACH}s" --latency "$url" > "$PERF_WORK/wrk-$name.txt"
    rps[$name]=$(awk '/Requests\/sec/ {print $2}' "$PERF_WORK/wrk-$name.txt")
    p50=$(awk '$1 == "50%" {print $2}' "$PERF_WORK/wrk-$name.txt")
    p99=$(awk '$1 == "99%" {print $2}' "$PERF_WORK/wrk-$name.txt")
    errors=$(grep -E 'Non-2xx|Socket errors' "$PERF_WORK/wrk-$name.txt" | tr '\n' ' ' || true)
    printf '%-8s %10s %9s %9s %s\n' "$name" "${rps[$name]}" "$p50" "$p99" "$errors"
done
echo "article / static: $(echo "${rps[article]} / ${rps[static]}" | bc -l | xargs printf '%.3f') (goal >= 0.5)"
echo "app peak RSS (VmHWM): $(awk '/VmHWM/ {printf "%.0f MB", $2 / 1024}' /proc/$app_pid/status) with $(sqlite3 "$DB" 'SELECT COUNT(*) FROM articles') articles (goal <= 300 MB)"
