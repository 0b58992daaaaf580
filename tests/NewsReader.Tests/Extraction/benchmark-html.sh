#!/usr/bin/env bash
# HTML extraction benchmark: runs `parse` once, in one process, over every HTML fixture padded to a realistic
# ~100 KB page (inline CSS in the head, a mega-menu, inline config scripts and a link-heavy footer, which is what
# makes real news pages big), each copied COPIES times. Prints pages/s and mean ms per page and per 100 KB,
# after subtracting the process start-up measured by parsing a single page.
# Usage: tests/NewsReader.Tests/Extraction/benchmark-html.sh [copies]   (default 10)
set -euo pipefail
cd "$(dirname "$0")/../../.."
COPIES="${1:-10}"
FIXTURES=tests/NewsReader.Tests/Fixtures/html
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

dotnet build src/NewsReader.Web -c Release -v quiet -nologo >/dev/null
DLL=src/NewsReader.Web/bin/Release/net10.0/NewsReader.Web.dll

# Page furniture of realistic weight, built once.
{
  echo '<style>'
  for i in $(seq 1 400); do echo ".c-$i{margin:0 auto;padding:${i}px 4px;font:16px/1.5 Georgia,serif;color:#1a1a1a}.c-$i:hover{color:#06c}"; done
  echo '</style>'
} > "$WORK/head.pad"
{
  echo '<nav class="mega-menu"><ul>'
  for i in $(seq 1 250); do echo "<li><a href=\"/section/$i\">Section $i</a><ul><li><a href=\"/section/$i/a\">Topic A</a></li><li><a href=\"/section/$i/b\">Topic B</a></li></ul></li>"; done
  echo '</ul></nav><script>window.__CONFIG__={"ads":['
  for i in $(seq 1 300); do echo "{\"slot\":\"div-gpt-ad-$i\",\"sizes\":[[300,250],[728,90]],\"targeting\":{\"section\":\"news\",\"pos\":$i}},"; done
  echo '{}]};</script><footer class="site-footer"><ul>'
  for i in $(seq 1 120); do echo "<li><a href=\"/footer/$i\">Footer link number $i</a></li>"; done
  echo '</ul></footer>'
} > "$WORK/body.pad"

pad() { # $1 source page, $2 destination: furniture after <head> and before the end, the page's own bytes otherwise
  awk -v head="$WORK/head.pad" -v body="$WORK/body.pad" '
    { lines[NR] = $0 }
    END {
      for (i = 1; i <= NR; i++) {
        line = lines[i]
        if (!h && match(tolower(line), /<head>/)) { print substr(line, 1, RSTART + 5); while ((getline l < head) > 0) print l; print substr(line, RSTART + 6); h = 1; continue }
        if (i == NR) { while ((getline l < body) > 0) print l }
        print line
      }
    }' "$1" > "$2"
}

# Two sets: a small one (2 copies) and the full one. The difference between their run times is the steady-state cost
# of the extra pages, free of process start-up and of the JIT warming up on the first pages.
mkdir -p "$WORK/small" "$WORK/pages"
for f in "$FIXTURES"/*.html; do
  name="$(basename "$f" .html)"
  pad "$f" "$WORK/pages/$name.html"
  cp "$WORK/pages/$name.html" "$WORK/small/$name.html"; cp "$WORK/pages/$name.html" "$WORK/small/$name-2.html"
  for c in $(seq 2 "$COPIES"); do cp "$WORK/pages/$name.html" "$WORK/pages/$name-$c.html"; done
done

PAGES=$(ls "$WORK/pages" | wc -l)
SMALL=$(ls "$WORK/small" | wc -l)
BYTES=$(cat "$WORK"/pages/*.html | wc -c)
now() { date +%s.%N; }
t0=$(now); dotnet "$DLL" parse "$WORK/pages/$(ls "$WORK/pages" | head -1)" >/dev/null; t1=$(now)
t2=$(now); dotnet "$DLL" parse "$WORK/small" >/dev/null; t3=$(now)
t4=$(now); dotnet "$DLL" parse "$WORK/pages" > "$WORK/out.jsonl"; t5=$(now)
FAILED=$(grep -c '"error"' "$WORK/out.jsonl" || true)
awk -v pages="$PAGES" -v small="$SMALL" -v bytes="$BYTES" -v startup="$(echo "$t1 - $t0" | bc)" -v smallrun="$(echo "$t3 - $t2" | bc)" \
    -v total="$(echo "$t5 - $t4" | bc)" -v failed="$FAILED" -v load="$(cut -d' ' -f1 /proc/loadavg)" 'BEGIN {
  kb = bytes / pages / 1024
  work = total - startup; ms = work * 1000 / pages
  steady = (total - smallrun) * 1000 / (pages - small)
  printf "pages: %d (mean %.1f KB), failed: %d, load average at end: %s\n", pages, kb, failed, load
  printf "one process over all pages: %.2f s, minus %.2f s start-up (a one-page run) = %.2f s parsing\n", total, startup, work
  printf "whole run:    %.0f pages/s, %.2f ms per page, %.2f ms per 100 KB\n", pages / work, ms, ms * 100 / kb
  printf "steady state: %.0f pages/s, %.2f ms per page, %.2f ms per 100 KB  (extra %d pages over a %d-page run)\n", 1000 / steady, steady, steady * 100 / kb, pages - small, small
}'
