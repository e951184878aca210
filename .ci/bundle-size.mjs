#!/usr/bin/env node
// Prints the size of every file in dist/ (raw and gzip -9 bytes) and the total
// gzip size of what the page downloads (html + js + css + wasm; not the single-file
// edition dist/ironplan.html, which is a separate download).
// Informational only: it never fails the build (always exits 0).
//
//   node .ci/bundle-size.mjs [distDir]      (default: <repo>/dist)

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, extname, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync, constants } from "node:zlib";

try {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  const dist = resolve(process.argv[2] ?? join(root, "dist"));

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
  const rows = files.map((p) => {
    const data = readFileSync(p);
    const gz = gzipSync(data, { level: constants.Z_BEST_COMPRESSION }).length;
    const name = relative(dist, p);
    return { name, raw: data.length, gz, counted: counted.has(extname(p)) && !separate.has(name) };
  });

  const w = Math.max(4, ...rows.map((r) => r.name.length));
  const fmt = (n) => String(n).padStart(10);
  console.log(`bundle size of ${relative(process.cwd(), dist) || dist}:`);
  console.log(`  ${"file".padEnd(w)} ${"raw B".padStart(10)} ${"gzip B".padStart(10)}`);
  for (const r of rows) console.log(`  ${r.name.padEnd(w)} ${fmt(r.raw)} ${fmt(r.gz)}`);
  const sum = (k) => rows.filter((r) => r.counted).reduce((a, r) => a + r[k], 0);
  const kib = (n) => (n / 1024).toFixed(1);
  console.log(
    `  ${"total html+js+css+wasm".padEnd(w)} ${fmt(sum("raw"))} ${fmt(sum("gz"))}` +
      `   (${kib(sum("gz"))} KiB gzip)`,
  );
} catch (err) {
  console.log(`bundle size: not available (${err.message})`);
}
process.exit(0);
