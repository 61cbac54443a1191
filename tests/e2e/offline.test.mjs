// Offline use, the first screen and updates (issue #16, docs/offline.md): after a first visit the
// service worker serves the app with the network off (plan intact, every screen, export and
// import); a new build deployed at the same address brings "A new version of Partnership Planner
// is ready", and nothing reloads until Reload to update, which keeps what was typed; the first
// screen (before and without the wasm) has a Quick exit that leaves as the app's does; the page
// says what it needs with JavaScript off; the retirement worker unregisters itself; the manifest
// and its icons are in the build. Runs on both builds (the worker is written in both).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launch } from './browser.mjs';
import { serve, DIST } from './server.mjs';
import { assertNoErrors, readDownload, waitSaved, SECTIONS } from './helpers.mjs';
import { installCollectors, isPagePart, markLoaded, recordRequests, violations, attempts } from './csp-check.mjs';
import { runAxe, summarize } from './axe.mjs';

const EXIT = 'https://www.google.com/';
const PRECACHE = resolve(import.meta.dirname, '../../.ci/precache.mjs');
const nav = (page) => page.getByRole('navigation', { name: 'Sections' });
const heading = (page, name) => page.getByRole('heading', { level: 1, name, exact: true });

let browser;
const temporary = [];
// Every server a test starts is closed here too, so a failed test cannot leave one listening
// (which would keep this file from ever finishing).
const servers = [];
async function startServer() {
  const server = await serve();
  servers.push(server);
  return server;
}
before(async () => {
  browser = await launch();
});
after(async () => {
  for (const server of servers) await server.close();
  await browser?.close();
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

/**
 * A second build of the app, as a new deployment would be: dist/ with its page changed (a
 * marker, `<meta name=pp-build content=2>`) and its worker written again by the build's own
 * step, so it lists the same files under a new version. `retire`: the retirement worker instead.
 */
function secondBuild({ retire = false } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'pp-second-build-'));
  temporary.push(dir);
  cpSync(DIST, dir, { recursive: true });
  const index = join(dir, 'index.html');
  const html = readFileSync(index, 'utf8');
  const marked = html.replace('<title>', '<meta name=pp-build content=2><title>');
  assert.notEqual(marked, html);
  writeFileSync(index, marked);
  const r = spawnSync(process.execPath, [PRECACHE, dir], {
    encoding: 'utf8',
    env: { ...process.env, PP_RETIRE_WORKER: retire ? '1' : '' },
  });
  assert.equal(r.status, 0, r.stderr);
  assert.notEqual(readFileSync(join(dir, 'sw.js'), 'utf8'), readFileSync(join(DIST, 'sw.js'), 'utf8'));
  return dir;
}

/** A context whose "neutral site" (Quick exit's target) is a local stub. */
async function newContext(options = {}) {
  const context = await browser.newContext({ acceptDownloads: true, ...options });
  await context.route((url) => url.href.startsWith(EXIT), (route) => route.fulfill({
    contentType: 'text/html', body: '<!doctype html><title>Neutral</title><p>neutral</p>',
  }));
  return context;
}

/** Opens `url` and waits for the app's first screen; errors are collected on page.errors. */
async function open(context, url) {
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && page.errors.push(m.text()));
  await page.goto(url);
  await nav(page).waitFor();
  return page;
}

/** Waits until this build's worker has stored the files and controls the page. */
const workerRunning = (page) => page.waitForFunction(
  () => navigator.serviceWorker?.controller?.state === 'activated', null, { timeout: 30_000 },
);

/** The names of the app's caches in the page's origin. */
const cacheNames = (page) => page.evaluate(() => caches.keys());

/** Every screen, through the navigation, by its heading. */
async function visitEveryScreen(page) {
  const titles = [
    ...(await nav(page).getByRole('link').allTextContents()),
    ...(await page.getByRole('navigation', { name: 'Plan documents' }).getByRole('link').allTextContents()),
  ];
  assert.ok(titles.length > SECTIONS.length, `${titles}`);
  for (const title of titles) {
    await page.getByRole('navigation').getByRole('link', { name: title, exact: true }).click();
    await heading(page, title).waitFor();
  }
}

