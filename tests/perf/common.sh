# Shared by the perf scripts: a published build of the app and the benchmark tool, under $PERF_WORK.
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PERF_WORK=${PERF_WORK:-/tmp/newsreader-perf}
APP_DIR=$PERF_WORK/app
BENCH_DLL=$REPO/tests/NewsReader.Benchmarks/bin/Release/net10.0/NewsReader.Benchmarks.dll
mkdir -p "$PERF_WORK"

now() { date +%s.%N; }
elapsed() { echo "$2 - $1" | bc -l | xargs printf '%.3f'; }

build_app() {
    if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f "$APP_DIR/NewsReader.Web.dll" ]; then
        echo "# publishing the app and building the benchmark tool (Release)" >&2
        dotnet publish "$REPO/src/NewsReader.Web" -c Release -o "$APP_DIR" --nologo -v quiet >&2
        dotnet build "$REPO/tests/NewsReader.Benchmarks" -c Release --nologo -v quiet >&2
    fi
}

# The app's generate-corpus verb: the seed's text shape with real news typography.
generate_corpus() {
    local count=$1 out=$2
    if [ -f "$out/.count" ] && [ "$(cat "$out/.count")" = "$count" ]; then
        echo "# reusing corpus of $count articles in $out" >&2
        return
    fi
    rm -rf "$out"
    echo "# generating $count articles with the app's generate-corpus verb" >&2
    dotnet "$APP_DIR/NewsReader.Web.dll" generate-corpus --count "$count" --out "$out" >&2
    echo "$count" > "$out/.count"
}

# Sets DB to the database tests/perf/ingest.sh made for this many articles (ingesting a generated corpus when there is
# none) and SEEDS to an empty seeds folder, so the app under test ingests nothing while it is measured.
ensure_database() {
    local count=$1
    DB=$PERF_WORK/ingest-$count.db
    if [ ! -f "$DB" ]; then
        generate_corpus "$count" "$PERF_WORK/corpus-$count"
        dotnet "$APP_DIR/NewsReader.Web.dll" ingest "$PERF_WORK/corpus-$count" "--NewsReader:DatabasePath=$DB" > /dev/null
    fi
    SEEDS=$PERF_WORK/empty-seeds; mkdir -p "$SEEDS"
}

machine() {
    echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB RAM, load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
}
