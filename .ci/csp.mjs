// trunk post_build hook (see Trunk.toml), run last: writes a strict Content Security Policy into
// the built index.html as the first element after <meta charset>, with the sha256 of the inline
// loader script and of the inline stylesheet (.ci/inline.mjs puts the glue and the CSS there).
//
// trunk 0.21 runs post_build hooks after it has finalized, minified and written index.html to
// the staging directory (TRUNK_STAGING_DIR, dist/.stage) and before it moves the staging
// directory to dist/. So the text hashed here is exactly the text that ships.
//
// The build fails (non-zero exit) rather than ship a policy that does not match the page: no
// inline script, more than one, a script that is not the wasm loader, no stylesheet, no
// <meta charset>, or a CSP already in the page.
//
// Also usable by hand: `node .ci/csp.mjs path/to/index.html` rewrites that file in place.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The policy, with HASH standing for the scripts' sources (the loader's hash, and 'self' when
 * the page loads script files) and STYLE for the stylesheets' (likewise). `frame-ancestors`,
 * `sandbox` and `report-uri` are ignored in a <meta> policy, so they are not in it. */
export const POLICY = [
  "default-src 'none'",
  "script-src HASH 'wasm-unsafe-eval'",
  "connect-src 'self'",
  // The service worker (sw.js) and the web app manifest, both files of this build.
  "worker-src 'self'",
  "manifest-src 'self'",
  "style-src STYLE",
  "img-src 'self' data:",
  "form-action 'none'",
  "base-uri 'none'",
];

/** The browser hashes a script's (or a <style>'s) text after the HTML parser has normalized
 * newlines. */
export function scriptHash(text) {
  const normalized = text.replace(/\r\n?/g, '\n');
  return `'sha256-${createHash('sha256').update(normalized, 'utf8').digest('base64')}'`;
}

export const policyFor = (hash, style) =>
  POLICY.map((d) => d.replace('HASH', hash).replace('STYLE', style)).join('; ');