test('after the first visit it works offline: the plan is kept, every screen opens, export and import work', async () => {
  const server = await startServer();
  const context = await newContext();
  const page = await open(context, `${server.url}#/define`);
  await page.getByLabel('Partnership name').fill('Offline Harbour Network');
  await page.getByLabel('What is your mission?').fill('Working where there is no signal.');
  await waitSaved(page);
  await workerRunning(page);
  const [cache] = await cacheNames(page);
  assert.match(cache, /^partnership-planner-[0-9a-f]{16}$/);

  await context.setOffline(true);
  const served = server.requests.length;
  await page.reload();
  await heading(page, 'Define your partnership').waitFor();
  assert.equal(await page.getByLabel('Partnership name').inputValue(), 'Offline Harbour Network');
  assert.equal(await page.getByLabel('What is your mission?').inputValue(), 'Working where there is no signal.');
  await visitEveryScreen(page);

  // A new tab, offline: the app opens there too, with the plan.
  const other = await open(context, server.url);
  assert.match(await other.getByRole('banner').textContent(), /Offline Harbour Network/);
  await other.close();

  // Export, then import that file as a new plan, all offline.
  await nav(page).getByRole('link', { name: 'Define your partnership' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export plan' }).click(),
  ]);
  const text = await readDownload(download);
  assert.match(text, /Offline Harbour Network/);
  const renamed = text.replace('"Offline Harbour Network"', '"Offline Copy Network"');
  await page.getByLabel('Import plan').setInputFiles({ name: 'copy.json', mimeType: 'application/json', buffer: Buffer.from(renamed) });
  await page.getByRole('region', { name: 'Open this plan?' }).getByRole('button', { name: 'Open as a new plan' }).click();
  await page.getByRole('banner').filter({ hasText: 'Offline Copy Network' }).waitFor();
  await waitSaved(page);
  await nav(page).getByRole('link', { name: 'Define your partnership' }).click();
  assert.equal(await page.getByLabel('What is your mission?').inputValue(), 'Working where there is no signal.');

  // Only the browser's own checks for a new sw.js (Playwright's offline mode does not cover
  // them; with the network really off they fail quietly): nothing of the app's.
  assert.deepEqual(server.requests.slice(served).filter((r) => r !== '/sw.js'), [], 'nothing else reached the server while offline');
  assertNoErrors(page);
  await context.close();
  await server.close();
});

test('a new version: the notice, nothing reloads until Reload to update, and what was typed is kept', async () => {
  const server = await startServer();
  const context = await newContext();
  await installCollectors(context);
  const page = await open(context, `${server.url}#/define`);
  await page.getByLabel('Partnership name').fill('Update Valley Coalition');
  await waitSaved(page);
  await workerRunning(page);
  const [oldCache] = await cacheNames(page);
  // Set in this document: still there means the page was not reloaded.
  await page.evaluate(() => { window.__sameDocument = true; });
  const sameDocument = (p) => p.evaluate(() => window.__sameDocument === true);

  // A new build is deployed at the same address. The browser looks for a new version when the
  // app is opened; here the user opens it in a second tab.
  server.setRoot(secondBuild());
  const second = await open(context, `${server.url}#/`);
  await second.evaluate(() => { window.__sameDocument = true; });
  const notice = (p) => p.getByRole('region', { name: 'A new version of Partnership Planner is ready' });
  await notice(page).waitFor({ timeout: 20_000 });
  await notice(second).waitFor({ timeout: 20_000 });
  assert.equal(await page.evaluate(() => document.querySelector('meta[name=pp-build]')), null, 'still the first build');
  const found = await runAxe(second);
  assert.deepEqual(found, [], `axe, with the notice: ${summarize(found)}`);

  // The user goes on typing: nothing reloads or changes under them.
  const field = page.getByLabel('What is your mission?');
  await field.fill('Typed after the new version arrived');
  await page.waitForTimeout(1500);
  assert.ok(await sameDocument(page), 'the page was not reloaded');
  assert.ok(await sameDocument(second), 'the other tab was not reloaded');
  assert.equal(await field.inputValue(), 'Typed after the new version arrived');
  // Typed just before the button, inside the autosave delay: the reload saves it first.
  await field.fill('Typed after the new version arrived, and just before reloading');

  await Promise.all([
    page.waitForEvent('load'),
    notice(page).getByRole('button', { name: 'Reload to update' }).click(),
  ]);
  await heading(page, 'Define your partnership').waitFor();
  assert.equal(await sameDocument(page), false, 'reloaded');
  assert.equal(await page.evaluate(() => document.querySelector('meta[name=pp-build]')?.content), '2', 'the new build runs');
  assert.equal(await page.getByLabel('Partnership name').inputValue(), 'Update Valley Coalition');
  assert.equal(await field.inputValue(), 'Typed after the new version arrived, and just before reloading');
  assert.equal(await notice(page).count(), 0, 'no notice in the new version');
  // The old version's cache is gone once the new version runs.
  await page.waitForFunction((old) => caches.keys().then((k) => k.length === 1 && k[0] !== old), oldCache);
  assert.ok(await sameDocument(second), 'the other tab still was not reloaded');

  // No CSP violation across the update, and the new version makes no request after its load.
  await workerRunning(page);
  await page.waitForLoadState('networkidle');
  await markLoaded(page);
  const net = recordRequests(page, server);
  net.mark();
  await visitEveryScreen(page);
  await page.waitForTimeout(600);
  const since = net.since();
  // But the pages' code, answered by the worker (csp-check.mjs, isPagePart): none reached the server.
  assert.deepEqual(since.page.filter((r) => !(r.startsWith('GET ') && isPagePart(r))), [], 'no request from the page after the load');
  assert.deepEqual(since.server.filter((r) => r !== '/sw.js'), [], 'none reached the server (but the browser\'s check of sw.js)');
  assert.deepEqual((await attempts(page)).filter((a) => a.loaded && !(a.api === 'fetch' && isPagePart(a.url))), []);
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(await violations(second), []);
  assertNoErrors(page);
  await context.close();
  await server.close();
});

