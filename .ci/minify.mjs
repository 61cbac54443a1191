// trunk post_build hook (see Trunk.toml), run before csp.mjs: minifies the JavaScript glue that
// wasm-bindgen writes (trunk's own minifier cannot parse its `export default` and leaves it as it
// is: 9 KB gzipped instead of 7), then writes the file's new sha384 into index.html's integrity
// attribute, so the browser still checks what it loads.
//
// terser is installed by .ci/tools.sh into .tools/; without it the file is left as it is, with a
// warning, and the build goes on.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const TERSER = resolve(import.meta.dirname, '../.tools/node_modules/terser/main.js');

export const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/** Replaces the integrity attribute of the element whose href is `./name` (trunk writes them
 * unquoted: `integrity=sha384-…`). Throws unless exactly one such attribute is found. */
export function replaceIntegrity(html, name, integrity) {
  const href = new RegExp(`(<link\\b[^>]*\\bhref=["']?\\./${name.replace(/[.]/g, '\\.')}["']?[^>]*\\bintegrity=)(["']?)sha384-[A-Za-z0-9+/=]+\\2`, 'g');
  const matches = [...html.matchAll(href)].length;
  if (matches !== 1) throw new Error(`expected one integrity attribute for ${name}, found ${matches}`);
  return html.replace(href, (_, head, quote) => `${head}${quote}${integrity}${quote}`);
}

async function main() {
  const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
  if (!dir) {
    console.error('minify: TRUNK_STAGING_DIR is not set (run as a trunk post_build hook) and no folder given');
    process.exit(2);
  }
  let minify;
  try {
    ({ minify } = await import(pathToFileURL(TERSER).href));
  } catch {
    console.error('minify: warning: terser is not installed (.ci/tools.sh installs it); the JavaScript is left as it is');
    return;
  }
  const index = join(dir, 'index.html');
  let html = readFileSync(index, 'utf8');
  // The glue, named as the wasm is (index.html's boot.js is trunk's to minify).
  const wasm = readdirSync(dir).find((f) => f.endsWith('_bg.wasm'));
  for (const name of readdirSync(dir).filter((f) => wasm && f === wasm.replace(/_bg\.wasm$/, '.js'))) {
    const file = join(dir, name);
    const { code } = await minify(readFileSync(file, 'utf8'), { module: true, compress: true, mangle: true });
    writeFileSync(file, code);
    html = replaceIntegrity(html, name, sri(Buffer.from(code)));
  }
  writeFileSync(index, html);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e) => {
    console.error(`minify: ${e.message}`);
    process.exit(1);
  });
}
