#!/usr/bin/env python3
"""A plain-text development set from the web-extraction corpus, for the seed's text format (issue 13).

  extraction-text.py render PAGES_DIR OUT_DIR   # each page as a scraper saves it: OUT_DIR/<name>.txt + silver.jsonl
  extraction-text.py score PARSE.jsonl OUT_DIR   # titles, authors and dates against the pages' own metadata

`render` writes what a reader sees of the page, the way the seed was scraped: the page title on the first line, then
the visible text, one line per block (scripts, styles and hidden elements left out), furniture included. From each
page's head it keeps the metadata the publisher declared (og:title or <title>, author meta, published time) as a
silver standard in silver.jsonl. `score` compares what `parse` read from the .txt files with it. The body is scored
with the corpus's own score.py and gold snippets: extraction-text.sh renames the .txt answers to the page names.
Standard library only.
"""
import html
import json
import re
import sys
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

BLOCKS = {"p", "div", "section", "article", "main", "header", "footer", "nav", "aside", "h1", "h2", "h3", "h4", "h5", "h6",
          "ul", "ol", "li", "blockquote", "pre", "table", "tr", "td", "th", "figure", "figcaption", "dl", "dt", "dd", "hr",
          "address", "form", "fieldset", "details", "summary", "center", "body", "br", "title", "option"}
SKIP = {"script", "style", "noscript", "template", "svg", "iframe", "head", "select", "canvas", "object"}
VOID = {"br", "hr", "img", "input", "meta", "link", "source", "wbr", "area", "base", "col", "embed", "param", "track"}


