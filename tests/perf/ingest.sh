#!/usr/bin/env bash
# Ingestion throughput: the app's `ingest` verb (parse + store + index) over N generated text articles into a fresh
# database, against the ceiling: the very same rows bulk-loaded by the sqlite3 shell into the same schema, same run.
# Usage: tests/perf/ingest.sh [count]   (default 20000; the issue's target is 100000)
source "$(dirname "$0")/common.sh"
COUNT=${1:-20000}
build_app
CORPUS=$PERF_WORK/corpus-$COUNT
generate_corpus "$COUNT" "$CORPUS"
DB=$PERF_WORK/ingest-$COUNT.db
CEILING_DB=$PERF_WORK/ceiling-$COUNT.db
CSV=$PERF_WORK/csv-$COUNT
rm -f "$DB"* "$CEILING_DB"*; rm -rf "$CSV"; mkdir -p "$CSV"
machine

# The ingest verb migrates a fresh database, then ingests every file.
start=$(now)
dotnet "$APP_DIR/NewsReader.Web.dll" ingest "$CORPUS" "--NewsReader:DatabasePath=$DB" > "$PERF_WORK/ingest-$COUNT.log"
app_s=$(elapsed "$start" "$(now)")
ingested=$(sqlite3 "$DB" "SELECT COUNT(*) FROM articles")

# The ceiling: export every row the app wrote, then time the sqlite3 shell loading them into the same schema in one transaction.
# Plain tables only: full-text index tables (virtual, shadow) are filled by the schema's own triggers, if it has them.
# Articles load last: their insert trigger indexes each article's live revision and outlet, which must be there already.
tables=$(sqlite3 "$DB" "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name = 'articles'")
for t in $tables; do sqlite3 -csv "$DB" "SELECT * FROM $t" > "$CSV/$t.csv"; done
sqlite3 "$DB" .schema | grep -v '^CREATE TABLE sqlite_' > "$CSV/schema.sql"
# Debian 12's sqlite3 shell (SQLite 3.40) predates FTS5's contentless_delete (3.43), so its copy of the schema goes without
# it: the ceiling's index then keeps no per-row deletion data, which makes it cheaper to fill, never dearer than the app's.
if ! sqlite3 :memory: "CREATE VIRTUAL TABLE t USING fts5(a, content = '', contentless_delete = 1)" 2> /dev/null; then
    sed -i 's/, contentless_delete = 1//' "$CSV/schema.sql"
fi
{
    echo "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = OFF;"
    echo ".read $CSV/schema.sql"
    echo "BEGIN;"
    for t in $tables; do echo ".import --csv $CSV/$t.csv $t"; done
    echo "COMMIT;"
} > "$CSV/load.sql"
start=$(now)
sqlite3 "$CEILING_DB" < "$CSV/load.sql" > /dev/null
ceiling_s=$(elapsed "$start" "$(now)")
loaded=$(sqlite3 "$CEILING_DB" "SELECT COUNT(*) FROM articles")

app_rate=$(echo "$ingested / $app_s" | bc -l | xargs printf '%.0f')
ceiling_rate=$(echo "$loaded / $ceiling_s" | bc -l | xargs printf '%.0f')
echo "articles: $ingested ingested by the app in ${app_s}s = $app_rate articles/s"
echo "ceiling:  $loaded loaded by sqlite3 in ${ceiling_s}s = $ceiling_rate articles/s (tables: $(echo $tables))"
echo "ratio:    $(echo "$app_rate / $ceiling_rate" | bc -l | xargs printf '%.3f') of the ceiling (goal >= 0.5)"
echo "indexed:  $(sqlite3 "$DB" "SELECT COUNT(*) FROM search_index_docsize") search rows by the app, $(sqlite3 "$CEILING_DB" "SELECT COUNT(*) FROM search_index_docsize") by sqlite3"
echo "corpus:   $(du -sm "$CORPUS" | cut -f1) MB of text; database $(du -m "$DB" | cut -f1) MB"
