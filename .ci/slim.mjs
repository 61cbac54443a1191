// The first post-build step (.ci/post-build.mjs runs it, then minify.mjs, inline.mjs and csp.mjs):
// trims what wasm-bindgen's output carries but the app never uses.
//
// 1. Leptos always links server_fn, which links wasm-streams, whose `IntoUnderlying*` classes
//    would be exported from the wasm and written into the glue although a client-side app never
//    makes one. Cargo.toml patches wasm-streams with .ci/patch/wasm-streams, which has none; this
//    step fails the build if they come back (the patch not applied, or another crate's streams).
// 2. Every import is named like `__wbg_setAttribute_d5540a19be09f8dc`, in the wasm and in the
//    glue: 200 random-looking names that gzip cannot shrink (and, in the split build, one
//    `__wasm_split_load_<page>` per lazily loaded part). They are renamed `$a`, `$b`, …
//    `$ba` …, and exports longer than 20 characters (closures' run to 200) `_a`, `_b`, ….
//    Custom sections (producers, target features) are dropped. The glue's shims for imports the
//    wasm does not have are removed. Before both, wasm-opt -Oz runs once more.
// The patch took 4.5 KB off the gzipped wasm (the exports this step used to drop had left the
// streams' code in the function table); the renaming takes the glue from 7.1 to 4.0 KB.
//
// Each step checks what it found against what it expected, and fails the build if the glue's shape
// is not the one wasm-bindgen 0.2.130 writes (rather than ship a page that cannot start).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { replaceIntegrity, sri } from './minify.mjs';

const WASM_OPT = resolve(import.meta.dirname, '../.tools/node_modules/.bin/wasm-opt');
// The features rustc 1.95 enables for wasm32-unknown-unknown (and trunk's wasm-opt keeps).
const FEATURES = ['bulk-memory', 'bulk-memory-opt', 'nontrapping-float-to-int', 'sign-ext',
  'mutable-globals', 'reference-types', 'multivalue'].map((f) => `--enable-${f}`);
const STREAM_CLASS = /intounderlying/i;

// --- the wasm binary format, as far as needed here ---

function readLeb(bytes, at) {
  let value = 0, shift = 0, byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

function leb(n) {
  const out = [];
  do {
    let byte = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return Buffer.from(out);
}

const utf8 = (s) => Buffer.from(s, 'utf8');
const name = (s) => Buffer.concat([leb(utf8(s).length), utf8(s)]);

function readName(bytes, at) {
  const [len, start] = readLeb(bytes, at);
  return [bytes.subarray(start, start + len).toString('utf8'), start + len];
}

/** The module's sections: `{id, body}` in order. */
export function sections(bytes) {
  if (bytes.readUInt32LE(0) !== 0x6d736100) throw new Error('not a wasm module');
  const out = [];
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, start] = readLeb(bytes, at + 1);
    out.push({ id, body: bytes.subarray(start, start + size) });
    at = start + size;
  }
  return out;
}

function assemble(parts) {
  return Buffer.concat([Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]),
    ...parts.flatMap(({ id, body }) => [Buffer.from([id]), leb(body.length), body])]);
}

/** Import entries: `{module, field, desc}` (desc: the raw bytes after the two names). */
export function imports(body) {
  let [count, at] = readLeb(body, 0);
  const out = [];
  while (count--) {
    let module, field;
    [module, at] = readName(body, at);
    [field, at] = readName(body, at);
    const start = at;
    const kind = body[at++];
    if (kind === 0) [, at] = readLeb(body, at); // function: type index
    else if (kind === 1) { at++; const flags = body[at++]; [, at] = readLeb(body, at); if (flags & 1) [, at] = readLeb(body, at); }
    else if (kind === 2) { const flags = body[at++]; [, at] = readLeb(body, at); if (flags & 1) [, at] = readLeb(body, at); }
    else if (kind === 3) at += 2; // global: type, mutability
    else throw new Error(`unknown import kind ${kind}`);
    out.push({ module, field, desc: body.subarray(start, at) });
  }
  return out;
}