/** Parses the attributes of a start tag's inside (`<script` … `>` exclusive), lower-case names. */
function parseAttributes(source) {
  const attrs = new Map();
  const re = /([^\s"'>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  for (const m of source.matchAll(re)) {
    attrs.set(m[1].toLowerCase(), m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attrs;
}

/** Finds the end of a start tag beginning at `from` (just after its name), honouring quotes. */
function tagEnd(html, from) {
  let quote = null;
  for (let i = from; i < html.length; i++) {
    const c = html[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '>') {
      return i;
    }
  }
  return -1;
}

/**
 * Every <script> element in `html`: { start, end, attrs, text, inline }. Skips comments; reads a
 * script's text as the HTML parser does (raw text up to `</script` followed by a delimiter).
 */
export function findScripts(html) {
  const scripts = [];
  const open = /<!--|<script(?=[\s/>])/gi;
  let m;
  while ((m = open.exec(html))) {
    if (m[0] === '<!--') {
      const close = html.indexOf('-->', m.index + 4);
      if (close < 0) break;
      open.lastIndex = close + 3;
      continue;
    }
    const gt = tagEnd(html, m.index + 7);
    if (gt < 0) throw new Error('unterminated <script> start tag');
    const attrs = parseAttributes(html.slice(m.index + 7, gt));
    const closeRe = /<\/script[\s/>]/gi;
    closeRe.lastIndex = gt + 1;
    const close = closeRe.exec(html);
    if (!close) throw new Error('unterminated <script> element');
    const text = html.slice(gt + 1, close.index);
    const end = html.indexOf('>', close.index) + 1;
    scripts.push({ start: m.index, end, attrs, text, inline: !attrs.has('src') });
    open.lastIndex = end;
  }
  return scripts;
}

/** The text of every <style> element in `html` (raw text up to `</style`), and whether the page
 * links a stylesheet file. Comments are skipped. */
export function findStyles(html) {
  const bare = html.replace(/<!--[^]*?-->/g, '');
  const styles = [...bare.matchAll(/<style(?:\s[^>]*)?>([^]*?)<\/style[\s/>]/gi)].map((m) => m[1]);
  const linked = /<link\b[^>]*\brel=["']?stylesheet\b/i.test(bare);
  return { styles, linked };
}

/** trunk serve's live-reload script: injected only by `trunk serve` (never by `trunk build`),
 * and its text is rewritten per response, so it cannot be hashed; the CSP blocks it. */
export const isTrunkAutoreload = (s) => !s.attrs.has('type') && s.text.includes('.well-known/trunk/ws');

const META_CHARSET = /<meta\s+charset\s*=\s*(?:"utf-8"|'utf-8'|utf-8)\s*\/?>/i;
const EXISTING_CSP = /<meta\b[^>]*http-equiv\s*=\s*["']?content-security-policy/i;

/** Returns index.html with the CSP meta inserted, or throws with the reason. */
export function addCsp(html) {
  if (EXISTING_CSP.test(html)) {
    throw new Error('the page already has a Content-Security-Policy <meta>; this hook writes it');
  }
  const all = findScripts(html);
  const scripts = all.filter((s) => s.inline);
  const autoreload = scripts.filter(isTrunkAutoreload);
  const inline = scripts.filter((s) => !isTrunkAutoreload(s));
  if (inline.length !== 1) {
    throw new Error(`expected exactly one inline script (trunk's loader), found ${inline.length}`);
  }
  const [loader] = inline;
  // trunk's loader (`import init …; await init(…)`), or the same with the glue inlined.
  if (loader.attrs.get('type') !== 'module' || !/\binit\b|WebAssembly\.instantiate/.test(loader.text)) {
    throw new Error(`the inline script does not look like the wasm module loader:\n${loader.text.slice(0, 300)}`);
  }
  const { styles, linked } = findStyles(html);
  if (!styles.length && !linked) throw new Error('the page has no stylesheet');
  const style = [...(linked ? ["'self'"] : []), ...styles.map(scriptHash)].join(' ');
  const charset = META_CHARSET.exec(html);
  if (!charset) throw new Error('no <meta charset="utf-8"> to put the policy after');
  if (charset.index > loader.start) throw new Error('<meta charset> comes after the loader script');
  // 'self' only while the page still loads script files: a <script src>, a module preload, or
  // a loader that imports its glue (trunk's, when .ci/inline.mjs has not run).
  const files = scripts.length < all.length
    || /<link\b[^>]*\brel=["']?modulepreload\b/i.test(html)
    || /(?:^|[;\s])import\s*[\w*{'"(]/.test(loader.text);
  const hash = [...(files ? ["'self'"] : []), scriptHash(loader.text)].join(' ');
  const meta = `<meta http-equiv=Content-Security-Policy content="${policyFor(hash, style)}">`;
  const at = charset.index + charset[0].length;
  return {
    html: html.slice(0, at) + meta + html.slice(at),
    hash,
    style,
    autoreload: autoreload.length > 0,
  };
}

function main() {
  const file = process.argv[2] ?? (process.env.TRUNK_STAGING_DIR
    ? join(process.env.TRUNK_STAGING_DIR, 'index.html')
    : null);
  if (!file) {
    console.error('csp: TRUNK_STAGING_DIR is not set (run as a trunk post_build hook) and no file given');
    process.exit(2);
  }
  try {
    const { html, hash, style, autoreload } = addCsp(readFileSync(file, 'utf8'));
    writeFileSync(file, html);
    if (autoreload) {
      console.error("csp: warning: trunk serve's live-reload script is blocked by the CSP "
        + '(serve with --no-autoreload to silence the violation)');
    }
    if (process.env.CSP_HOOK_VERBOSE) console.error(`csp: ${file}: script-src ${hash}; style-src ${style}`);
  } catch (e) {
    console.error(`csp: ${file}: ${e.message}`);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
