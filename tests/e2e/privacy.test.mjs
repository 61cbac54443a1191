// Privacy and the Content Security Policy (reliability.md §3, tables E and H): the built page
// carries a strict CSP whose hash matches trunk's loader; a whole session makes no request after
// the page has loaded and breaks no CSP rule; the checks can fail (negative controls); plan text
// never reaches the URL or the title; and the source and the JS glue use no HTML sinks or
// network APIs beyond the loader's one fetch of the wasm.
//
// Against the plain build (PLAIN_BUILD=1, `make test-plain`) the tests of what the post-build
// steps write are skipped: the policy <meta> is csp.mjs's work and the single document
// inline.mjs's. Everything else, the no-request sessions included, runs on both builds.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { useApp, waitSaved, assertNoErrors, SECTIONS } from './helpers.mjs';
import { serve, PLAIN } from './server.mjs';
import {
  DIST, SRC, expectedDirectives, sha256Source, builtIndex, builtAssets, builtLoader, inlineTexts, installCollectors,
  markLoaded, violations, attempts, recordRequests, waitLoaded, isGlueFile, withoutUpdateChecks,
  withoutPageParts,
} from './csp-check.mjs';

const app = useApp();

// Why a test does not run on the plain build (false on the full build: it runs).
const NO_CSP = PLAIN && 'plain build (PLAIN_BUILD=1): .ci/csp.mjs writes the policy, and did not run';
const NOT_INLINED = PLAIN && 'plain build (PLAIN_BUILD=1): .ci/inline.mjs puts the glue and stylesheet in the page, and did not run';

// useApp's server does not expose its request log, so these tests open the app on a server of
// their own (same dist/, same code) and keep the browser and contexts from useApp().
const own = {};
before(async () => {
  own.server = await serve();
});
after(async () => {
  await own.server?.close();
});

/** As app.open, on this file's server: opens `hash`, waits for the first screen. */
async function open(context, hash = '#/') {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.errors = errors;
  await page.goto(own.server.url + hash);
  await page.getByRole('navigation', { name: 'Sections' }).waitFor();
  return page;
}

const nav = (page) => page.getByRole('navigation', { name: 'Sections' });

/** Everything that happened since the load finished: attempts, violations, requests. */
async function afterLoad(page, net) {
  const { page: requests, server } = net.since();
  // A page's code fetched when the page is first opened, answered by the worker (isPagePart):
  // the server's log shows that nothing went out.
  return withoutPageParts({
    attempts: (await attempts(page)).filter((a) => a.loaded),
    violations: await violations(page),
    requests,
    server,
  });
}

const QUIET = { attempts: [], violations: [], requests: [], server: [] };

/** As afterLoad, leaving out of the server's log the browser's own checks for a new version of
 *  sw.js (csp-check.mjs, withoutUpdateChecks), which come when a controlled page was opened. */
async function afterLoadButChecks(page, net) {
  const activity = await afterLoad(page, net);
  return { ...activity, server: withoutUpdateChecks(activity.server) };
}

