#!/usr/bin/env node
// readability-baseline.js: the speed and output of Readability.js on a corpus, for
// extract-bench.py to compare Attest's HTML extraction with.
//
// Usage: node readability-baseline.js CORPUS_DIR OUT_DIR
//
// For every CORPUS_DIR/<page>/source.html it builds a jsdom document and runs
// Readability on it, timing both inside this process (Node's start-up is not counted),
// and writes the article's text to OUT_DIR/<page>.txt. The last line on standard output
// is a JSON summary: {"pages": N, "failed": K, "ms_per_page": X, "readability": "0.6.0",
// "jsdom": "24.x"}.
//
// Needs @mozilla/readability 0.6.0 and jsdom 24 where require() finds them (NODE_PATH).
// Exits with status 3, saying why, when they are missing.
//
// SPDX-License-Identifier: GPL-3.0-or-later
"use strict";

const fs = require("fs");
const path = require("path");

let JSDOM, VirtualConsole, Readability;
try {
  ({ JSDOM, VirtualConsole } = require("jsdom"));
  ({ Readability } = require("@mozilla/readability"));
} catch (e) {
  console.error("readability-baseline: cannot load jsdom and @mozilla/readability: " + e.message);
  console.error("  install them with: npm install @mozilla/readability@0.6.0 jsdom@24");
  process.exit(3);
}

function version(name) {
  try {
    const main = require.resolve(name);
    let dir = path.dirname(main);
    while (dir !== path.dirname(dir)) {
      const pkg = path.join(dir, "package.json");
      if (fs.existsSync(pkg)) {
        const json = JSON.parse(fs.readFileSync(pkg, "utf8"));
        if (json.name === name) return json.version;
      }
      dir = path.dirname(dir);
    }
  } catch (e) {
    // fall through
  }
  return "unknown";
}

function extract(html, url) {
  // Page scripts are not run; a virtual console keeps jsdom's CSS and script complaints quiet.
  const dom = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
  const article = new Readability(dom.window.document).parse();
  const text = article && article.textContent ? article.textContent : "";
  dom.window.close();
  return text;
}

function main() {
  const [corpus, outDir] = process.argv.slice(2);
  if (!corpus || !outDir) {
    console.error("usage: node readability-baseline.js CORPUS_DIR OUT_DIR");
    process.exit(2);
  }
  fs.mkdirSync(outDir, { recursive: true });

  const pages = fs.readdirSync(corpus).sort()
    .filter(d => fs.existsSync(path.join(corpus, d, "source.html")));
  const inputs = pages.map(d => {
    const urlFile = path.join(corpus, d, "url.txt");
    const url = fs.existsSync(urlFile)
      ? fs.readFileSync(urlFile, "utf8").trim()
      : "http://fakehost/" + d + "/";
    return { page: d, html: fs.readFileSync(path.join(corpus, d, "source.html"), "utf8"), url };
  });

  // Warm the JIT on a few pages so that the first timings are not compilation.
  for (const input of inputs.slice(0, 3)) {
    try { extract(input.html, input.url); } catch (e) { /* timed below */ }
  }

  let total = 0, failed = 0;
  for (const input of inputs) {
    const start = process.hrtime.bigint();
    let text = "";
    try {
      text = extract(input.html, input.url);
    } catch (e) {
      failed++;
    }
    total += Number(process.hrtime.bigint() - start) / 1e6;
    fs.writeFileSync(path.join(outDir, input.page + ".txt"), text);
  }

  console.log(JSON.stringify({
    pages: inputs.length,
    failed,
    ms_per_page: inputs.length ? total / inputs.length : 0,
    readability: version("@mozilla/readability"),
    jsdom: version("jsdom"),
  }));
}

main();
