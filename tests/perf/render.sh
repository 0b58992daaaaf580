#!/usr/bin/env bash
# Time to build each kind of reading page when no cache can answer: every request carries a new query parameter, so the
# output cache misses and the page is rendered from the database. One client, sequential, p50 of N requests per page.
# Usage: tests/perf/render.sh [count] [requests]   (count: articles in the database, default 20000; requests per page, default 30)
# Reuses the database tests/perf/ingest.sh made for the same count, or ingests one.
source "$(dirname "$0")/common.sh"
COUNT=${1:-20000}
REQUESTS=${2:-30}
APP_PORT=${APP_PORT:-5093}
build_app
ensure_database "$COUNT"
machine

NewsReader__DatabasePath=$DB NewsReader__SeedsPath=$SEEDS NewsReader__WatchSeeds=false NewsReader__Api__RateLimitPermits=0 \
    dotnet "$APP_DIR/NewsReader.Web.dll" --urls "http://127.0.0.1:$APP_PORT" > "$PERF_WORK/render-app.log" 2>&1 &
app_pid=$!
trap 'kill $app_pid 2>/dev/null || true' EXIT INT TERM
for _ in $(seq 1 3000); do curl -fs -o /dev/null "http://127.0.0.1:$APP_PORT/" && break; sleep 0.01; done

outlet=$(sqlite3 "$DB" "SELECT slug FROM outlets ORDER BY id LIMIT 1")
pages=("/" "/?page=100" "/?outlet=$outlet" "/?outlet=$outlet&page=50" "/feed" "/sources/$outlet/feed"
       "/api/articles" "/api/articles?outlet=$outlet" "/sources" "/sources/$outlet" "/api/outlets"
       "/search?outlet=$outlet" "/search?from=2024-01-01&to=2024-01-31")

# Warm-up: the JIT and SQLite's page cache, five passes over every page.
for pass in 1 2 3 4 5; do
    for p in "${pages[@]}"; do
        sep='?'; [[ $p == *\?* ]] && sep='&'
        curl -fs -o /dev/null "http://127.0.0.1:$APP_PORT$p${sep}warm$pass=1"
    done
done

printf '%-45s %9s\n' page "p50 (ms)"
for p in "${pages[@]}"; do
    sep='?'; [[ $p == *\?* ]] && sep='&'
    for i in $(seq 1 "$REQUESTS"); do
        curl -fs -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$APP_PORT$p${sep}r$i=1"
    done | sort -n | awk -v p="$p" '{ t[NR] = $1 } END { printf "%-45s %9.2f\n", p, t[int((NR + 1) / 2)] * 1000 }'
done
