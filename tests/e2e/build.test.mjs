// What .ci/slim.mjs trims from the build (see it for why): the page downloads no stream classes
// it never uses, and the wasm's imports and exports have short names; and how .ci/inline.mjs puts
// the glue and the stylesheet into the page. The app still starting and working with these files
// is what every other test here checks. Against the plain build (PLAIN_BUILD=1, `make test-plain`)
// the first is skipped, as nothing was trimmed; the tests of inline.mjs itself run on its own
// inputs, so they run on both.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, builtLoader, isGlueFile } from './csp-check.mjs';
import { PLAIN } from './server.mjs';
import { sections, imports, exports } from '../../.ci/slim.mjs';
import { inlineAssets } from '../../.ci/inline.mjs';

const { parse } = await import(pathToFileURL(resolve(import.meta.dirname, '../../.tools/node_modules/acorn/dist/acorn.mjs')).href);

const file = (suffix) => join(DIST, readdirSync(DIST).find((f) => f.endsWith(suffix)));

test('the build under test is the one PLAIN_BUILD says: post-build steps run, or none did', () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const glueFiles = readdirSync(DIST).filter(isGlueFile);
  const csp = /<meta http-equiv=["']?Content-Security-Policy/i.test(html);
  if (PLAIN) {
    assert.ok(glueFiles.length === 1 && !csp, `${DIST}: PLAIN_BUILD=1, yet not trunk's plain output (glue files ${glueFiles}, CSP ${csp})`);
  } else {
    assert.ok(glueFiles.length === 0 && csp, `${DIST}: the post-build steps did not all run (glue files ${glueFiles}, CSP ${csp}); for the plain build set PLAIN_BUILD=1`);
  }
});

test('the shipped wasm and its glue carry no unused stream classes, and short import and export names', {
  skip: PLAIN && 'plain build (PLAIN_BUILD=1): .ci/slim.mjs trims and renames, and did not run',
}, () => {
  const parts = sections(readFileSync(file('_bg.wasm')));
  const ins = imports(parts.find((p) => p.id === 2).body);
  const outs = exports(parts.find((p) => p.id === 7).body);
  assert.ok(ins.length > 50 && outs.length > 5, 'the wasm was read');
  assert.deepEqual(outs.filter((e) => /intounderlying/i.test(e.field)), [], 'no stream exports');
  assert.deepEqual(ins.filter((i) => i.field.length > 4).map((i) => i.field), [], 'imports are renamed');
  assert.deepEqual(outs.filter((e) => e.field.length > 20).map((e) => e.field), [], 'long exports are renamed');
  assert.deepEqual(parts.filter((p) => p.id === 0).length, 0, 'no custom sections');
  const js = builtLoader();
  assert.ok(js.length > 1000, 'found the glue, inline in the loader');
  assert.doesNotMatch(js, /IntoUnderlying|__wbg_\w+_[0-9a-f]{16}/, 'the glue names neither');
});

// A page and files as trunk and minify.mjs leave them.
const PAGE = '<!doctype html><html><meta charset=utf-8><title>T</title>'
  + "<script type=module>import init, * as bindings from './app-1.js';\n"
  + "const wasm = await init({ module_or_path: './app-1_bg.wasm' });\n\nwindow.wasmBindings = bindings;</script>"
  + '<link href=./main-1.css integrity=sha384-x rel=stylesheet>'
  + '<link crossorigin href=./app-1.js integrity=sha384-y rel=modulepreload>'
  + '<link as=fetch crossorigin href=./app-1_bg.wasm integrity=sha384-z rel=preload type=application/wasm>'
  + '</head><body></body></html>';
const FILES = {
  'main-1.css': 'p{content:"$&"}',
  'app-1.js': 'function a(){return 1}async function b(n){return WebAssembly.instantiateStreaming(fetch(n.module_or_path),{})}export{a as initSync,b as default};',
};
// What the build says for each page it refuses.
const MESSAGES = {
  'a second export': /expected a single `export \{…\}` at the end/,
  'an import in the glue': /expected a single `export \{…\}` at the end/,
  'no default export': /has no default export/,
  'glue that would end the script': /app-1\.js contains "<\/script"/,
  'CSS that would end the style': /main-1\.css contains "<\/style"/,
  'two stylesheets': /expected one stylesheet link, found 2/,
  "a loader that is not trunk's": /the loader is not trunk's/,
  'a missing file': /no main-1\.css/,
};
const inline = (page = PAGE, files = FILES) => inlineAssets(page, (name) => {
  if (!(name in files)) throw new Error(`no ${name}`);
  return files[name];
}, parse);

