#!/usr/bin/env bash
# Soak test: the app serving readers (wrk, 16 connections, rotating pages) while an editor signs in and files corrections
# and files churn in the seeds folder (new, edited, renamed, deleted, hostile files from the fuzz generator) for a bounded
# time. Reports, per minute: RSS, reader errors (non-2xx/3xx and socket errors) and p99 latency, and editor failures.
# Usage: tests/perf/soak.sh [minutes] [count]   (minutes default 10; count: articles in the database, default 20000)
source "$(dirname "$0")/common.sh"
MINUTES=${1:-10}
COUNT=${2:-20000}
APP_PORT=${APP_PORT:-5093}
build_app
ensure_database "$COUNT"
SOAK=$PERF_WORK/soak; rm -rf "$SOAK"; mkdir -p "$SOAK/seeds"
cp "$DB" "$SOAK/soak.db"
machine

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT INT TERM

dotnet "$APP_DIR/NewsReader.Web.dll" users add soak-editor --role editor --password-stdin "--NewsReader:DatabasePath=$SOAK/soak.db" <<< "soak-harbour-lamp-tangerine" > /dev/null
NewsReader__DatabasePath=$SOAK/soak.db NewsReader__SeedsPath=$SOAK/seeds NewsReader__RescanInterval=00:00:10 \
    dotnet "$APP_DIR/NewsReader.Web.dll" --urls "http://127.0.0.1:$APP_PORT" > "$SOAK/app.log" 2>&1 &
app_pid=$!; pids+=("$app_pid")
for _ in $(seq 1 3000); do curl -fs -o /dev/null "http://127.0.0.1:$APP_PORT/" && break; sleep 0.01; done
base=http://127.0.0.1:$APP_PORT
slugs=$(sqlite3 "$SOAK/soak.db" "SELECT slug FROM articles ORDER BY random() LIMIT 50")

# File churn: one change a second.
(
    i=0
    dotnet "$APP_DIR/NewsReader.Web.dll" generate-corpus --count 200 --out "$SOAK/pool" > /dev/null 2>&1
    mapfile -t pool < <(find "$SOAK/pool" -name "*.txt" | sort)
    while true; do
        f=${pool[$((i % ${#pool[@]}))]}; name=$SOAK/seeds/churn-$((i % 50)).txt
        case $((i % 5)) in
            0) cp "$f" "$name" ;;
            1) [ -f "$name" ] && echo "An added paragraph $i." >> "$name" ;;
            2) [ -f "$name" ] && mv "$name" "$SOAK/seeds/renamed-$i.txt" ;;
            3) rm -f "$SOAK/seeds"/renamed-$((i - 1)).txt ;;
            4) printf -- '---\na: &a [*a]\ntitle: *a\n---\n' > "$SOAK/seeds/alias-$((i % 7)).md" ;;
        esac
        i=$((i + 1)); sleep 1
    done
) & pids+=("$!")

# Editor: signs in through the login form and files a clarification on one article after another, every few seconds,
# through the real admin form (/admin/articles/{slug}/correct: Kind, Note, BaseRevisionId, Action=publish, with the
# form's antiforgery token and Blazor's _handler). A filed correction answers 302 to /admin?published=...; anything
# else counts as a failure.
(
    jar=$SOAK/editor.cookies; fails=0; done_count=0
    form_value() { grep -o "name=\"$1\"[^>]*value=\"[^\"]*\"" | head -1 | sed 's/.*value="//;s/"$//'; }
    page=$(curl -fs -b "$jar" -c "$jar" "$base/admin/login")
    t=$(form_value __RequestVerificationToken <<< "$page")
    where=$(curl -s -o /dev/null -w '%{redirect_url}' -b "$jar" -c "$jar" --data-urlencode "__RequestVerificationToken=$t" \
        --data-urlencode "UserName=soak-editor" --data-urlencode "Password=soak-harbour-lamp-tangerine" "$base/admin/sign-in")
    case $where in */admin/login*|"") echo "editor sign-in failed ($where)" >&2; fails=$((fails + 1)) ;; esac
    n=0
    while true; do
        for slug in $slugs; do
            n=$((n + 1))
            page=$(curl -fs -b "$jar" -c "$jar" "$base/admin/articles/$slug/correct" || true)
            t=$(form_value __RequestVerificationToken <<< "$page"); rev=$(form_value BaseRevisionId <<< "$page")
            where=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -b "$jar" -c "$jar" --data-urlencode "__RequestVerificationToken=$t" \
                --data-urlencode "_handler=file-correction" --data-urlencode "Kind=Clarification" --data-urlencode "BaseRevisionId=$rev" \
                --data-urlencode "Note=Soak clarification $n: the harbour figures were “revised” — see the port’s note." --data-urlencode "Action=publish" \
                "$base/admin/articles/$slug/correct")
            case $where in "302 "*published=*) done_count=$((done_count + 1)) ;; *) fails=$((fails + 1)); echo "correction on $slug: $where" >> "$SOAK/editor-failures.txt" ;; esac
            echo "$done_count $fails" > "$SOAK/editor.txt"
            sleep 3
        done
    done
) & pids+=("$!")

# Readers, a minute at a time, with RSS sampled each minute.
echo "| minute | RSS MB | reader requests | errors | worst p99 of the 4 pages |"
echo "|---|---|---|---|---|"
for m in $(seq 1 "$MINUTES"); do
    page=$(echo "$slugs" | sed -n "$((m % 50 + 1))p")
    for url in "$base/" "$base/articles/$page" "$base/search?q=harbour" "$base/feed"; do
        wrk -t1 -c4 -d60s --latency "$url" > "$SOAK/wrk-$m-$(echo "$url" | md5sum | cut -c1-6).txt" &
    done
    wait $(jobs -p | tail -4) 2>/dev/null || true
    rss=$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$app_pid/status")
    reqs=$(cat "$SOAK"/wrk-"$m"-*.txt | awk '/requests in/ {s += $1} END {print s}')
    errors=$(cat "$SOAK"/wrk-"$m"-*.txt | awk '/Non-2xx|Socket errors/ {for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+,?$/) s += $i} END {print s + 0}')
    # The worst p99 of the four pages, in ms (wrk writes us, ms or s).
    p99=$(cat "$SOAK"/wrk-"$m"-*.txt | awk '$1 == "99%" {v = $2 + 0; if ($2 ~ /us$/) v /= 1000; else if ($2 ~ /[0-9]s$/) v *= 1000; if (v > max) max = v} END {printf "%.1f ms", max}')
    echo "| $m | $rss | $reqs | $errors | $p99 |"
done
echo "editor: $(cat "$SOAK/editor.txt" 2>/dev/null || echo '0 0') (corrections filed, failures); peak RSS $(awk '/VmHWM/ {printf "%.0f MB", $2 / 1024}' "/proc/$app_pid/status")"
echo "server errors logged: $(grep -c "Unhandled exception\|fail:" "$SOAK/app.log" || true)"
echo "churn seen by ingestion (ingestion_log outcomes for files in the soak's seeds): $(sqlite3 "$SOAK/soak.db" "SELECT group_concat(outcome || ' ' || n, ', ') FROM (SELECT outcome, count(*) n FROM ingestion_log WHERE path LIKE '$SOAK/seeds/%' GROUP BY outcome)")"
echo "corrections in the database: $(sqlite3 "$SOAK/soak.db" "SELECT count(*) FROM corrections WHERE note_markdown LIKE 'Soak clarification%'")"
