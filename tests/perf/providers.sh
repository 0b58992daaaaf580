#!/usr/bin/env bash
# SQLite against PostgreSQL on the same generated corpus: ingestion (the ingest verb into a fresh store), and article
# throughput (wrk, 64 connections, every request a different article with a new query parameter so the output cache
# never answers: the page is read from the store and rendered). Then one PostgreSQL node against two behind nginx.
# PostgreSQL runs in a throwaway cluster (tests/postgres.sh with PG_DURABLE=1: fsync on, commits not waiting for their
# WAL flush, as SQLite's synchronous = NORMAL). Loopback and a unix socket only; everything stops by itself.
# Usage: tests/perf/providers.sh [count] [seconds]   (default 20000 articles, 15 s per wrk run)
source "$(dirname "$0")/common.sh"
COUNT=${1:-20000}
SECONDS_EACH=${2:-15}
PORT_A=${PORT_A:-5094}; PORT_B=${PORT_B:-5095}; PROXY_PORT=${PROXY_PORT:-5096}
build_app
CORPUS=$PERF_WORK/corpus-$COUNT
generate_corpus "$COUNT" "$CORPUS"
SEEDS=$PERF_WORK/empty-seeds; mkdir -p "$SEEDS"
PG_DIR=$(mktemp -d /tmp/newsreader-bench-pg.XXXXXX)
NGINX_DIR=$(mktemp -d /tmp/newsreader-bench-nginx.XXXXXX)
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    [ -f "$NGINX_DIR/nginx.pid" ] && kill "$(cat "$NGINX_DIR/nginx.pid")" 2>/dev/null || true
    bash "$REPO/tests/postgres.sh" stop "$PG_DIR"; rm -rf "$NGINX_DIR"
}
trap cleanup EXIT INT TERM
machine

CLUSTER=$(PG_DURABLE=1 bash "$REPO/tests/postgres.sh" start "$PG_DIR")
PSQL="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/psql"
"$PSQL" -X -q "host=$PG_DIR user=postgres dbname=postgres" -c "CREATE DATABASE newsreader_bench"
PG="Host=$PG_DIR;Username=postgres;Database=newsreader_bench;Maximum Pool Size=100"
SQLITE_DB=$PERF_WORK/providers-$COUNT.db; rm -f "$SQLITE_DB"*

echo "== ingestion of $COUNT articles"
start=$(now)
dotnet "$APP_DIR/NewsReader.Web.dll" ingest "$CORPUS" "--NewsReader:DatabasePath=$SQLITE_DB" > "$PERF_WORK/providers-sqlite-ingest.log"
sqlite_s=$(elapsed "$start" "$(now)")
start=$(now)
dotnet "$APP_DIR/NewsReader.Web.dll" ingest "$CORPUS" --NewsReader:Database:Provider=Postgres "--ConnectionStrings:NewsReader=$PG" > "$PERF_WORK/providers-pg-ingest.log"
pg_s=$(elapsed "$start" "$(now)")
sqlite_n=$(sqlite3 "$SQLITE_DB" "SELECT COUNT(*) FROM articles")
pg_n=$("$PSQL" -X -qtA "host=$PG_DIR user=postgres dbname=newsreader_bench" -c "SELECT COUNT(*) FROM articles")
printf 'SQLite:     %6s articles in %8ss = %5.0f articles/s\n' "$sqlite_n" "$sqlite_s" "$(echo "$sqlite_n / $sqlite_s" | bc -l)"
printf 'PostgreSQL: %6s articles in %8ss = %5.0f articles/s\n' "$pg_n" "$pg_s" "$(echo "$pg_n / $pg_s" | bc -l)"
"$PSQL" -X -q "host=$PG_DIR user=postgres dbname=newsreader_bench" -c "VACUUM ANALYZE" > /dev/null

