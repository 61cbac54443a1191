// What .ci/slim.mjs trims from the build (see it for why): the page downloads no stream classes
// it never uses, and the wasm's imports and exports have short names. The app still starting
// and working with these files is what every other test here checks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DIST } from './csp-check.mjs';
import { sections, imports, exports } from '../../.ci/slim.mjs';

const file = (suffix) => join(DIST, readdirSync(DIST).find((f) => f.endsWith(suffix)));

test('the shipped wasm and its glue carry no unused stream classes, and short import and export names', () => {
  const parts = sections(readFileSync(file('_bg.wasm')));
  const ins = imports(parts.find((p) => p.id === 2).body);
  const outs = exports(parts.find((p) => p.id === 7).body);
  assert.ok(ins.length > 50 && outs.length > 5, 'the wasm was read');
  assert.deepEqual(outs.filter((e) => /intounderlying/i.test(e.field)), [], 'no stream exports');
  assert.deepEqual(ins.filter((i) => i.field.length > 4).map((i) => i.field), [], 'imports are renamed');
  assert.deepEqual(outs.filter((e) => e.field.length > 20).map((e) => e.field), [], 'long exports are renamed');
  assert.deepEqual(parts.filter((p) => p.id === 0).length, 0, 'no custom sections');
  const js = readFileSync(file('.js'), 'utf8');
  assert.doesNotMatch(js, /IntoUnderlying|__wbg_\w+_[0-9a-f]{16}/, 'the glue names neither');
});