test('the first screen, before the wasm: the name, "Opening your plan…", and a Quick exit that leaves as the app\'s does', async () => {
  const server = await startServer();
  const context = await newContext();
  // The wasm request is held back until the test lets it go.
  let release;
  const held = new Promise((ok) => { release = ok; });
  await context.route(/_bg\.wasm$/, async (route) => {
    await held;
    await route.continue().catch(() => {});
  });
  const page = await context.newPage();
  // Where the user was before opening the app: Back must lead there, never to the app.
  await page.goto(`${server.url}robots.txt`);
  await page.goto(`${server.url}#/define`);
  await page.getByRole('status').filter({ hasText: 'Opening your plan…' }).waitFor();
  assert.match(await page.getByRole('banner').textContent(), /Partnership Planner/);
  assert.equal(await nav(page).count(), 0, 'the app has not started');
  const exit = page.getByRole('link', { name: 'Quick exit' });
  // The script that gives it the app's behaviour has run (it is not held back).
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /\/boot-\w+\.js$/.test(e.name) && e.responseEnd > 0));
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Quick exit', 'the first Tab stop');
  await page.keyboard.press('Enter');
  await page.waitForURL(EXIT);
  assert.equal(await exit.count(), 0);
  await page.goBack();
  assert.ok(page.url().endsWith('/robots.txt'), `Back went to ${page.url()}, not to where the user was before`);
  release();
  await context.close();
  await server.close();
});

test('the app takes over the first screen without a jump, at 1024 px and at 320 px', async () => {
  const server = await startServer();
  for (const width of [1024, 320]) {
    const context = await newContext({ viewport: { width, height: 700 } });
    let release;
    const held = new Promise((ok) => { release = ok; });
    await context.route(/_bg\.wasm$/, async (route) => {
      await held;
      await route.continue().catch(() => {});
    });
    const page = await context.newPage();
    await page.goto(`${server.url}#/define`);
    await page.getByText('Opening your plan…').waitFor();
    const boxes = () => page.evaluate(() => {
      const box = (el) => {
        const r = el.getBoundingClientRect();
        return { x: Math.round(r.x), y: Math.round(r.y), w: Math.round(r.width), h: Math.round(r.height) };
      };
      const exit = [...document.querySelectorAll('.quick-exit')].filter((e) => e.textContent === 'Quick exit');
      return { exit: exit.map(box), brand: [...document.querySelectorAll('.brand')].map(box) };
    });
    const before = await boxes();
    const found = await runAxe(page);
    assert.deepEqual(found, [], `axe on the first screen at ${width} px: ${summarize(found)}`);
    release();
    await nav(page).waitFor();
    const afterwards = await boxes();
    assert.equal(afterwards.exit.length, 1, 'one Quick exit: the app\'s');
    assert.equal(afterwards.brand.length, 1, 'one header: the app\'s');
    assert.deepEqual(afterwards.exit, before.exit, `${width} px: Quick exit stays where it was`);
    assert.deepEqual(afterwards.brand, before.brand, `${width} px: the name stays where it was`);
    assert.equal(await page.getByText('Opening your plan…').count(), 0, 'the first screen is gone');
    await context.close();
  }
  await server.close();
});