export function exports(body) {
  let [count, at] = readLeb(body, 0);
  const out = [];
  while (count--) {
    let field;
    [field, at] = readName(body, at);
    const start = at;
    at++;
    [, at] = readLeb(body, at);
    out.push({ field, desc: body.subarray(start, at) });
  }
  return out;
}

const importSection = (list) => Buffer.concat([leb(list.length),
  ...list.flatMap(({ module, field, desc }) => [name(module), name(field), desc])]);
const exportSection = (list) => Buffer.concat([leb(list.length),
  ...list.flatMap(({ field, desc }) => [name(field), desc])]);

/** `$a`, `$b`, … `$z`, `$A` … `$Z`, `$ba`, …: short names that are valid identifiers and can
 * never be a JavaScript keyword. */
export function shortName(i) {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let s = '';
  do {
    s = letters[i % letters.length] + s;
    i = Math.floor(i / letters.length);
  } while (i);
  return `$${s}`;
}

// --- the JavaScript glue, read with acorn (as wasm-bindgen wrote it, or minified) ---

const ACORN = resolve(import.meta.dirname, '../.tools/node_modules/acorn/dist/acorn.mjs');

/** Every node under `node`, depth first. */
function* nodes(node) {
  if (!node || typeof node.type !== 'string') return;
  yield node;
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) for (const v of value) yield* nodes(v);
    else if (value && typeof value === 'object') yield* nodes(value);
  }
}

const keyName = (p) => p.key?.type === 'Identifier' ? p.key.name : p.key?.value;

/** Applies `[start, end, text]` edits to `source`. */
function edit(source, edits) {
  edits.sort((a, b) => b[0] - a[0]);
  for (let i = 1; i < edits.length; i++) {
    if (edits[i][1] > edits[i - 1][0]) throw new Error('overlapping edits to the glue');
  }
  for (const [start, end, text] of edits) source = source.slice(0, start) + text + source.slice(end);
  return source;
}

