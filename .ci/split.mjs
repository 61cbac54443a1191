// The first post-build step (.ci/post-build.mjs), for the split wasm (docs/decisions/0009-split-wasm.md).
// .ci/bin/wasm-bindgen has split cargo's wasm: trunk staged the main module and its glue as
// always, and left in <target>/wasm-bindgen/release/wasm-split/ what trunk does not know about:
// one wasm per lazily loaded part (split_<name>.wasm, chunk_<n>.wasm) and the loader that
// fetches them (__wasm_split.js), which the glue imports. This step:
//   1. runs wasm-opt -Oz on each part and stages it under a content-hashed name
//      (split_print-<16 hex>.wasm), so a cached part is never mixed with another build's;
//   2. puts the loader into the glue in place of its `import * as … from "./__wasm_split.js"`,
//      so the page stays one inline script (inline.mjs) and needs no extra request: the import
//      of the glue's own initSync goes, `export const` becomes `const`, every part is fetched by
//      one function, with its hashed name and its sha384 (`integrity`), and the loader reads
//      the main module's exports as `exports.name`, which slim.mjs renames consistently.
// A build without split points (no such import in the glue) is left as it is. Any other shape
// of loader or glue fails the build.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { replaceIntegrity, sri } from './minify.mjs';

const WASM_OPT = resolve(import.meta.dirname, '../.tools/node_modules/.bin/wasm-opt');
const ACORN = resolve(import.meta.dirname, '../.tools/node_modules/acorn/dist/acorn.mjs');
// As in slim.mjs: the features rustc 1.95 enables for wasm32-unknown-unknown.
const FEATURES = ['bulk-memory', 'bulk-memory-opt', 'nontrapping-float-to-int', 'sign-ext',
  'mutable-globals', 'reference-types', 'multivalue'].map((f) => `--enable-${f}`);
const LOADER = './__wasm_split.js';

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Replaces exactly `count` (default one) matches of `re` in `text`, or throws saying `what`. */
function replaceOnce(text, re, replacement, what, count = 1) {
  const found = [...text.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`))].length;
  if (found !== count) throw new Error(`the loader: expected ${count} ${what}, found ${found}`);
  return text.replace(new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`), replacement);
}

/**
 * The loader as a piece of the glue. `parts` maps each file name the loader fetches
 * (`split_print.wasm`) to `{ name, integrity }`; `namespaces` are the glue's names for the
 * loader's module (`import * as import1 from "./__wasm_split.js"`, one such import per loader). Returns the code that replaces the glue's import of it.
 */
