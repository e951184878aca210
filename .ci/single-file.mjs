// Builds the single-file edition: dist/ironplan.html, one self-contained page with the wasm,
// the JavaScript glue, the styles and the icon inlined. It opens by double-click from disk
// (file://) and keeps its data in that browser's localStorage, so it can travel by e-mail or
// on a USB stick next to the plan files.
//
// The converter worker travels inside too: its glue and wasm become the text of a
// `<script type="text/x-ironplan-worker">` element, which the browser never runs as a script;
// src/ui/convert.rs starts the worker from that text through a `blob:` URL on first use.
//
//   node .ci/single-file.mjs [dist]        (run after `trunk build --release --offline`)
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dist = process.argv[2] ?? "dist";
let html = readFileSync(join(dist, "index.html"), "utf8");

const loader = html.match(/<script type="module">([\s\S]*?)<\/script>/);
if (!loader) throw new Error("single-file: Trunk's module loader is not in index.html");
const glueName = loader[1].match(/from '\.\/([^']+\.js)'/)?.[1];
const wasmName = loader[1].match(/module_or_path: '\.\/([^']+\.wasm)'/)?.[1];
if (!glueName || !wasmName) throw new Error("single-file: cannot find the glue or wasm file names");

// The glue is an ES module; inlined, its exports are dropped and its init function is called
// with the wasm bytes instead of a URL.
let glue = readFileSync(join(dist, glueName), "utf8");
glue = glue.replace(/^export\s*\{[^}]*\};?\s*$/gm, "").replace(/^export default\s+(\w+);?\s*$/gm, "");
glue = glue.replace(/^export\s+(?=(async\s+)?function|class|const|let|var)/gm, "");
if (!/async function __wbg_init\b/.test(glue)) throw new Error("single-file: the glue has no __wbg_init");
const wasm = readFileSync(join(dist, wasmName)).toString("base64");
const script = `${glue}
const wasmBytes = Uint8Array.from(atob("${wasm}"), (character) => character.charCodeAt(0));
await __wbg_init({ module_or_path: wasmBytes });
`;
const scriptHash = createHash("sha256").update(script, "utf8").digest("base64");

html = html.replace(loader[0], () => `<script type="module">${script}</script>`);

// The converter worker: Trunk's no-modules glue (it defines `wasm_bindgen`), started with the
// wasm bytes instead of the file beside the page.
const workerGlue = readFileSync(join(dist, "convert.js"), "utf8");
const workerWasm = readFileSync(join(dist, "convert_bg.wasm")).toString("base64");
const workerScript = `${workerGlue}
wasm_bindgen({ module_or_path: Uint8Array.from(atob("${workerWasm}"), (c) => c.charCodeAt(0)) });
`;
if (/<\/script/i.test(workerScript)) throw new Error("single-file: the worker's code contains </script");
html = html.replace(
  "</body>",
  () => `<script type="text/x-ironplan-worker" id="ironplan-convert-worker">${workerScript}</script>\n  </body>`,
);
// Styles inline, in the same order.
html = html.replace(/<link rel="stylesheet" href="\.\/([^"]+)"[^>]*\/?>/g, (_, name) => {
  const css = readFileSync(join(dist, name), "utf8");
  return `<style>${css}</style>`;
});
// Nothing may point at another file: drop preloads, the manifest and the service worker.
html = html.replace(/<link rel="(modulepreload|preload)"[^>]*>/g, "");
html = html.replace(/\s*<link rel="manifest"[^>]*>/, "");
html = html.replace(/\s*<link rel="apple-touch-icon"[^>]*>/, "");
html = html.replace(/\s*<script src="public\/register-sw\.js"[^>]*><\/script>/, "");
// The boot script (saved theme, loading screen) runs inline, allowed by its hash like the loader.
const bootScript = readFileSync(join(dist, "public", "boot.js"), "utf8");
const bootHash = createHash("sha256").update(bootScript, "utf8").digest("base64");
html = html.replace(/<script src="public\/boot\.js"><\/script>/, () => `<script>${bootScript}</script>`);
const icon = readFileSync(join(dist, "public", "favicon.svg")).toString("base64");
html = html.replace(/href="public\/favicon\.svg"/g, `href="data:image/svg+xml;base64,${icon}"`);
html = html.replace(/src="public\/favicon\.svg"/g, `src="data:image/svg+xml;base64,${icon}"`);
const policy = [
  "default-src 'none'",
  `script-src 'wasm-unsafe-eval' 'sha256-${scriptHash}' 'sha256-${bootHash}'`,
  "style-src 'unsafe-inline'",
  "img-src data: blob:",
  // The converter worker runs from a blob: URL made of the inline worker script.
  "worker-src blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");
html = html.replace(
  /<meta http-equiv="Content-Security-Policy" content="[^"]*" \/>/,
  `<meta http-equiv="Content-Security-Policy" content="${policy}" />`,
);
for (const leftover of html.matchAll(/(?:href|src)="(?!data:|#)([^"]+)"/g)) {
  throw new Error(`single-file: ${leftover[1]} would need a second file`);
}
writeFileSync(join(dist, "ironplan.html"), html);
console.log(`single-file: ${join(dist, "ironplan.html")} (${(html.length / 1024).toFixed(0)} KiB)`);
