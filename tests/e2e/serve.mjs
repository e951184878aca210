#!/usr/bin/env node
// Dependency-free static file server for the built app (dist/).
//
//   node serve.mjs [--root ../../dist] [--port 4173] [--host 127.0.0.1] [--base /ironplan/]
//                  [--compress]
//
// Serves the same files at "/" AND under the sub-path given by --base (default
// /ironplan/), so tests can check that the relative-URL build works when hosted
// below a sub-path. "--base /" serves at the root only. "/ironplan" (no trailing
// slash) redirects to "/ironplan/" as a real static host would, because the
// relative URLs in index.html only resolve correctly with the trailing slash.
// Directories serve their index.html; anything else that is missing is a 404.
//
// --compress serves text and wasm files brotli- or gzip-compressed to clients that accept it,
// as a production static host would (Lighthouse measures transfer sizes). Every file under the
// root is compressed once, at start (brotli at its best, a few seconds for the wasm), and kept
// in memory. Without it (the e2e suite) files go out as they are.
//
// For the update test there is also a third copy at /staging/: a GET of
// /__test/new-deployment makes /staging/sw.js differ from the last one by a comment, which is
// what a new deployment looks like to the browser.

import { createServer } from "node:http";
import { createReadStream } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { extname, join, resolve, sep, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { brotliCompress, constants as zlib, gzip } from "node:zlib";

const here = dirname(fileURLToPath(import.meta.url));

function parseArgs(argv) {
  const opts = {
    root: resolve(here, "../../dist"),
    port: 4173,
    host: "127.0.0.1",
    base: "/ironplan/",
    compress: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [key, inline] = arg.startsWith("--") && arg.includes("=") ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      if (i + 1 >= argv.length) throw new Error(`missing value for ${key}`);
      return argv[++i];
    };
    switch (key) {
      case "--root": opts.root = resolve(process.cwd(), value()); break;
      case "--port": opts.port = Number.parseInt(value(), 10); break;
      case "--host": opts.host = value(); break;
      case "--base": opts.base = value(); break;
      case "--compress": opts.compress = true; break;
      case "-h":
      case "--help":
        console.log("usage: node serve.mjs [--root DIR] [--port N] [--host ADDR] [--base /sub/path/] [--compress]");
        process.exit(0);
      default:
        throw new Error(`unknown option: ${arg}`);
    }
  }
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) {
    throw new Error(`invalid --port`);
  }
  if (!opts.base.startsWith("/")) opts.base = `/${opts.base}`;
  if (!opts.base.endsWith("/")) opts.base = `${opts.base}/`;
  return opts;
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".htm": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
};

function contentType(file) {
  if (file.endsWith("manifest.json")) return "application/manifest+json; charset=utf-8";
  return TYPES[extname(file).toLowerCase()] ?? "application/octet-stream";
}

const opts = parseArgs(process.argv.slice(2));
let deployments = 0;
const root = resolve(opts.root);

// Compressed copies (--compress): file path -> { br, gzip, mtimeMs }.
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".wasm", ".json", ".webmanifest", ".svg", ".txt", ".map"]);
const compressed = new Map();
const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