async function slim(dir) {
  const { parse } = await import(pathToFileURL(ACORN).href);
  const wasmName = readdirSync(dir).find((f) => f.endsWith('_bg.wasm'));
  // The glue is named as the wasm is (other scripts, such as index.html's boot.js, are not it).
  const jsName = wasmName && readdirSync(dir).find((f) => f === wasmName.replace(/_bg\.wasm$/, '.js'));
  if (!wasmName || !jsName) throw new Error('no wasm and JavaScript glue in the staging folder');
  const wasmFile = join(dir, wasmName);
  const jsFile = join(dir, jsName);
  const js = readFileSync(jsFile, 'utf8');
  const program = parse(js, { ecmaVersion: 'latest', sourceType: 'module' });

  // A second `wasm-opt -Oz` over trunk's finds what the first left (0.4 KB gzipped).
  execFileSync(WASM_OPT, ['-Oz', ...FEATURES, wasmFile, '-o', wasmFile]);

  // 1. No stream classes (see the top of this file).
  const parts = sections(readFileSync(wasmFile));
  const importPart = parts.find((p) => p.id === 2);
  const exportPart = parts.find((p) => p.id === 7);
  const ins = imports(importPart.body);
  const outs = exports(exportPart.body);
  const streams = outs.filter((e) => STREAM_CLASS.test(e.field)).map((e) => e.field);
  if (streams.length || STREAM_CLASS.test(js)) {
    throw new Error(`the wasm exports stream classes (${streams.slice(0, 3).join(', ')}…): is Cargo.toml's [patch] for wasm-streams applied?`);
  }
  const edits = [];

  // 2. The import object: the object literal whose keys are the wasm's imports from the glue
  // (`./<name>_bg.js`). Those from the split loader (`./__wasm_split.js`, see split.mjs) keep
  // their names.
  const glueModule = (i) => i.module.endsWith('_bg.js');
  const wbg = ins.filter(glueModule);
  if (ins.some((i) => !glueModule(i) && i.module !== './__wasm_split.js')) {
    throw new Error(`the wasm imports from ${ins.find((i) => !glueModule(i) && i.module !== './__wasm_split.js').module}`);
  }
  const used = new Set(wbg.map((i) => i.field));
  const importObject = [...nodes(program)].find((n) => n.type === 'ObjectExpression'
    && n.properties.some((p) => used.has(keyName(p))));
  if (!importObject) throw new Error('the glue has no import object');
  const shims = new Map(importObject.properties.map((p) => [keyName(p), p]));
  for (const i of wbg) {
    if (!shims.has(i.field)) throw new Error(`the glue has no shim for the import ${i.field}`);
  }
  const renamedImports = new Map(wbg.map((i, n) => [i.field, shortName(n)]));
  importObject.properties.forEach((p, n) => {
    const key = keyName(p);
    if (key === '__proto__') return;
    if (!used.has(key)) {
      // The shim and the comma after it (every property but the last has one).
      const end = n + 1 < importObject.properties.length ? importObject.properties[n + 1].start : p.end;
      edits.push([p.start, end, '']);
    } else {
      edits.push([p.key.start, p.key.end, renamedImports.get(key)]);
    }
  });
  for (const i of wbg) i.field = renamedImports.get(i.field);

  // 3. Exports with long names (closures' run to 200 characters), read as `wasm.name`.
  const renamedExports = new Map();
  outs.filter((e) => e.field.length > 20).forEach((e, n) => {
    renamedExports.set(e.field, `_${shortName(n).slice(1)}`);
    e.field = renamedExports.get(e.field);
  });
  for (const n of nodes(program)) {
    if (n.type === 'MemberExpression' && !n.computed && renamedExports.has(n.property.name)) {
      edits.push([n.property.start, n.property.end, renamedExports.get(n.property.name)]);
    }
  }
  // 2b. The split loader's functions (`__wasm_split_load_print`, see split.mjs): the object the
  // glue gives for `./__wasm_split.js` is the only one whose keys are exactly those names.
  const splitIns = ins.filter((i) => i.module === './__wasm_split.js');
  if (splitIns.length) {
    const keys = new Set(splitIns.map((i) => i.field));
    const loaders = [...nodes(program)].filter((n) => n.type === 'ObjectExpression' && n.properties.length === keys.size
      && n.properties.every((p) => p.type === 'Property' && keys.has(keyName(p))));
    if (loaders.length !== 1) throw new Error(`expected one object of the split loaders in the glue, found ${loaders.length}`);
    const renamed = new Map(splitIns.map((i, n) => [i.field, shortName(n)]));
    for (const p of loaders[0].properties) {
      const short = JSON.stringify(renamed.get(keyName(p)));
      edits.push(p.shorthand ? [p.start, p.end, `${short}: ${p.value.name}`] : [p.key.start, p.key.end, short]);
    }
    for (const i of splitIns) i.field = renamed.get(i.field);
  }
  const out = edit(js, edits);
  // What the glue now reads from the wasm, and what it gives it, must be what the wasm has.
  const check = parse(out, { ecmaVersion: 'latest', sourceType: 'module' });
  for (const n of nodes(check)) {
    if (n.type === 'MemberExpression' && !n.computed && renamedExports.has(n.property.name)) {
      throw new Error(`the glue still reads ${n.property.name}`);
    }
    if (n.type === 'Property' && used.has(keyName(n))) throw new Error(`the glue still gives ${keyName(n)}`);
  }
  importPart.body = importSection(ins);
  exportPart.body = exportSection(outs);
  const wasm = assemble(parts.filter((p) => p.id !== 0)); // custom sections: producers, features
  writeFileSync(wasmFile, wasm);
  writeFileSync(jsFile, out);
  const index = join(dir, 'index.html');
  writeFileSync(index, replaceIntegrity(readFileSync(index, 'utf8'), wasmName, sri(wasm)));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  slim(process.env.TRUNK_STAGING_DIR ?? process.argv[2]).catch((e) => {
    console.error(`slim: ${e.message}`);
    process.exit(1);
  });
}
