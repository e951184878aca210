#!/usr/bin/env node
// Prints the size of every file in dist/ (raw and gzip -9 bytes) and the total
// gzip size of what the page downloads on first load (html + js + css + wasm; not the
// single-file edition dist/ironplan.html, which is a separate download, and not the
// converter worker convert*.js / convert_bg.wasm, which the app fetches only when a file in
// another format is imported or exported; its total is printed on a line of its own).
//
//   node .ci/bundle-size.mjs [distDir] [--budget-kib N]      (default dist: <repo>/dist)
//
// With --budget-kib it is a check: it exits 1 when the total is over N KiB of gzip, so the
// bundle cannot grow unnoticed. The budget is a ratchet (today's size and a little room),
// lowered as the bundle shrinks; issue 7's target, 200 KiB, is printed beside it. Without a
// budget it only prints, and always exits 0. The budget applies to the first load only.

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, extname, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync, constants } from "node:zlib";

const TARGET_KIB = 200;
const args = process.argv.slice(2);
const budgetAt = args.indexOf("--budget-kib");
const budget = budgetAt >= 0 ? Number(args.splice(budgetAt, 2)[1]) : null;
if (budget !== null && !(budget > 0)) {
  console.log("bundle size: --budget-kib needs a number of KiB, such as --budget-kib 760");
  process.exit(2);
}
let status = 0;

try {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  const dist = resolve(args[0] ?? join(root, "dist"));

  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else files.push(p);
    }
  };
  walk(dist);

  const counted = new Set([".html", ".js", ".css", ".wasm"]);
  // The single-file edition is a download of its own; the app never fetches it.
  const separate = new Set(["ironplan.html"]);
  // The converter worker (Trunk names worker files after the binary, without a hash).
  const isWorker = (name) => /^convert(_loader)?\.js$|^convert_bg\.wasm$/.test(name);
  const rows = files.map((p) => {
    const data = readFileSync(p);
    const gz = gzipSync(data, { level: constants.Z_BEST_COMPRESSION }).length;
    const name = relative(dist, p);
    const code = counted.has(extname(p)) && !separate.has(name);
    return { name, raw: data.length, gz, counted: code && !isWorker(name), worker: code && isWorker(name) };
  });

  const w = Math.max(4, ...rows.map((r) => r.name.length));
  const fmt = (n) => String(n).padStart(10);
  console.log(`bundle size of ${relative(process.cwd(), dist) || dist}:`);
  console.log(`  ${"file".padEnd(w)} ${"raw B".padStart(10)} ${"gzip B".padStart(10)}`);
  for (const r of rows) console.log(`  ${r.name.padEnd(w)} ${fmt(r.raw)} ${fmt(r.gz)}`);
  const total = (k, which) => rows.filter((r) => r[which]).reduce((a, r) => a + r[k], 0);
  const sum = (k) => total(k, "counted");
  const kib = (n) => (n / 1024).toFixed(1);
  console.log(
    `  ${"first load html+js+css+wasm".padEnd(w)} ${fmt(sum("raw"))} ${fmt(sum("gz"))}` +
      `   (${kib(sum("gz"))} KiB gzip)`,
  );
  if (rows.some((r) => r.worker)) {
    console.log(
      `  ${"converter worker (on first use)".padEnd(w)} ${fmt(total("raw", "worker"))}` +
        ` ${fmt(total("gz", "worker"))}   (${kib(total("gz", "worker"))} KiB gzip)`,
    );
  }
  if (budget !== null) {
    const total = sum("gz") / 1024;
    const verdict = total <= budget ? "within" : "OVER";
    console.log(
      `  first load ${kib(sum("gz"))} KiB gzip: ${verdict} the budget of ${budget} KiB` +
        ` (issue 7's target: ${TARGET_KIB} KiB)`,
    );
    if (total > budget) status = 1;
  }
} catch (err) {
  console.log(`bundle size: not available (${err.message})`);
  if (budget !== null) status = 1;
}
process.exit(status);