async function compressFile(file) {
  const [body, info] = await Promise.all([readFile(file), stat(file)]);
  const [br, gz] = await Promise.all([
    brotli(body, {
      params: {
        [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY,
        [zlib.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
    gzipped(body, { level: 9 }),
  ]);
  compressed.set(file, { br, gzip: gz, mtimeMs: info.mtimeMs });
}

async function compressAll(folder) {
  const jobs = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) jobs.push(compressAll(path));
    else if (COMPRESSIBLE.has(extname(entry.name).toLowerCase())) jobs.push(compressFile(path));
  }
  await Promise.all(jobs);
}

// The compressed copy of `file` the request accepts, if any: [encoding, body].
function pickEncoding(req, file, info) {
  const copy = compressed.get(file);
  if (!copy || copy.mtimeMs !== info.mtimeMs) return null;
  const accepted = String(req.headers["accept-encoding"] ?? "");
  if (/\bbr\b/.test(accepted)) return ["br", copy.br];
  if (/\bgzip\b/.test(accepted)) return ["gzip", copy.gzip];
  return null;
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, {
    "Content-Type": "text/plain; charset=utf-8",
    "Cache-Control": "no-cache",
    ...headers,
  });
  res.end(body);
}

// Map a URL path ("/a/b.js") to a file under root, or null if it escapes root.
function toFile(urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes("\0")) return null;
  const file = resolve(root, `.${decoded.startsWith("/") ? "" : "/"}${decoded}`);
  if (file !== root && !file.startsWith(root + sep)) return null;
  return file;
}

const server = createServer(async (req, res) => {
  try {
    if (req.method !== "GET" && req.method !== "HEAD") {
      return send(res, 405, "Method Not Allowed\n", { Allow: "GET, HEAD" });
    }
    const url = new URL(req.url ?? "/", "http://localhost");
    let path = url.pathname;
    if (path === "/__test/new-deployment") {
      deployments += 1;
      return send(res, 200, `deployment ${deployments}\n`);
    }
    let staging = false;
    if (path === "/staging") return send(res, 301, "Moved Permanently\n", { Location: "/staging/" });
    if (path.startsWith("/staging/")) {
      staging = true;
      path = path.slice("/staging".length);
    }

    if (!staging && opts.base !== "/") {
      if (path === opts.base.slice(0, -1)) {
        return send(res, 301, "Moved Permanently\n", { Location: opts.base + url.search });
      }
      if (path.startsWith(opts.base)) path = path.slice(opts.base.length - 1);
    }

    let file = toFile(path);
    if (file === null) return send(res, 404, "Not Found\n");

    let info = await stat(file).catch(() => null);
    if (info?.isDirectory()) {
      if (!url.pathname.endsWith("/")) {
        return send(res, 301, "Moved Permanently\n", { Location: `${url.pathname}/${url.search}` });
      }
      file = resolve(file, "index.html");
      info = await stat(file).catch(() => null);
    }
    if (!info?.isFile()) return send(res, 404, "Not Found\n");
    if (staging && deployments > 0 && path === "/sw.js") {
      const { readFile } = await import("node:fs/promises");
      const body = `${await readFile(file, "utf8")}\n// deployment ${deployments}\n`;
      return send(res, 200, body, { "Content-Type": contentType(file) });
    }

    const encoded = pickEncoding(req, file, info);
    if (encoded) {
      const [encoding, body] = encoded;
      res.writeHead(200, {
        "Content-Type": contentType(file),
        "Content-Length": body.length,
        "Content-Encoding": encoding,
        Vary: "Accept-Encoding",
        "Cache-Control": "no-cache",
        "X-Content-Type-Options": "nosniff",
      });
      return res.end(req.method === "HEAD" ? undefined : body);
    }
    res.writeHead(200, {
      "Content-Type": contentType(file),
      "Content-Length": info.size,
      "Cache-Control": "no-cache",
      "X-Content-Type-Options": "nosniff",
    });
    if (req.method === "HEAD") return res.end();
    createReadStream(file)
      .on("error", () => res.destroy())
      .pipe(res);
  } catch (err) {
    console.error(err);
    if (!res.headersSent) send(res, 500, "Internal Server Error\n");
    else res.destroy();
  }
});

if (opts.compress) {
  const started = Date.now();
  await compressAll(root);
  console.log(`compressed ${compressed.size} files (brotli, gzip) in ${Date.now() - started} ms`);
}

server.listen(opts.port, opts.host, () => {
  const { port } = server.address();
  const bases = opts.base === "/" ? ["/"] : ["/", opts.base];
  for (const b of bases) console.log(`serving ${root} at http://${opts.host}:${port}${b}`);
});

for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 1000).unref();
  });
}
