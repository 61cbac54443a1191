// Post-build step (after minify.mjs, before csp.mjs): puts the stylesheet and the JavaScript glue
// into index.html, so the page is one document and the wasm.
//
// Why: a module script waits for the page's stylesheets, and both wait for their own request.
// Inlined, the browser starts compiling the wasm as soon as it has it, without another round
// trip first (measured 2026-12-01 on the 2-core build machine: the empty plan's first screen
// came at 79 ms instead of 94, median of 25 loads of the same build; on a slow connection each
// saved request is a round trip). The bytes are the same, now in one gzip stream instead of
// three.
//
// The loader becomes: the glue without its `export {…}` statement, then a call of its default
// export (init) with the wasm's URL. csp.mjs then hashes this script and the <style>. The build
// fails rather than ship a page that is not as expected: no single stylesheet link, glue
// that is not one module with exactly that export, text that would end its element early.
//
// PP_INLINE=0 leaves the files as trunk wrote them (e.g. to swap in a glue with names for a
// profile; see tests/bench/profile.mjs).
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ACORN = resolve(import.meta.dirname, '../.tools/node_modules/acorn/dist/acorn.mjs');

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The one start tag matching `re` in `html`, or throws saying `what`. */
function one(html, re, what) {
  const found = [...html.matchAll(re)];
  if (found.length !== 1) throw new Error(`expected one ${what}, found ${found.length}`);
  return found[0];
}

/**
 * Returns { html, remove }: `html` with the stylesheet in a <style> and the glue in the loader,
 * `remove` the files no longer needed. `read(name)` gives a staged file's text; `parse` is acorn's.
 */
export function inlineAssets(html, read, parse) {
  const css = one(html, /<link\b[^>]*\brel=["']?stylesheet\b[^>]*>/gi, 'stylesheet link');
  const cssName = /\bhref=["']?\.\/([\w.-]+\.css)\b/.exec(css[0])?.[1];
  if (!cssName) throw new Error(`the stylesheet link names no ./*.css file: ${css[0]}`);
  const style = read(cssName);
  if (/<\/style/i.test(style)) throw new Error(`${cssName} contains "</style"`);

  const loader = one(html, /<script type=module>([^]*?)<\/script>/g, 'inline module script (trunk\'s loader)');
  const from = /^import init, \* as bindings from '\.\/([\w.-]+\.js)';/.exec(loader[1]);
  const wasm = /\bawait init\(\{ module_or_path: '\.\/([\w.-]+_bg\.wasm)' \}\)/.exec(loader[1]);
  if (!from || !wasm) throw new Error(`the loader is not trunk's:\n${loader[1]}`);
  const jsName = from[1];
  const glue = read(jsName);
  if (/<\/script/i.test(glue)) throw new Error(`${jsName} contains "</script"`);

  // The glue must be one module whose only import/export is its last statement: `export {…}`
  // naming the default export (init). That statement goes; the loader calls init by its name.
  const ast = parse(glue, { ecmaVersion: 'latest', sourceType: 'module' });
  const modular = ast.body.filter((n) => /^(Import|Export)/.test(n.type));
  const last = ast.body.at(-1);
  if (modular.length !== 1 || modular[0] !== last || last.type !== 'ExportNamedDeclaration' || last.source || last.declaration) {
    throw new Error(`${jsName}: expected a single \`export {…}\` at the end`);
  }
  const init = last.specifiers.find((s) => (s.exported.name ?? s.exported.value) === 'default')?.local.name;
  if (!init) throw new Error(`${jsName} has no default export`);
  // The comment asks V8 (Chrome 136+) to compile every function of the script at once rather
  // than each at its first call: the glue's functions nearly all run at start (5 ms sooner to
  // the first screen here, median of 41). Other engines ignore it.
  const script = `//# allFunctionsCalledOnLoad\n${glue.slice(0, last.start)}\nawait ${init}({ module_or_path: './${wasm[1]}' });`;
  parse(script, { ecmaVersion: 'latest', sourceType: 'module' }); // still a module

  const preload = new RegExp(`<link\\b[^>]*\\bhref=["']?\\./${escapeRe(jsName)}["']?[^>]*>`, 'g');
  one(html, preload, `link to ${jsName}`);
  // Functions, not strings: `$&` and friends in the CSS or glue must stay as they are.
  const out = html
    .replace(preload, () => '')
    .replace(css[0], () => `<style>${style}</style>`)
    .replace(loader[0], () => `<script type=module>${script}</script>`);
  return { html: out, remove: [cssName, jsName] };
}

async function main() {
  const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
  if (!dir) {
    console.error('inline: TRUNK_STAGING_DIR is not set (run as a trunk post_build hook) and no folder given');
    process.exit(2);
  }
  if (process.env.PP_INLINE === '0') return;
  const { parse } = await import(pathToFileURL(ACORN).href);
  const index = join(dir, 'index.html');
  const staged = new Set(readdirSync(dir));
  const read = (name) => {
    if (!staged.has(name)) throw new Error(`${name} is not in the staging folder`);
    return readFileSync(join(dir, name), 'utf8');
  };
  const { html, remove } = inlineAssets(readFileSync(index, 'utf8'), read, parse);
  writeFileSync(index, html);
  for (const name of remove) rmSync(join(dir, name));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e) => {
    console.error(`inline: ${e.message}`);
    process.exit(1);
  });
}
