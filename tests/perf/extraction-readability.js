// Readability.js over the same pages, for the pages/s ratio in tests/perf/extraction.sh.
// Usage: node extraction-readability.js READABILITY_JS PAGES_DIR [EVERY]   (jsdom resolved through NODE_PATH)
// EVERY=n times every n-th page only (Readability.js with jsdom is slow: the whole corpus takes many minutes).
// Prints one JSON line: pages, ms (sum of per-page DOM build + parse), median ms, pages with no answer.
const fs = require("fs");
const path = require("path");
const { JSDOM, VirtualConsole } = require("jsdom");
const Readability = require(process.argv[2]).Readability ?? require(process.argv[2]);

const dir = process.argv[3];
const every = Number(process.argv[4] ?? 1);
const quiet = new VirtualConsole(); // pages' own console noise and CSS parse errors stay out of the report
const times = [];
let empty = 0;
const names = fs.readdirSync(dir).filter(n => n.endsWith(".html")).sort().filter((_, i) => i % every === 0);
for (const name of names) {
  const html = fs.readFileSync(path.join(dir, name), "utf8");
  const started = process.hrtime.bigint();
  let article = null;
  try {
    const dom = new JSDOM(html, { url: "https://example.invalid/", virtualConsole: quiet });
    article = new Readability(dom.window.document).parse();
    dom.window.close();
  } catch {
    article = null;
  }
  times.push(Number(process.hrtime.bigint() - started) / 1e6);
  if (!article || !article.textContent || !article.textContent.trim()) empty++;
}
times.sort((a, b) => a - b);
const total = times.reduce((a, b) => a + b, 0);
console.log(JSON.stringify({ pages: times.length, ms: total, median: times[Math.floor(times.length / 2)], empty }));
