// Where the app runs and where its links go (issue 19, review findings M4 and L1): framed by
// another page it shows only a link to open it on its own and never touches storage; on a
// shared *.github.io origin it says so once; links show their destination host (punycode) and
// the plan's own links are marked apart from the app's checked resources.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { useApp, waitSaved, assertNoErrors, storageSnapshot } from './helpers.mjs';
import { serve } from './server.mjs';
import { runAxe, summarize } from './axe.mjs';

const app = useApp();
const DIST = resolve(import.meta.dirname, '../../dist');

// A page on another origin (its own port) that frames whatever `?src=` names.
const framer = {};
before(async () => {
  framer.server = createServer((req, res) => {
    const src = new URL(req.url, 'http://x').searchParams.get('src') ?? '';
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><title>Framer</title><iframe title="Framed app" src="${src.replace(/"/g, '')}" width="800" height="600"></iframe>`);
  });
  await new Promise((ok) => framer.server.listen(0, '127.0.0.1', ok));
  framer.url = `http://127.0.0.1:${framer.server.address().port}/`;
});
after(async () => {
  await new Promise((ok) => framer.server?.close(ok) ?? ok());
});

/** Records every use of localStorage in every frame of the context, as `window.__storageUse`. */
async function recordStorage(context) {
  await context.addInitScript(() => {
    const used = [];
    window.__storageUse = used;
    const own = Object.getOwnPropertyDescriptor(Window.prototype, 'localStorage')
      ?? Object.getOwnPropertyDescriptor(window, 'localStorage');
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        used.push('localStorage');
        return own.get.call(window);
      },
    });
    for (const name of ['getItem', 'setItem', 'removeItem', 'key', 'clear']) {
      const f = Storage.prototype[name];
      Storage.prototype[name] = function (...args) {
        used.push(name);
        return f.apply(this, args);
      };
    }
  });
}

/** The framed app's frame, once its page has loaded. */
async function appFrame(page, origin) {
  await page.getByTitle('Framed app').waitFor();
  const frame = page.frames().find((f) => f.url().startsWith(origin));
  assert.ok(frame, 'the app is framed');
  await frame.waitForLoadState('load');
  return frame;
}

async function assertOnlyTheLink(page, frame, appUrl) {
  const framed = page.frameLocator('iframe[title="Framed app"]');
  const link = framed.getByRole('link', { name: 'Open Partnership Planner on its own' });
  await link.waitFor();
  assert.equal(await link.getAttribute('target'), '_top');
  assert.equal(await link.getAttribute('href'), appUrl);
  assert.equal(await framed.getByRole('link').count(), 1, 'one link');
  assert.equal(await framed.getByRole('button').count(), 0, 'no Quick exit, no toolbar');
  assert.equal(await framed.getByRole('navigation').count(), 0, 'no app');
  assert.equal(await framed.getByRole('textbox').count(), 0, 'no fields');
  // Give a late start (autosave, persist) its chance, then look at storage.
  await page.waitForTimeout(700);
  assert.deepEqual(await frame.evaluate(() => window.__storageUse), [], 'storage never touched');
  assert.equal(await frame.evaluate(() => localStorage.length), 0, 'nothing written');
}

