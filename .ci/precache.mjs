// Post-build step, run last and in every build (PLAIN_BUILD=1 too, see post-build.mjs): writes
// the service worker, dist/sw.js, from sw/sw.js with the list of this build's files in front.
//
//   const VERSION = '<sha256 of every file's name and bytes, 16 hex digits>';
//   const FILES = ['index.html', 'partnership-planner-<hash>_bg.wasm', ...];
//
// FILES is every file in the staging folder (after the other steps have renamed, inlined and
// removed files), except sw.js itself: exactly what this build ships, so the list is never
// stale. VERSION changes whenever any byte of the build does, which is how a browser sees that
// a new version was deployed; an identical rebuild writes an identical sw.js (no update).
//
// PP_RETIRE_WORKER=1 writes sw/retire.js instead: the worker that deletes the caches and
// unregisters itself (docs/offline.md).
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const SOURCE = resolve(import.meta.dirname, '../sw/sw.js');
const RETIRE = resolve(import.meta.dirname, '../sw/retire.js');

/** The build's files, as paths relative to `dir` with `/`, sorted; sw.js left out. */
export function buildFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath ?? e.path, e.name)).split(sep).join('/'))
    .filter((name) => name !== 'sw.js')
    .sort();
}

/** The worker's text for `files` (name → bytes). */
export function workerFor(files, source) {
  const hash = createHash('sha256');
  for (const [name, bytes] of files) hash.update(`${name}\0${bytes.length}\0`).update(bytes);
  const version = hash.digest('hex').slice(0, 16);
  const names = files.map(([name]) => name);
  if (!names.includes('index.html')) throw new Error('the build has no index.html');
  return `const VERSION = '${version}';\nconst FILES = ${JSON.stringify(names)};\n${source}`;
}

function main() {
  const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
  if (!dir) {
    console.error('precache: TRUNK_STAGING_DIR is not set (run as a trunk post_build hook) and no folder given');
    process.exit(2);
  }
  try {
    const text = process.env.PP_RETIRE_WORKER === '1'
      ? readFileSync(RETIRE, 'utf8')
      : workerFor(buildFiles(dir).map((name) => [name, readFileSync(join(dir, name))]), readFileSync(SOURCE, 'utf8'));
    writeFileSync(join(dir, 'sw.js'), text);
  } catch (e) {
    console.error(`precache: ${e.message}`);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