/** Attributes of every `<tag …>` start tag in `html` (a small parser for minified output). */
function startTags(html, tag) {
  const tags = [];
  for (const m of html.matchAll(new RegExp(`<${tag}\\b((?:[^>"']|"[^"]*"|'[^']*')*)>`, 'gi'))) {
    const attrs = {};
    for (const a of m[1].matchAll(/([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
      attrs[a[1].toLowerCase()] = a[2] ?? a[3] ?? a[4] ?? '';
    }
    tags.push({ index: m.index, attrs });
  }
  return tags;
}

const cspMeta = (html) =>
  startTags(html, 'meta').filter((t) => t.attrs['http-equiv']?.toLowerCase() === 'content-security-policy');

// ---------------------------------------------------------------------------------------------
// The built page (no browser)

test('the built index.html carries the strict CSP, with the hashes of its inline script and style', { skip: NO_CSP }, () => {
  const html = builtIndex();
  const scripts = inlineTexts(html, 'script');
  assert.equal(scripts.length, 1, 'exactly one inline script (the loader)');
  const hash = sha256Source(scripts[0].replace(/\r\n?/g, '\n'));
  const styles = inlineTexts(html, 'style');
  assert.equal(styles.length, 1, 'exactly one inline stylesheet');
  const styleHash = sha256Source(styles[0].replace(/\r\n?/g, '\n'));

  const metas = cspMeta(html);
  assert.equal(metas.length, 1, 'exactly one CSP <meta>');
  const directives = metas[0].attrs.content.split(';').map((d) => d.trim().replace(/\s+/g, ' '));
  // 'self': the first screen's boot.js is a file of the build (docs/offline.md).
  assert.deepEqual(directives, expectedDirectives(`'self' ${hash}`, styleHash));
  assert.doesNotMatch(metas[0].attrs.content, /'unsafe-inline'|'unsafe-eval'|frame-ancestors|report-uri|sandbox|nonce-/);

  // The policy is the first element after <meta charset>, before anything it must govern.
  assert.match(html, /^<!doctype html>\s*(?:<html[^>]*>\s*)?(?:<head>\s*)?<meta charset=["']?utf-8["']?\s*\/?>\s*<meta http-equiv=["']?Content-Security-Policy\b/i);
  const at = metas[0].index;
  for (const tag of ['script', 'link', 'style', 'base', 'img', 'iframe', 'object', 'form']) {
    const first = startTags(html, tag)[0];
    assert.ok(!first || first.index > at, `<${tag}> comes after the CSP`);
  }

  const referrer = startTags(html, 'meta').filter((t) => t.attrs.name?.toLowerCase() === 'referrer');
  assert.deepEqual(referrer.map((t) => t.attrs.content), ['no-referrer']);
});

test('the page is one document and the wasm: stylesheet and glue inline, the wasm link checked', { skip: NOT_INLINED }, () => {
  const html = builtIndex();
  // .ci/inline.mjs moved the stylesheet and the JS glue into index.html and removed the files.
  // What is left: the first screen's Quick exit script and the service worker (docs/offline.md).
  const scripts = readdirSync(DIST).filter((f) => /\.(js|css)$/.test(f)).sort();
  assert.equal(scripts.length, 2, `${scripts}`);
  assert.match(scripts[0], /^boot-\w+\.js$/);
  assert.equal(scripts[1], 'sw.js');
  assert.deepEqual(startTags(html, 'script').filter((t) => t.attrs.src).map((t) => t.attrs.src), [`./${scripts[0]}`], 'one <script src>: boot.js');
  assert.match(builtLoader(), /WebAssembly\.instantiateStreaming\b/, 'the loader holds the glue');
  assert.doesNotMatch(builtLoader(), /(?:^|[;\s])import\s*[\w*{'"(]/, 'and imports nothing');
  assert.ok(inlineTexts(html, 'style')[0].length > 1000, 'the stylesheet is inline');
  // The icon is an inline data: URL, so it has no file to check. The manifest and the home-screen
  // icon are fetched only to add the app to a home screen. What is left is the wasm's preload,
  // whose integrity matches the shipped file.
  const all = startTags(html, 'link').filter((t) => t.attrs.href && !t.attrs.href.startsWith('data:'));
  assert.deepEqual(all.map((l) => l.attrs.rel).sort(), ['apple-touch-icon', 'manifest', 'preload']);
  const links = all.filter((l) => l.attrs.rel === 'preload');
  for (const { attrs } of links) {
    assert.match(attrs.href, /^\.\/[\w-]+_bg\.wasm$/);
    const [alg, digest] = (attrs.integrity ?? '').split('-');
    assert.equal(alg, 'sha384', `${attrs.href} has an sha384 integrity attribute`);
    const file = readFileSync(resolve(DIST, attrs.href.replace(/^\.\//, '')));
    assert.equal(createHash('sha384').update(file).digest('base64'), digest, attrs.href);
  }
});

// ---------------------------------------------------------------------------------------------
// The post-build hook

const hook = resolve(import.meta.dirname, '../../.ci/csp.mjs');
// As trunk writes them (loader importing its glue, stylesheet linked), and as .ci/inline.mjs
// leaves them (glue and stylesheet in the page).
const LOADER = "<script type=module>import init, * as bindings from './app-1.js';\n"
  + "const wasm = await init({ module_or_path: './app-1_bg.wasm' });</script>";
const LINKED = '<link href=./main-1.css rel=stylesheet>';
const INLINED = "<script type=module>function M(){return WebAssembly.instantiateStreaming}\n"
  + "await M({ module_or_path: './app-1_bg.wasm' });</script>";
const STYLE = '<style>p{color:#123}\n</style>';
const doc = (head) => `<!doctype html><html lang=en><meta charset=utf-8><title>T</title>${head}</head><body></body></html>`;
const textOf = (element) => element.replace(/^<(script type=module|style)>|<\/(script|style)>$/g, '');

/** Runs the hook as trunk does (TRUNK_STAGING_DIR) on `html`; returns its status and output. */
function runHook(html) {
  const dir = mkdtempSync(join(tmpdir(), 'csp-hook-'));
  try {
    writeFileSync(join(dir, 'index.html'), html);
    const r = spawnSync(process.execPath, [hook], {
      env: { ...process.env, TRUNK_STAGING_DIR: dir }, encoding: 'utf8',
    });
    return { status: r.status, stderr: r.stderr, html: readFileSync(join(dir, 'index.html'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('the post-build hook writes the policy, and fails the build when the page is not as expected', () => {
  // Inlined: only the hashes, no 'self' for scripts or styles.
  const ok = runHook(doc(INLINED + STYLE));
  assert.equal(ok.status, 0, ok.stderr);
  const text = textOf(INLINED);
  const [meta] = cspMeta(ok.html);
  assert.deepEqual(meta.attrs.content.split('; '), expectedDirectives(sha256Source(text), sha256Source(textOf(STYLE))));
  assert.ok(ok.html.startsWith('<!doctype html><html lang=en><meta charset=utf-8><meta http-equiv=Content-Security-Policy'));

  // As trunk writes the page: the loader imports its glue and the stylesheet is a file.
  const files = runHook(doc(LOADER + LINKED));
  assert.equal(files.status, 0, files.stderr);
  assert.deepEqual(cspMeta(files.html)[0].attrs.content.split('; '),
    expectedDirectives(`'self' ${sha256Source(textOf(LOADER))}`, "'self'"));

  // CRLF inside the script: the browser hashes it with LF.
  const crlf = runHook(doc(INLINED.replace('\n', '\r\n') + STYLE));
  assert.equal(crlf.status, 0, crlf.stderr);
  assert.ok(crlf.html.includes(sha256Source(text)));

  // trunk serve's live-reload script (rewritten per response, so never hashable) is left out:
  // the CSP blocks it and the hook says so.
  const reload = runHook(doc(`${INLINED}${STYLE}<script>"use strict";const u='.well-known/trunk/ws'</script>`));
  assert.equal(reload.status, 0, reload.stderr);
  assert.match(reload.stderr, /live-reload/);
  assert.ok(reload.html.includes(sha256Source(text)));

  for (const [why, html] of [
    ['no inline script', doc('<script type=module src=./app.js></script>' + STYLE)],
    ['two inline scripts', doc(`${INLINED}<script>console.log(1)</script>${STYLE}`)],
    ['two loaders', doc(INLINED + INLINED + STYLE)],
    ['not a module loader', doc('<script>alert(1)</script>' + STYLE)],
    ['no stylesheet', doc(INLINED)],
    ['a CSP already', doc(`<meta http-equiv="Content-Security-Policy" content="default-src *">${INLINED}${STYLE}`)],
    ['no meta charset', doc(INLINED + STYLE).replace('<meta charset=utf-8>', '')],
  ]) {
    const r = runHook(html);
    assert.notEqual(r.status, 0, `fails on ${why}`);
    assert.match(r.stderr, /^csp: /m, why);
    assert.equal(r.html, html, `leaves the file alone on ${why}`);
  }
});

// ---------------------------------------------------------------------------------------------
// In the browser

test('in the browser: the policy applies, its hash matches the loader, and the app starts', { skip: NO_CSP }, async () => {
  const context = await app.context();
  await installCollectors(context);
  const page = await open(context);
  await waitLoaded(page);
  const dom = await page.evaluate(() => ({
    first: [...document.head.children].slice(0, 2).map((e) => e.outerHTML.slice(0, 60)),
    csp: document.querySelector('meta[http-equiv="Content-Security-Policy" i]')?.content,
    inline: [...document.scripts].filter((s) => !s.src).map((s) => s.textContent),
    styles: [...document.querySelectorAll('style')].map((s) => s.textContent),
    cssRules: [...document.styleSheets].map((s) => s.cssRules.length),
  }));
  assert.match(dom.first[0], /^<meta charset="utf-8">/);
  assert.match(dom.first[1], /^<meta http-equiv="Content-Security-Policy"/);
  assert.equal(dom.inline.length, 1);
  // The hashes over the texts exactly as the browser parsed them.
  assert.ok(dom.csp.includes(`script-src 'self' ${sha256Source(dom.inline[0])} 'wasm-unsafe-eval';`));
  assert.equal(dom.styles.length, 1);
  assert.ok(dom.csp.includes(`style-src ${sha256Source(dom.styles[0])};`));
  // The stylesheet (allowed by its hash) was applied.
  assert.ok(dom.cssRules.length >= 1 && dom.cssRules.every((n) => n > 0), 'the stylesheets loaded');
  assert.deepEqual(await violations(page), []);
  assertNoErrors(page);
  await context.close();
});

test('a whole session makes no request after the load and breaks no CSP rule', async (t) => {
  const context = await app.context();
  await installCollectors(context);
  const served = own.server.requests.length;
  const page = await open(context);
  const net = recordRequests(page, own.server);
  await waitLoaded(page);
  // Loading fetches built files only, from this origin.
  const assets = builtAssets();
  const builtFile = (r) => {
    const url = new URL(r.replace(/^GET /, ''), own.server.url);
    return url.origin === new URL(own.server.url).origin && assets.has(url.pathname);
  };
  const load = own.server.requests.slice(served);
  // The page and the wasm (and, in the plain build, the glue and the stylesheet; in the full
  // build they are inside the page).
  assert.ok(load.length >= 2, 'the load was recorded');
  assert.ok(load.some((r) => r.endsWith('_bg.wasm')), 'the wasm was fetched');
  for (const r of load) assert.ok(builtFile(r), `load request ${r} is a built file`);
  await markLoaded(page);
  net.mark();

  const links = nav(page).getByRole('link');
  await nav(page).getByRole('link', { name: 'Define your partnership' }).click();
  await page.getByRole('heading', { level: 1, name: 'Define your partnership' }).waitFor();
  await page.getByLabel('Partnership name').fill('Harbour Lights Network');
  await page.getByLabel('How do you define your partnership?').fill('Agencies and survivors, working as one.');
  await nav(page).getByRole('link', { name: 'Functions' }).click();
  await page.getByRole('heading', { level: 1, name: 'Functions' }).waitFor();
  await page.getByLabel('Share information and resources').check();
  await waitSaved(page);
  const titles = await links.allTextContents();
  assert.ok(titles.length > SECTIONS.length, `every section link: ${titles}`);
  for (const title of titles) {
    await nav(page).getByRole('link', { name: title, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
  }
  await page.waitForTimeout(600); // past the autosave delay: anything late would show up
  assert.deepEqual(await afterLoad(page, net), QUIET, 'nothing after the load');

  // Reload: only the built files are fetched again, then silence again.
  net.mark();
  await page.reload();
  await waitLoaded(page);
  const reload = net.since();
  assert.ok(reload.page.length > 0, 'the reload was recorded');
  for (const r of [...reload.page, ...reload.server]) assert.ok(builtFile(r), `reload request ${r} is a built file`);
  await markLoaded(page);
  net.mark();
  await page.getByRole('heading', { level: 1, name: titles.at(-1) }).waitFor();
  await nav(page).getByRole('link', { name: 'Define your partnership' }).click();
  assert.equal(await page.getByLabel('Partnership name').inputValue(), 'Harbour Lights Network');
  for (const title of titles) {
    await nav(page).getByRole('link', { name: title, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
  }
  await page.waitForTimeout(600);
  assert.deepEqual(await afterLoadButChecks(page, net), QUIET, 'nothing after the reload');
  assertNoErrors(page);
  await context.close();
});

test('not even the icon is fetched again on section changes (it is inlined)', async () => {
  const context = await app.context();
  await installCollectors(context);
  const page = await open(context);
  const net = recordRequests(page, own.server);
  await waitLoaded(page);
  await markLoaded(page);
  net.mark();
  for (const title of SECTIONS.slice(0, 3)) {
    await nav(page).getByRole('link', { name: title, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
  }
  await page.waitForTimeout(300);
  const activity = await afterLoad(page, net);
  await context.close();
  assert.deepEqual(activity, QUIET);
});

/** A page on #/define, loaded, whose collectors and recorders have seen nothing since. Off-site
 *  requests are aborted by the browser context, so none leaves the test's browser even if the
 *  policy were missing. */
async function quietPage() {
  const context = await app.context();
  await installCollectors(context);
  await context.route((url) => !url.href.startsWith(own.server.url), (route) => route.abort('blockedbyclient'));
  const page = await open(context, '#/define');
  const net = recordRequests(page, own.server);
  await waitLoaded(page);
  await markLoaded(page);
  net.mark();
  assert.deepEqual(await afterLoad(page, net), QUIET);
  return { context, page, net };
}

test('negative control: the CSP blocks a request off-site, and the recorders see it', { skip: NO_CSP }, async () => {
  const { context, page, net } = await quietPage();
  // Off-site: connect-src 'self' blocks it; the violation and the attempt are both seen.
  await page.evaluate(() => fetch('https://example.org/x').catch(() => {}));
  await page.waitForFunction(() => window.__cspViolations.length > 0, null, { timeout: 3000 })
    .catch(() => assert.fail('no CSP violation for fetch("https://example.org/x"): is the policy missing?'));
  const offsite = await afterLoad(page, net);
  assert.deepEqual(
    offsite.violations.map(({ directive, blocked }) => ({ directive, blocked })),
    [{ directive: 'connect-src', blocked: 'https://example.org/x' }],
  );
  assert.deepEqual(offsite.attempts.map(({ api, url }) => ({ api, url })), [{ api: 'fetch', url: 'https://example.org/x' }]);
  assert.deepEqual(offsite.server, [], 'blocked before it reached any server');
  assert.notDeepEqual(offsite, QUIET, 'the session test would have failed');
  await context.close();
});

test('negative control: a same-origin request after the load is caught', async () => {
  const { context, page, net } = await quietPage();
  // Same-origin: the CSP allows it (reliability.md §3.3), so the recorders must catch it.
  await page.evaluate(() => fetch('./leak?plan=secret').catch(() => {}));
  const leak = net.since();
  assert.deepEqual(leak.server, ['/leak?plan=secret']);
  assert.deepEqual(leak.page, [`GET ${own.server.url}leak?plan=secret`]);
  const activity = await afterLoad(page, net);
  assert.deepEqual(activity.attempts.map(({ api, url }) => ({ api, url })), [{ api: 'fetch', url: `${own.server.url}leak?plan=secret` }]);
  assert.notDeepEqual(activity, QUIET, 'the session test would have failed');
  await context.close();
});

test('plan text never reaches the URL or the page title', async () => {
  const context = await app.context();
  const page = await open(context, '#/define');
  const name = 'Quokka Harbour Alliance';
  const leaks = async (where) => {
    const url = page.url();
    const title = await page.title();
    for (const text of [url, decodeURIComponent(url), title]) {
      assert.ok(!/quokka|harbour|zebra/i.test(text), `${where}: "${text}" contains plan text`);
    }
  };
  await page.getByLabel('Partnership name').fill(name);
  await page.getByLabel('How do you define your partnership?').fill('Zebra crossing for survivors');
  await leaks('after typing');
  assert.match(await page.getByRole('banner').textContent(), /Quokka Harbour Alliance/, 'the name was taken');
  await waitSaved(page);
  for (const title of await nav(page).getByRole('link').allTextContents()) {
    await nav(page).getByRole('link', { name: title, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await leaks(`on ${title}`);
  }
  await page.reload();
  await waitLoaded(page);
  await leaks('after reloading');
  assertNoErrors(page);
  await context.close();
});

/** Serves a copy of dist/ whose index.html went through `edit`; resolves to { server, done }. */
async function servedVariant(edit) {
  const dir = mkdtempSync(join(tmpdir(), 'csp-variant-'));
  cpSync(DIST, dir, { recursive: true });
  const file = join(dir, 'index.html');
  const before = readFileSync(file, 'utf8');
  const after = edit(before);
  assert.notEqual(after, before, 'the variant differs from the build');
  writeFileSync(file, after);
  const server = await serve(dir);
  return {
    server,
    async done() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

test('negative controls: the policy is enforced, so a wrong hash or connect-src \'none\' stops the app', { skip: NO_CSP }, async () => {
  for (const [what, edit, directive, blocked] of [
    ['a hash one byte off', (h) => h.replace(/'sha256-(.)/, (_, c) => `'sha256-${c === 'A' ? 'B' : 'A'}`),
      'script-src-elem', 'inline'],
    ["connect-src 'none'", (h) => h.replace("connect-src 'self'", "connect-src 'none'"),
      'connect-src', /_bg\.wasm$/],
  ]) {
    const variant = await servedVariant(edit);
    const context = await app.context();
    await installCollectors(context);
    const page = await context.newPage();
    await page.goto(variant.server.url);
    await page.waitForFunction(() => window.__cspViolations.length > 0, null, { timeout: 5000 })
      .catch(() => assert.fail(`${what}: no CSP violation`));
    await page.waitForTimeout(500);
    const seen = await violations(page);
    assert.ok(seen.some((v) => v.directive === directive
      && (typeof blocked === 'string' ? v.blocked === blocked : blocked.test(v.blocked))),
    `${what}: ${JSON.stringify(seen)}`);
    assert.equal(await page.getByRole('navigation', { name: 'Sections' }).count(), 0, `${what}: the app did not start`);
    await context.close();
    await variant.done();
  }
});

// ---------------------------------------------------------------------------------------------
// Static scans (no browser)

function rustFiles(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.rs'))
    .map((e) => join(e.parentPath ?? e.path, e.name));
}

test('no raw-HTML sinks in the Rust source', () => {
  const files = rustFiles(SRC);
  assert.ok(files.length > 10, 'found the source');
  const hits = [];
  for (const file of files) {
    readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
      if (/inner_html|innerHTML|outer_html|outerHTML|insert_adjacent_html/.test(line)) {
        hits.push(`${file.slice(SRC.length + 1)}:${i + 1}: ${line.trim()}`);
      }
    });
  }
  assert.deepEqual(hits, []);
});

/** The JS glue: inline in the loader (.ci/inline.mjs), or in the plain build the .js file(s)
 *  trunk wrote beside the page. */
const builtGlue = () => (PLAIN
  ? readdirSync(DIST).filter(isGlueFile).map((f) => readFileSync(resolve(DIST, f), 'utf8')).join('\n')
  : builtLoader());

test('the JS glue uses no network API but the one fetch of the wasm', () => {
  const js = builtGlue();
  assert.ok(js.length > 1000, 'found the JS glue');
  for (const api of ['XMLHttpRequest', 'WebSocket', 'sendBeacon', 'EventSource', 'RTCPeerConnection']) {
    assert.ok(!js.includes(api), `the glue mentions ${api}`);
  }
  // The glue may be minified (.ci/minify.mjs), so names are not kept: the loader's fetch, whose
  // response goes to WebAssembly.instantiateStreaming; `window.fetch` for the Spanish words
  // (io::lang: only `lang/es/<area>.json`, and only when Spanish is chosen; the requests are
  // checked in spanish.test.mjs); in the split build one more, of a page's code (.ci/split.mjs:
  // a file of the build, by name, with its integrity).
  const fetches = js.match(/\bfetch\s*\(/g) ?? [];
  assert.equal(fetches.length, PLAIN ? 2 : 3, "only the loader's fetches of the wasm and the Spanish words' fetch");
  assert.match(js, /WebAssembly\.instantiateStreaming\b/);
});

test('a full session — edit every section, export, import, encrypt, decrypt — makes no request', async () => {
  const context = await app.context();
  await installCollectors(context);
  const page = await open(context, '#/define');
  const net = recordRequests(page, own.server);
  await waitLoaded(page);
  await markLoaded(page);
  net.mark();
  await page.getByLabel('Partnership name').fill('Quiet Session Coalition');
  for (const [section, label, text] of [
    ['Define your partnership', 'What is your vision?', 'A quiet vision'],
    ['Functions', 'Other', 'A quiet function'],
    ['Membership', 'How will you determine membership within your partnership?', 'By invitation'],
    ['Leadership structure', 'What is a quorum, and who has a vote?', 'Half'],
    ['Partnership management', 'What will you evaluate, and why?', 'Referrals'],
    ['Funding', "How will you fund your partnership's work?", 'Member time'],
    ['Trust and sustainability', 'How will you build trust?', 'Keep our word'],
    ['Survivor engagement', 'How will survivor experts be paid?', 'Paid stipends'],
  ]) {
    await nav(page).getByRole('link', { name: section, exact: true }).click();
    await page.getByLabel(label, { exact: true }).fill(text);
  }
  await nav(page).getByRole('link', { name: 'Membership', exact: true }).click();
  await page.getByRole('button', { name: 'Add member organization' }).click();
  await page.getByRole('region', { name: 'Unnamed organization' }).getByLabel('Organization name').fill('Quiet Shelter');
  await waitSaved(page);
  const read = async (download) => {
    const chunks = [];
    for await (const c of await download.createReadStream()) chunks.push(c);
    return Buffer.concat(chunks);
  };
  // Export, plain and encrypted.
  const [plain] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export plan' }).click()]);
  const plainBytes = await read(plain);
  await page.getByRole('button', { name: 'Export encrypted' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export encrypted' });
  await dialog.getByLabel('Passphrase', { exact: true }).fill('quiet river lantern morning');
  await dialog.getByLabel('Passphrase again', { exact: true }).fill('quiet river lantern morning');
  const [sealed] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Export', exact: true }).click(),
  ]);
  const sealedBytes = await read(sealed);
  // Import both back.
  await page.getByLabel('Import plan').setInputFiles({ name: 'plain.json', mimeType: 'application/json', buffer: plainBytes });
  await page.getByRole('region', { name: 'Open this plan?' }).getByRole('button', { name: 'Open as a new plan' }).click();
  await page.getByLabel('Import plan').setInputFiles({ name: 'sealed.json', mimeType: 'application/json', buffer: sealedBytes });
  const field = page.getByLabel('Passphrase for this file');
  await field.fill('quiet river lantern morning');
  await field.press('Enter');
  await page.getByRole('region', { name: 'Open this plan?' }).getByRole('button', { name: 'Replace this plan' }).click();
  await waitSaved(page);
  await page.waitForTimeout(600);
  const activity = await afterLoad(page, net);
  // A download is the browser handing a blob to the user, not a request to anyone.
  activity.requests = activity.requests.filter((r) => !r.includes('blob:'));
  assert.deepEqual(activity, QUIET, 'nothing after the load');
  assertNoErrors(page);
  await context.close();
});