test('framed by another origin, the app shows only a link to open it on its own, and touches no storage', async () => {
  const context = await app.context();
  await recordStorage(context);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${framer.url}?src=${encodeURIComponent(`${app.url}#/survivors`)}`);
  const frame = await appFrame(page, app.url);
  await assertOnlyTheLink(page, frame, app.url);

  // The link opens the app as the whole page.
  await page.frameLocator('iframe[title="Framed app"]')
    .getByRole('link', { name: 'Open Partnership Planner on its own' }).click();
  await page.waitForURL(app.url);
  await page.getByRole('navigation', { name: 'Sections' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('framed by a page of its own origin, the app still shows only the link', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'framed-'));
  cpSync(DIST, dir, { recursive: true });
  writeFileSync(join(dir, 'frame.html'),
    '<!doctype html><title>Same origin</title><iframe title="Framed app" src="./" width="800" height="600"></iframe>');
  const server = await serve(dir);
  try {
    const context = await app.context();
    await recordStorage(context);
    const page = await context.newPage();
    await page.goto(`${server.url}frame.html`);
    const frame = await page.frames().find((f) => f !== page.mainFrame());
    assert.ok(frame);
    await frame.waitForLoadState('load');
    await assertOnlyTheLink(page, frame, server.url);
    await context.close();
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('links show where they go, and the plan\'s own links are marked apart from the checked ones', async () => {
  const context = await app.context();
  const page = await app.open(context, '#/resources');
  const add = async (title, url) => {
    await page.getByRole('button', { name: 'Add resource' }).click();
    await page.getByRole('region', { name: 'Untitled resource' }).getByLabel('Title', { exact: true }).fill(title);
    const region = page.getByRole('region', { name: title });
    await region.getByLabel('Link', { exact: true }).fill(url);
    await region.getByLabel('Section').selectOption({ label: 'Funding' });
  };
  await add('Partner grants', 'https://exämple.org/grants');
  await add('Write to us', 'mailto:info@exämple.org');
  await add('Hidden copy', 'mailto:info@example.org?bcc=someone@evil.example');
  await add('Looks like a bank', 'https://bank.example.org@evil.example/login');
  await waitSaved(page);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Funding', exact: true }).click();
  const aside = page.getByRole('complementary', { name: 'Resources for Funding' });
  await aside.waitFor();
  const item = (name) => aside.getByRole('listitem').filter({ has: page.getByRole('link', { name }) });

  // A user's link: its host in punycode beside the title, and the mark.
  assert.equal(await aside.getByRole('link', { name: 'Partner grants' }).getAttribute('href'), 'https://exämple.org/grants');
  const own = await item('Partner grants').textContent();
  assert.match(own, /Partner grants \(xn--exmple-cua\.org\)/);
  assert.match(own, /added to this plan, not checked/);
  assert.match(await item('Write to us').textContent(), /Write to us \(info@xn--exmple-cua\.org\).*added to this plan/);
  // Mail headers and user info: not links, shown as text, still marked.
  for (const title of ['Hidden copy', 'Looks like a bank']) {
    assert.equal(await aside.getByRole('link', { name: title }).count(), 0, title);
    assert.match(await aside.getByRole('listitem').filter({ hasText: title }).textContent(), /added to this plan/);
  }
  // A checked resource of the app's: its host, and no mark.
  const builtIn = await aside.getByRole('listitem').filter({ hasText: 'source last checked' }).first().textContent();
  assert.match(builtIn, /\((?:www\.)?[a-z0-9.-]+\.(?:org|gov|edu)\)/);
  assert.doesNotMatch(builtIn, /added to this plan/);
  assertNoErrors(page);
  await context.close();
});

const TYPES = { '.html': 'text/html; charset=utf-8', '.wasm': 'application/wasm', '.txt': 'text/plain' };

/** Serves dist/ as https://coalition.github.io/planner/ through the browser's request routing
 *  (github.io is HSTS-preloaded, so a host mapped to a local http server would not do). */
async function githubIo(context) {
  await context.route('https://coalition.github.io/**', async (route) => {
    const path = new URL(route.request().url()).pathname.replace(/^\/planner\//, '') || 'index.html';
    try {
      const body = readFileSync(join(DIST, path));
      await route.fulfill({ status: 200, body, contentType: TYPES[extname(path)] ?? 'application/octet-stream' });
    } catch {
      await route.fulfill({ status: 404, body: 'not found' });
    }
  });
}

test('on a *.github.io host a one-time notice says the origin is shared; dismissed, it stays gone', async () => {
  const context = await app.context();
  await githubIo(context);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('https://coalition.github.io/planner/');
  await page.getByRole('navigation', { name: 'Sections' }).waitFor();
  const notice = page.getByRole('region', { name: 'This address is shared with other projects' });
  await notice.waitFor();
  assert.match(await notice.textContent(), /runs on coalition\.github\.io\. Other projects published under that address can read/);
  assert.deepEqual(await storageSnapshot(page), {}, 'showing it wrote nothing');
  const violations = await runAxe(page);
  assert.equal(violations.length, 0, summarize(violations, 'the shared-origin notice'));
  // Quick exit stays first in Tab order.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Quick exit');
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  assert.equal(await notice.count(), 0);
  const settings = JSON.parse((await storageSnapshot(page))['partnership-planner:settings']);
  assert.equal(settings.shared_origin_dismissed, true);
  await page.reload();
  await page.getByRole('navigation', { name: 'Sections' }).waitFor();
  await page.waitForTimeout(300);
  assert.equal(await notice.count(), 0, 'remembered on this device');
  assert.deepEqual(errors, []);
  await context.close();
});

test('on its own host there is no shared-origin notice', async () => {
  const context = await app.context();
  const page = await app.open(context);
  await page.waitForTimeout(300);
  assert.equal(await page.getByRole('region', { name: 'This address is shared with other projects' }).count(), 0);
  assertNoErrors(page);
  await context.close();
});
