// A tiny static file server for www/, with no dependencies (node:http).
//
// CLI:    node scripts/serve.mjs [--port N] [--root DIR] [--host H]   (PORT=N also works)
// Module: import { startServer } from "../../scripts/serve.mjs";
//         const { server, url } = await startServer({ port: 0 }); // a random free port
//
// Serves GET and HEAD only, answers `Cache-Control: no-cache` so a rebuild shows on reload,
// and never serves a file outside the root (paths are resolved, then checked).

import { createServer } from "node:http";
import { createReadStream, realpathSync } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));

/** The directory served by default: www/ beside this script's folder. */
export const DEFAULT_ROOT = path.resolve(here, "..", "www");
export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = "127.0.0.1";

/** Content types by extension; anything else is application/octet-stream. */
export const MIME_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/plain; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".wasm": "application/wasm",
};

function send(res, status, message) {
  const body = `${status} ${message}\n`;
  res.writeHead(status, {
    "Content-Type": "text/plain; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "no-cache",
    "X-Content-Type-Options": "nosniff",
  });
  res.end(res.req.method === "HEAD" ? undefined : body);
}

/** The file a URL path names under root, or null if it would leave root or is malformed. */
function resolveUnder(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes("\0")) return null;
  const file = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  const relative = path.relative(root, file);
  if (relative.startsWith("..") || path.isAbsolute(relative)) return null;
  return file;
}

async function handle(root, req, res, headers) {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.setHeader("Allow", "GET, HEAD");
    return send(res, 405, "Method Not Allowed");
  }
  // A path such as "//" is a URL of its own to the URL parser: read it as a path of this host.
  const urlPath = URL.canParse(`http://localhost${req.url}`) ? new URL(`http://localhost${req.url}`).pathname : null;
  let file = urlPath === null ? null : resolveUnder(root, urlPath);
  if (file === null) return send(res, 404, "Not Found");

  let info = await stat(file).catch(() => null);
  if (info?.isDirectory()) {
    if (!urlPath.endsWith("/")) {
      // Redirect so relative URLs in the directory's index.html resolve against it.
      res.writeHead(301, { Location: `${urlPath}/`, "Cache-Control": "no-cache" });
      return res.end();
    }
    file = path.join(file, "index.html");
    info = await stat(file).catch(() => null);
  }
  if (!info?.isFile()) return send(res, 404, "Not Found");

  res.writeHead(200, {
    "Content-Type": MIME_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream",
    "Content-Length": info.size,
    "Cache-Control": "no-cache",
    "Last-Modified": info.mtime.toUTCString(),
    "X-Content-Type-Options": "nosniff",
    ...(typeof headers === "function" ? headers(req, file) : headers),
  });
  if (req.method === "HEAD") return res.end();
  createReadStream(file)
    .on("error", () => res.destroy())
    .pipe(res);
}

/**
 * Start serving `root` on `host:port` (port 0 picks a free port). `headers` (an object, or a
 * function of (request, file) returning one) adds headers to every file served: the tests use
 * it for CORS and Content-Security-Policy.
 * @returns {Promise<{server: import("node:http").Server, url: string}>} url ends with "/"
 */
export function startServer({ root = DEFAULT_ROOT, port = DEFAULT_PORT, host = DEFAULT_HOST, headers = {} } = {}) {
  const absoluteRoot = path.resolve(root);
  const server = createServer((req, res) => {
    handle(absoluteRoot, req, res, headers).catch((error) => {
      console.error(error);
      if (!res.headersSent) send(res, 500, "Internal Server Error");
      else res.destroy();
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const { port: actual } = server.address();
      const shownHost = host.includes(":") ? `[${host}]` : host;
      resolve({ server, url: `http://${shownHost}:${actual}/` });
    });
  });
}

function parseArgs(argv, env) {
  const options = { root: DEFAULT_ROOT, port: DEFAULT_PORT, host: DEFAULT_HOST };
  if (env.PORT !== undefined && env.PORT !== "") options.port = env.PORT;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case "--port": options.port = value(); break;
      case "--root": options.root = value(); break;
      case "--host": options.host = value(); break;
      case "-h":
      case "--help":
        console.log("usage: node scripts/serve.mjs [--port N] [--root DIR] [--host H]  (or PORT=N)");
        process.exit(0);
        break; // not reached
      default:
        throw new Error(`unknown argument: ${argv[i]}`);
    }
  }
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`invalid port: ${options.port} (expected 0 to 65535)`);
  }
  if (options.root === undefined || options.host === undefined) throw new Error("missing value");
  return { ...options, port };
}

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2), process.env);
  } catch (error) {
    console.error(`serve: ${error.message}`);
    process.exit(2);
  }
  const info = await stat(options.root).catch(() => null);
  if (!info?.isDirectory()) {
    console.error(`serve: ${path.resolve(options.root)} is not a directory`);
    process.exit(1);
  }
  try {
    const { server, url } = await startServer(options);
    console.log(`Text Explorer: ${url}`);
    for (const signal of ["SIGINT", "SIGTERM"]) {
      process.once(signal, () => server.close(() => process.exit(0)).closeAllConnections());
    }
  } catch (error) {
    const hint = error.code === "EADDRINUSE" ? "; choose another with --port N" : "";
    console.error(`serve: cannot listen on ${options.host}:${options.port}: ${error.message}${hint}`);
    process.exit(1);
  }
}

function isMain() {
  try {
    return import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
  } catch {
    return false;
  }
}

if (isMain()) await main();
