// Trunk post-build hook: finishes the staged dist/ before Trunk publishes it.
//
// 1. Content Security Policy. Trunk writes an inline module script that loads the wasm; the
//    policy allows exactly that script by its SHA-256 hash (no 'unsafe-inline' scripts, no
//    'unsafe-eval'), plus 'wasm-unsafe-eval' so the browser may compile the wasm.
//
// Runs with the staging folder in TRUNK_STAGING_DIR (see Trunk.toml [[hooks]]).
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("finish-dist: TRUNK_STAGING_DIR is not set; run me as a Trunk hook");
  process.exit(1);
}
const indexPath = join(staging, "index.html");
let html = readFileSync(indexPath, "utf8");

const hashes = [];
for (const match of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
  const digest = createHash("sha256").update(match[1], "utf8").digest("base64");
  hashes.push(`'sha256-${digest}'`);
}

export const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(" ")}`.trim(),
  // Leptos sets style attributes (bar widths, indentation); scripts stay strict.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join("; ");

html = html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, "");
html = html.replace(
  /(<meta charset="utf-8"\s*\/?>)/,
  `$1\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`,
);
if (!html.includes("Content-Security-Policy")) {
  console.error("finish-dist: could not place the CSP meta tag (no <meta charset> in index.html)");
  process.exit(1);
}
writeFileSync(indexPath, html);
console.log(`finish-dist: CSP with ${hashes.length} script hash(es)`);
