// The one trunk post_build hook (see Trunk.toml). trunk starts every hook of a stage at the same
// time, and these edit the same files, so they run here one after another:
//   split.mjs   stages the lazily loaded wasm parts and puts their loader into the glue
//   slim.mjs    drops unused exports and gives imports and exports short names (wasm and glue)
//   minify.mjs  minifies the glue with terser and updates the integrity hashes
//   inline.mjs  puts the stylesheet and the glue into index.html
//   csp.mjs     writes the Content Security Policy with the hashes of the inline script and style
//   precache.mjs  writes the service worker, sw.js, listing the files of this build
// Each gets trunk's environment (TRUNK_STAGING_DIR); the first to fail fails the build.
//
// PLAIN_BUILD=1 (see Makefile, `make test-plain`) switches the first five off: dist/ is then
// what `trunk build --release` writes (trunk's own wasm-opt and minifier included), with no
// Content Security Policy <meta>, the glue and the stylesheet as files. precache.mjs still runs:
// it adds the worker and changes no file trunk wrote, and without it that build would not work
// offline (docs/build.md).
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const plain = process.env.PLAIN_BUILD === '1';
if (plain) console.error('post-build: PLAIN_BUILD=1, leaving the files as trunk wrote them (adding sw.js)');
const steps = plain ? ['precache.mjs'] : ['split.mjs', 'slim.mjs', 'minify.mjs', 'inline.mjs', 'csp.mjs', 'precache.mjs'];

for (const step of steps) {
  const { status } = spawnSync(process.execPath, [resolve(import.meta.dirname, step)], { stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
}
