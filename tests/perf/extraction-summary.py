#!/usr/bin/env python3
"""Summary of a `parse --timings` run over the web-extraction corpus, for tests/perf/extraction.sh.

  extraction-summary.py PARSE.jsonl GOLD.jsonl WALL_SECONDS [READABILITY.json [EVERY]]

Prints crashes (a parser bug: "Parser failed: ..."), refusals (the parser said the page is not an article, with its
reason), the median and mean ms per page, pages/s, and the ratio to Readability.js measured in the same run.
"""
import json
import statistics
import sys
from pathlib import Path

out, gold_path, wall = Path(sys.argv[1]), Path(sys.argv[2]), float(sys.argv[3])
urls = {}
for line in gold_path.open(encoding="utf-8"):
    g = json.loads(line)
    urls[g["file"]] = g["url"]

every = int(sys.argv[5]) if len(sys.argv) > 5 else 1
times, crashes, refusals, sampled = [], [], [], []
for line in out.open(encoding="utf-8"):
    if not line.startswith("{"):
        continue
    rec = json.loads(line)
    name = Path(rec["file"]).name
    if len(times) % every == 0:
        sampled.append(rec.get("ms", 0.0))  # the pages Readability.js is timed on (every n-th, in name order)
    times.append(rec.get("ms", 0.0))
    if "error" in rec:
        (crashes if rec["error"].startswith("Parser failed") else refusals).append((name, rec["error"], urls.get(name, "")))

for title, rows in (("crashes", crashes), ("refusals", refusals)):
    print(f"{title}: {len(rows)}")
    for name, why, url in rows:
        print(f"  {name}  {why[:100]}  ({url[:60]})")

pages = len(times)
total = sum(times)
print(f"pages {pages}  median {statistics.median(times):.2f} ms/page  mean {total / pages:.2f} ms/page  "
      f"p90 {sorted(times)[int(pages * 0.9)]:.2f} ms")
print(f"NewsReader: {pages * 1000 / total:.0f} pages/s parsing ({pages / wall:.0f} pages/s for the whole process, {wall:.1f} s with start-up)")
if len(sys.argv) > 4 and Path(sys.argv[4]).exists():
    r = json.loads(Path(sys.argv[4]).read_text())
    ours = len(sampled) * 1000 / sum(sampled)
    print(f"Readability.js (jsdom) on {r['pages']} pages (every {every}th): {r['pages'] * 1000 / r['ms']:.1f} pages/s, "
          f"median {r['median']:.1f} ms/page, {r['empty']} with no answer; NewsReader on the same pages: {ours:.0f} pages/s, "
          f"median {statistics.median(sampled):.2f} ms")
    print(f"ratio: {ours / (r['pages'] * 1000 / r['ms']):.1f}x Readability.js pages/s "
          f"(median ms ratio {r['median'] / statistics.median(sampled):.1f}x)")