test('with JavaScript off the page says what it needs, and Quick exit is still a working link', async () => {
  const server = await startServer();
  const context = await newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(server.url);
  // The message is in the first screen's <noscript>, which a browser with scripting off shows
  // (Playwright's switch stops scripts but parses the page as if they ran, so it is read here).
  assert.match(await page.locator('#boot noscript').textContent(),
    /Partnership Planner runs in your browser and needs JavaScript and WebAssembly turned on\./);
  await page.getByText('Opening your plan…').waitFor();
  await page.getByRole('link', { name: 'Quick exit' }).click();
  await page.waitForURL(EXIT);
  await context.close();
  await server.close();
});

test('the retirement worker deletes the caches and unregisters itself, and reloads nothing', async () => {
  const server = await startServer();
  const context = await newContext();
  const page = await open(context, server.url);
  await workerRunning(page);
  assert.equal((await cacheNames(page)).length, 1);
  server.setRoot(secondBuild({ retire: true }));
  // The next time the app is opened, the browser finds the new sw.js: the retirement worker.
  const second = await open(context, server.url);
  await page.evaluate(() => { window.__sameDocument = true; });
  // (Polled with evaluate: waitForFunction takes a promise for a truthy answer.)
  const retired = () => second.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length === 0
    && (await caches.keys()).length === 0);
  const started = Date.now();
  while (!(await retired())) {
    assert.ok(Date.now() - started < 20_000, 'the worker retired within 20 s');
    await second.waitForTimeout(100);
  }
  assert.ok(await page.evaluate(() => window.__sameDocument === true), 'the open page was not reloaded');
  await second.close();
  await page.close();
  // From now on the app comes from the network, and no worker controls it (the retiring build's
  // app registers sw.js again; that worker only unregisters itself again).
  // (The browser's own HTTP cache may answer for the page it fetched a moment ago, so the
  // check is that no worker answered, not that the server was asked.)
  const later = await context.newPage();
  const response = await later.goto(server.url);
  assert.equal(response?.fromServiceWorker(), false, 'the page came from the network, not the worker');
  assert.equal(await later.evaluate(() => navigator.serviceWorker.controller), null);
  await context.close();
  await server.close();
});

test('installable: the manifest names the app and its icons, which are in the build; the Safety page explains home-screen storage', async () => {
  const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.webmanifest'), 'utf8'));
  assert.equal(manifest.name, 'Partnership Planner');
  assert.equal(manifest.start_url, './');
  assert.equal(manifest.display, 'standalone');
  // Every file of the build, those in folders too (lang/es/*.json).
  const files = new Set(readdirSync(DIST, { recursive: true }).filter((f) => statSync(join(DIST, f)).isFile()));
  for (const icon of manifest.icons) {
    assert.ok(files.has(icon.src), `${icon.src} is in the build`);
    if (icon.type === 'image/png') {
      const png = readFileSync(join(DIST, icon.src));
      assert.equal(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`, icon.sizes, icon.src);
    }
  }
  assert.ok(manifest.icons.some((i) => i.sizes === '512x512') && manifest.icons.some((i) => i.sizes === '192x192'));
  // The worker lists exactly the build's files.
  const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
  const listed = JSON.parse(/^const FILES = (\[.*\]);$/m.exec(sw)[1]);
  assert.deepEqual(listed, [...files].filter((f) => f !== 'sw.js').sort());

  const server = await startServer();
  const context = await newContext();
  const page = await open(context, `${server.url}#/safety`);
  const href = await page.evaluate(() => document.querySelector('link[rel=manifest]')?.getAttribute('href'));
  assert.equal(href, './manifest.webmanifest');
  await page.getByRole('heading', { level: 2, name: 'On a home screen' }).waitFor();
  assert.match(await page.getByRole('main').textContent(), /keeps its own storage.*export it in Safari, then import it in the home-screen copy/s);
  assertNoErrors(page);
  await context.close();
  await server.close();
});

