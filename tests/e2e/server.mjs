// A static file server for the release build (dist/), on 127.0.0.1 and a free port. Used by the
// end-to-end tests and the benchmark; `make serve` uses trunk's own server instead. Like static
// hosts, it sends text, JavaScript, wasm and JSON gzip-compressed to a browser that accepts it.
// `setRoot(dir)` serves another build at the same address from then on (a new deployment: see
// offline.test.mjs).
//
// DIST=folder (relative to the repository, or absolute) tests another build, e.g. the plain
// build in dist-plain/ (`make test-plain`); PLAIN_BUILD=1 says that it is the plain build (no
// post-build steps: see Makefile), so the tests of what those steps do are skipped.
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** The build under test: $DIST, or the repository's dist/. */
export const DIST = resolve(import.meta.dirname, '../..', process.env.DIST || 'dist');

/** True when DIST is the plain build (PLAIN_BUILD=1: trunk's output, no post-build steps). */
export const PLAIN = process.env.PLAIN_BUILD === '1';

/** Types sent compressed (PNG is compressed already). */
const COMPRESS = new Set(['.html', '.js', '.wasm', '.css', '.svg', '.json', '.txt', '.webmanifest']);
TYPES['.webmanifest'] = 'application/manifest+json';

/** Serves `root` (default: DIST). Resolves to { url, close, requests, setRoot }. */
export async function serve(root = DIST) {
  const requests = [];
  // Compressed bodies by file, kept while the file is unchanged.
  const gzipped = new Map();
  const server = createServer(async (req, res) => {
    requests.push(req.url);
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const info = await stat(file);
      let body = await readFile(file);
      const headers = {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        vary: 'accept-encoding',
      };
      if (COMPRESS.has(extname(file)) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
        const key = `${file}\0${info.mtimeMs}\0${info.size}`;
        if (!gzipped.has(key)) gzipped.set(key, gzipSync(body, { level: 6 }));
        body = gzipped.get(key);
        headers['content-encoding'] = 'gzip';
      }
      headers['content-length'] = body.length;
      res.writeHead(200, headers);
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    /** From now on, serves the build in `dir` at this address. */
    setRoot(dir) {
      root = resolve(dir);
    },
    close: () => new Promise((ok) => {
      server.closeAllConnections?.();
      server.close(ok);
    }),
  };
}