export function loaderForGlue(loader, parts, namespaces) {
  let js = loader;
  js = replaceOnce(js, /^import \{ initSync \} from "[^"]+";\n/m, '', 'import of initSync');
  // const { a, b, } = initSync(undefined, undefined); Object.assign(x, { a, b, });
  const shares = /const \{ ([\w$, ]*) \} = initSync\(undefined, undefined\);\n(\s*)Object\.assign\(sharedImports\.__wasm_split, \{ \1 \}\);/;
  const m = shares.exec(js);
  if (!m) throw new Error('the loader: no `const {…} = initSync(…)` reading the main exports');
  const names = m[1].split(',').map((s) => s.trim()).filter(Boolean);
  const given = names.map((n) => `${JSON.stringify(n)}: main.${n}`).join(', ');
  js = js.replace(shares, `const main = initSync(undefined, undefined);\n${m[2]}Object.assign(sharedImports.__wasm_split, { ${given} });`);
  // slim.mjs renames `x.name` reads of long export names: the one read the loader makes of an
  // import it gives the parts stays by its own name.
  js = replaceOnce(js, /sharedImports\.__wasm_split\.__indirect_function_table\b/, 'sharedImports.__wasm_split["__indirect_function_table"]', 'read of the function table');
  // A failed load is reported only once every part it waited for has settled (and forgotten its
  // failed attempt), so Try again right after the message fetches anew instead of joining a
  // fetch that is still failing.
  js = replaceOnce(js, /await Promise\.all\(parallelStuff\);/, `const settled = await Promise.allSettled(parallelStuff);
        const failed = settled.find((r) => r.status === 'rejected');
        if (failed) throw failed.reason;`, 'wait for the parts a part needs');
  const exported = [];
  js = js.replace(/^export const (\w+) = /gm, (_, name) => {
    exported.push(name);
    return `const ${name} = `;
  });
  if (!exported.length || /^export\b/m.test(js)) throw new Error('the loader: expected `export const` loaders and no other export');
  // Each part's fetcher, `() => { const src = fetch(new URL("./x.wasm", import.meta.url)); return
  // async (imports) => (WebAssembly.instantiateStreaming(src, imports)); }`, becomes a call of one
  // function with the part's hashed name and sha384: one fetch in the glue for all parts.
  const seen = new Set();
  const fetcher = /\(\) => \{\s*const src = fetch\(new URL\("\.\/([\w.-]+\.wasm)", import\.meta\.url\)\);\s*return async \(imports\) => \(WebAssembly\.instantiateStreaming\(src, imports\)\);\s*\}/g;
  js = js.replace(fetcher, (_, file) => {
    const part = parts.get(file);
    if (!part) throw new Error(`the loader fetches ${file}, which the splitter did not write`);
    seen.add(file);
    return `__wasm_split_part(${JSON.stringify(`./${part.name}`)}, ${JSON.stringify(part.integrity)})`;
  });
  if (/\bfetch\(/.test(js)) throw new Error('the loader fetches in a way split.mjs does not know');
  js = `function __wasm_split_part(name, integrity) {
    return () => {
        const src = fetch(new URL(name, import.meta.url), { integrity });
        return async (imports) => WebAssembly.instantiateStreaming(src, imports);
    };
}
${js}`;
  for (const file of parts.keys()) {
    if (!seen.has(file)) throw new Error(`the loader does not fetch ${file}`);
  }
  if (/import\b[^.(]/.test(js.replace(/import\.meta/g, ''))) throw new Error('the loader still imports something');
  const [first, ...others] = namespaces;
  return `${js}\nconst ${first} = { ${exported.join(', ')} };\n${others.map((n) => `const ${n} = ${first};\n`).join('')}`;
}

async function split(dir, from) {
  const glueName = readdirSync(dir).find((f) => f.endsWith('_bg.wasm'))?.replace(/_bg\.wasm$/, '.js');
  if (!glueName || !existsSync(join(dir, glueName))) throw new Error('no wasm and JavaScript glue in the staging folder');
  const glueFile = join(dir, glueName);
  const glue = readFileSync(glueFile, 'utf8');
  const imported = [...glue.matchAll(new RegExp(`^import \\* as (\\w+) from ["']${escapeRe(LOADER)}["'];?\\n`, 'gm'))];
  if (!imported.length) {
    if (existsSync(from) && readdirSync(from).length) {
      throw new Error(`${from} has split parts, but the staged glue does not import the loader (a stale build?)`);
    }
    return; // not a split build
  }
  if (!existsSync(join(from, '__wasm_split.js'))) throw new Error(`the glue imports the loader, but ${from} has none`);

  const parts = new Map();
  for (const file of readdirSync(from).filter((f) => f.endsWith('.wasm')).sort()) {
    const out = join(dir, file);
    execFileSync(WASM_OPT, ['-Oz', ...FEATURES, join(from, file), '-o', out]);
    const bytes = readFileSync(out);
    const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
    const name = file.replace(/\.wasm$/, `-${hash}.wasm`);
    writeFileSync(join(dir, name), bytes);
    rmSync(out);
    parts.set(file, { name, integrity: sri(bytes) });
  }
  // wasm-bindgen imports the loader once per function the wasm imports from it.
  const namespaces = imported.map((m) => m[1]);
  const code = loaderForGlue(readFileSync(join(from, '__wasm_split.js'), 'utf8'), parts, namespaces);
  let out = glue.replace(imported[0][0], () => code);
  for (const m of imported.slice(1)) out = out.replace(m[0], '');
  const { parse } = await import(pathToFileURL(ACORN).href);
  parse(out, { ecmaVersion: 'latest', sourceType: 'module' }); // still a module, no clashing names
  writeFileSync(glueFile, out);
  const index = join(dir, 'index.html');
  writeFileSync(index, replaceIntegrity(readFileSync(index, 'utf8'), glueName, sri(Buffer.from(out))));
  console.error(`split: ${[...parts.values()].map((p) => p.name).join(', ')}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
  const target = process.env.CARGO_TARGET_DIR ?? resolve(import.meta.dirname, '../target');
  const profile = process.env.TRUNK_PROFILE === 'debug' ? 'debug' : 'release';
  split(dir, join(target, 'wasm-bindgen', profile, 'wasm-split')).catch((e) => {
    console.error(`split: ${e.message}`);
    process.exit(1);
  });
}