test('inline.mjs puts the stylesheet and the glue into the page, calling the glue\'s init', () => {
  const { html, remove } = inline();
  assert.deepEqual(remove.sort(), ['app-1.js', 'main-1.css']);
  assert.ok(html.includes('<style>p{content:"$&"}</style>'), 'the CSS, as it was');
  assert.doesNotMatch(html, /rel=stylesheet|modulepreload|app-1\.js|import init|export\{/);
  assert.ok(html.includes('<script type=module>//# allFunctionsCalledOnLoad\nfunction a(){return 1}async function b(n)'));
  assert.ok(html.includes("\nawait b({ module_or_path: './app-1_bg.wasm' });</script>"));
  assert.ok(html.includes('href=./app-1_bg.wasm integrity=sha384-z rel=preload'), 'the wasm preload stays');
  parse(/<script type=module>([^]*?)<\/script>/.exec(html)[1], { ecmaVersion: 'latest', sourceType: 'module' });

  for (const [why, page, files] of [
    ['a second export', PAGE, { ...FILES, 'app-1.js': `export const x=1;${FILES['app-1.js']}` }],
    ['an import in the glue', PAGE, { ...FILES, 'app-1.js': `import 'x';${FILES['app-1.js']}` }],
    ['no default export', PAGE, { ...FILES, 'app-1.js': 'function a(){}export{a as initSync};' }],
    ['glue that would end the script', PAGE, { ...FILES, 'app-1.js': `const s="</script>";${FILES['app-1.js']}` }],
    ['CSS that would end the style', PAGE, { ...FILES, 'main-1.css': 'p{content:"</style>"}' }],
    ['two stylesheets', PAGE.replace('</head>', '<link href=./b.css rel=stylesheet></head>'), FILES],
    ['a loader that is not trunk\'s', PAGE.replace('import init, * as', 'import go, * as'), FILES],
    ['a missing file', PAGE, { 'app-1.js': FILES['app-1.js'] }],
  ]) {
    assert.throws(() => inline(page, files), MESSAGES[why], why);
  }
});

test('the build tools whose output ships come from the committed lock file, exactly', () => {
  const root = resolve(import.meta.dirname, '../..');
  const lock = JSON.parse(readFileSync(join(root, '.ci/build-tools/package-lock.json'), 'utf8'));
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (!path) continue;
    const installed = JSON.parse(readFileSync(join(root, '.tools', path, 'package.json'), 'utf8'));
    assert.equal(installed.version, entry.version, `${path}: installed ${installed.version}, locked ${entry.version}`);
    assert.ok(entry.integrity, `${path} has an integrity hash in the lock file`);
  }
  const tools = readFileSync(join(root, '.ci/tools.sh'), 'utf8');
  assert.match(tools, /npm ci --prefix \.tools --ignore-scripts/, 'the build tools are installed with npm ci, scripts off');
  assert.doesNotMatch(tools, /npm install /, 'no npm install resolves versions afresh');
});

test('every block of the stylesheet is closed (an open @media block would swallow every rule after it)', () => {
  const css = readFileSync(new URL('../../style/main.css', import.meta.url), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""');
  let depth = 0;
  css.split('\n').forEach((line, i) => {
    for (const c of line) {
      if (c === '{') depth += 1;
      if (c === '}') depth -= 1;
      assert.ok(depth >= 0, `style/main.css line ${i + 1} closes a block that is not open`);
    }
    // Top-level rules sit at depth 0 or 1; a rule's selector starting a line at depth 2 means a
    // block above it was left open.
    assert.ok(depth <= 2, `style/main.css line ${i + 1} is nested ${depth} deep`);
  });
  assert.equal(depth, 0, 'style/main.css leaves a block open');
});
