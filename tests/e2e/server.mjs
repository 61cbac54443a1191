// A static file server for the release build (dist/), on 127.0.0.1 and a free port. Used by the
// end-to-end tests and the benchmark; `make serve` uses trunk's own server instead.
//
// DIST=folder (relative to the repository, or absolute) tests another build, e.g. the plain
// build in dist-plain/ (`make test-plain`); PLAIN_BUILD=1 says that it is the plain build (no
// post-build steps: see Makefile), so the tests of what those steps do are skipped.
import { createServer } from 'node:http';
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

/** Serves `root` (default: DIST). Resolves to { url, close, requests }. */
export async function serve(root = DIST) {
  const requests = [];
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
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
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
    close: () => new Promise((ok) => server.close(ok)),
  };
}