class Visible(HTMLParser):
    """innerText, roughly: text of visible elements, a line break around every block."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines, self.current, self.stack, self.skip_depth = [], [], [], 0
        self.meta, self.title, self.in_title, self.ld = {}, "", False, []
        self.in_ld = False

    def hidden(self, attrs):
        a = dict(attrs)
        style = (a.get("style") or "").replace(" ", "").lower()
        return "hidden" in a or (a.get("aria-hidden") or "").lower() == "true" or "display:none" in style

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key and a.get("content"):
                self.meta.setdefault(key, a["content"])
        if tag == "title":
            self.in_title = True
        if tag == "script" and (a.get("type") or "").lower() == "application/ld+json":
            self.in_ld = True
            self.ld.append("")
        if tag in VOID:
            if tag == "br" and not self.skip_depth:
                self.flush()
            return
        hide = tag in SKIP or self.hidden(attrs)
        self.stack.append((tag, hide))
        if hide:
            self.skip_depth += 1
        if tag in BLOCKS and not self.skip_depth:
            self.flush()

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        if tag == "script":
            self.in_ld = False
        if tag in VOID:
            return
        while self.stack:
            t, hide = self.stack.pop()
            if hide:
                self.skip_depth -= 1
            if t == tag:
                break
        if tag in BLOCKS and not self.skip_depth:
            self.flush()

    def handle_data(self, data):
        if self.in_title:
            self.title += data
        if self.in_ld:
            self.ld[-1] += data
        if not self.skip_depth:
            self.current.append(data)

    def flush(self):
        line = re.sub(r"\s+", " ", "".join(self.current)).strip()
        if line:
            self.lines.append(line)
        self.current = []


def silver(page):
    def ld_values(key):
        for block in page.ld:
            try:
                data = json.loads(block)
            except ValueError:
                continue
            stack = [data]
            while stack:
                item = stack.pop()
                if isinstance(item, list):
                    stack.extend(item)
                elif isinstance(item, dict):
                    if key in item:
                        yield item[key]
                    stack.extend(v for v in item.values() if isinstance(v, (list, dict)))

    title = page.meta.get("og:title") or re.sub(r"\s+", " ", page.title).strip()
    authors = []
    for value in [page.meta.get("author"), page.meta.get("article:author"), page.meta.get("parsely-author")] + list(ld_values("author"))[:1]:
        for v in value if isinstance(value, list) else [value]:
            name = v.get("name") if isinstance(v, dict) else v
            if isinstance(name, str) and name.strip() and not name.startswith("http"):
                authors.append(name.strip())
        if authors:
            break
    date = page.meta.get("article:published_time") or next((d for d in ld_values("datePublished") if isinstance(d, str)), None)
    m = re.match(r"\d{4}-\d{2}-\d{2}", date or "")
    return {"title": html.unescape(title) or None, "authors": authors, "date": m.group(0) if m else None}


def render(pages, out):
    out.mkdir(parents=True, exist_ok=True)
    with (out / "silver.jsonl").open("w", encoding="utf-8") as s:
        for path in sorted(pages.glob("*.html")):
            raw = path.read_bytes()
            text = raw.decode("utf-8", errors="replace")
            page = Visible()
            try:
                page.feed(text)
                page.close()
            except Exception:  # a page html.parser cannot read stays out of the set
                continue
            page.flush()
            title = re.sub(r"\s+", " ", html.unescape(page.title)).strip()
            lines = ([title] if title else []) + page.lines
            (out / (path.stem + ".txt")).write_text("\n\n".join(lines) + "\n", encoding="utf-8")
            s.write(json.dumps({"file": path.name, **silver(page)}, ensure_ascii=False) + "\n")


def key(s):
    s = unicodedata.normalize("NFKC", s or "").casefold()
    return re.sub(r"[\W_]+", " ", s).strip()


def score(parsed, out):
    silver_by = {json.loads(l)["file"]: json.loads(l) for l in (out / "silver.jsonl").open(encoding="utf-8")}
    counts = {k: [0, 0] for k in ("title", "authors", "date")}
    given = {k: 0 for k in counts}  # answers given where the page declares a value: how often an answer is right
    misses = {k: [] for k in counts}
    for line in parsed.open(encoding="utf-8"):
        if not line.startswith("{"):
            continue
        rec = json.loads(line)
        name = Path(rec["file"]).stem + ".html"
        s = silver_by.get(name)
        if not s:
            continue
        if s["title"]:
            counts["title"][1] += 1
            got, want = key(rec.get("title")), key(s["title"])
            # The headline alone counts: the silver title may carry the site's suffix, or ours may lack it.
            ok = bool(got) and (got == want or (len(got) >= 12 and got in want) or (len(want) >= 12 and want in got))
            counts["title"][0] += ok
            if not ok:
                misses["title"].append((name, rec.get("title"), s["title"]))
        if s["authors"]:
            counts["authors"][1] += 1
            given["authors"] += bool(rec.get("authors"))
            got = " ".join(key(a) for a in rec.get("authors") or [])
            ok = any(key(a).split()[-1] in got.split() for a in s["authors"] if key(a))
            counts["authors"][0] += ok
            if not ok:
                misses["authors"].append((name, rec.get("authors"), s["authors"]))
        if s["date"]:
            counts["date"][1] += 1
            given["date"] += bool(rec.get("published"))
            ok = (rec.get("published") or "")[:10] == s["date"]
            counts["date"][0] += ok
            if not ok:
                misses["date"].append((name, rec.get("published"), s["date"]))
    given["title"] = counts["title"][1]
    for k, (hit, total) in counts.items():
        right = f", right in {hit}/{given[k]} = {hit / given[k]:.3f} of the answers given" if given[k] else ""
        print(f"{k:8} {hit}/{total} = {hit / total if total else 0:.3f} (pages whose head declares it){right}")
    if "--misses" in sys.argv:
        for k, rows in misses.items():
            for row in rows[:25]:
                print(k, *row, sep=" | ")


if __name__ == "__main__":
    if sys.argv[1] == "render":
        render(Path(sys.argv[2]), Path(sys.argv[3]))
    else:
        score(Path(sys.argv[2]), Path(sys.argv[3]))