# Every request a different article, with a counter in the query so the output cache misses.
sqlite3 "$SQLITE_DB" "SELECT slug FROM articles ORDER BY random() LIMIT 2000" > "$PERF_WORK/providers-slugs.txt"
cat > "$PERF_WORK/providers-articles.lua" <<LUA
local slugs = {}
for line in io.lines("$PERF_WORK/providers-slugs.txt") do slugs[#slugs + 1] = line end
local n = 0
request = function()
    n = n + 1
    return wrk.format("GET", "/articles/" .. slugs[(n % #slugs) + 1] .. "?bench=" .. n)
end
LUA

start_node() { # port, then settings as environment assignments
    local port=$1; shift
    env "$@" NewsReader__SeedsPath="$SEEDS" NewsReader__WatchSeeds=false \
        dotnet "$APP_DIR/NewsReader.Web.dll" --urls "http://127.0.0.1:$port" > "$PERF_WORK/providers-node-$port.log" 2>&1 &
    pids+=("$!")
    for _ in $(seq 1 3000); do curl -fs -o /dev/null "http://127.0.0.1:$port/" && return; sleep 0.02; done
    echo "node on $port did not start" >&2; exit 1
}
stop_nodes() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; pids=(); }
articles_wrk() { # label, base url
    wrk -t2 -c64 -d"${SECONDS_EACH}s" --latency -s "$PERF_WORK/providers-articles.lua" "$2" > "$PERF_WORK/providers-wrk-$1.txt"
    printf '%-28s %9s req/s  p50 %8s  p99 %8s  %s\n' "$1" "$(awk '/Requests\/sec/ {print $2}' "$PERF_WORK/providers-wrk-$1.txt")" \
        "$(awk '$1 == "50%" {print $2}' "$PERF_WORK/providers-wrk-$1.txt")" "$(awk '$1 == "99%" {print $2}' "$PERF_WORK/providers-wrk-$1.txt")" \
        "$(grep -E 'Non-2xx|Socket errors' "$PERF_WORK/providers-wrk-$1.txt" | tr '\n' ' ' || true)"
}
warm() { wrk -t2 -c16 -d5s -s "$PERF_WORK/providers-articles.lua" "$1" > /dev/null; }

echo "== article pages from the store (cache bypassed), ${SECONDS_EACH}s each, 64 connections"
start_node "$PORT_A" NewsReader__DatabasePath="$SQLITE_DB"
warm "http://127.0.0.1:$PORT_A"; articles_wrk "sqlite, one node" "http://127.0.0.1:$PORT_A"
stop_nodes
PGENV=(NewsReader__Database__Provider=Postgres "ConnectionStrings__NewsReader=$PG")
start_node "$PORT_A" "${PGENV[@]}"
warm "http://127.0.0.1:$PORT_A"; articles_wrk "postgres, one node" "http://127.0.0.1:$PORT_A"

if command -v nginx > /dev/null; then
    cat > "$NGINX_DIR/nginx.conf" <<CONF
worker_processes 1;
pid $NGINX_DIR/nginx.pid;
error_log $NGINX_DIR/error.log;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $NGINX_DIR/body; proxy_temp_path $NGINX_DIR/proxy; fastcgi_temp_path $NGINX_DIR/fastcgi;
    uwsgi_temp_path $NGINX_DIR/uwsgi; scgi_temp_path $NGINX_DIR/scgi;
    upstream one { server 127.0.0.1:$PORT_A; keepalive 64; }
    upstream two { server 127.0.0.1:$PORT_A; server 127.0.0.1:$PORT_B; keepalive 64; }
    server { listen 127.0.0.1:$PROXY_PORT; location / { proxy_pass http://one; proxy_http_version 1.1; proxy_set_header Connection ""; } }
    server { listen 127.0.0.1:$((PROXY_PORT + 1)); location / { proxy_pass http://two; proxy_http_version 1.1; proxy_set_header Connection ""; } }
}
CONF
    nginx -c "$NGINX_DIR/nginx.conf" -e "$NGINX_DIR/error.log"
    articles_wrk "postgres, one node (nginx)" "http://127.0.0.1:$PROXY_PORT"
    start_node "$PORT_B" "${PGENV[@]}"
    warm "http://127.0.0.1:$PORT_B"
    articles_wrk "postgres, two nodes (nginx)" "http://127.0.0.1:$((PROXY_PORT + 1))"
else
    echo "nginx is not installed (apt-get install nginx-light): one node against two skipped"
fi
