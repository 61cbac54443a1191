// The split wasm (docs/decisions/0009-split-wasm.md): the first screen comes from the main module
// alone; another page's code is fetched when the page is first opened, is kept by the service
// worker for offline use, and a failed fetch says so with a way to try again (no panic, the app
// goes on working). The parts' checks only apply to the release build; the plain build (one
// wasm) must behave the same for a user.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { launch } from './browser.mjs';
import { serve, DIST, PLAIN } from './server.mjs';
import { assertNoErrors, coalitionPlan } from './helpers.mjs';

const PART = /\/(split|chunk)_\w+-[0-9a-f]{16}\.wasm$/;
const nav = (page) => page.getByRole('navigation', { name: 'Sections' });
const documents = (page) => page.getByRole('navigation', { name: 'Plan documents' });
const heading = (page, name) => page.getByRole('heading', { level: 1, name, exact: true });

let browser;
let server;
before(async () => {
  browser = await launch();
  server = await serve();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(context, hash = '#/') {
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && page.errors.push(m.text()));
  page.parts = [];
  page.on('request', (r) => PART.test(new URL(r.url()).pathname) && page.parts.push(new URL(r.url()).pathname));
  await page.goto(server.url + hash);
  await nav(page).waitFor();
  return page;
}

test('the release build ships the later pages as separate wasm files', { skip: PLAIN && 'the plain build is one wasm' }, () => {
  const files = readdirSync(DIST);
  assert.equal(files.filter((f) => f.endsWith('_bg.wasm')).length, 1, 'one main module');
  for (const page of ['print', 'sections', 'merge', 'meetings', 'assessment', 'reference', 'files']) {
    assert.ok(files.some((f) => new RegExp(`^split_${page}-[0-9a-f]{16}\\.wasm$`).test(f)), `split_${page}-….wasm in ${files}`);
  }
});

test('the first screens need no part; a page opened from the navigation loads its own and works', async () => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await open(context, '#/define');
  await heading(page, 'Define your partnership').waitFor();
  // What a new plan starts with is in the main module: typing works at once.
  await page.getByLabel('Partnership name').fill('Split Harbour Network');
  await page.getByRole('banner').filter({ hasText: 'Split Harbour Network' }).waitFor();
  await nav(page).getByRole('link', { name: 'Overview' }).click();
  await heading(page, 'Overview').waitFor();
  assert.deepEqual(page.parts, [], 'Define and the overview fetched no part');
  await nav(page).getByRole('link', { name: 'Membership' }).click();
  await heading(page, 'Membership').waitFor();
  // Focus moves to the new page's heading, as for a page that was there at once.
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
  assert.match(await page.evaluate(() => document.activeElement.textContent), /Membership/);
  if (!PLAIN) assert.ok(page.parts.some((p) => /\/split_sections-/.test(p)), `${page.parts}`);
  // A page with its own event handlers: the printable plan's checkbox.
  await documents(page).getByRole('link', { name: 'Printable plan' }).click();
  await heading(page, 'Printable plan').waitFor();
  await page.getByLabel('Include contact details').check();
  assert.equal(await page.getByLabel('Include contact details').isChecked(), true);
  assert.match(await page.getByRole('main').textContent(), /Split Harbour Network/);
  // Back to a page opened before: no new fetch.
  const fetched = page.parts.length;
  await nav(page).getByRole('link', { name: 'Membership' }).click();
  await heading(page, 'Membership').waitFor();
  assert.equal(page.parts.length, fetched, 'a page opened before is not fetched again');
  assertNoErrors(page);
  await context.close();
});

test('a part that fails to load shows a message and Try again, and the app goes on', { skip: PLAIN && 'the plain build has no parts' }, async () => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  let failing = true;
  await context.route((url) => PART.test(url.pathname), (route) => (failing ? route.abort('connectionreset') : route.continue()));
  const page = await open(context, '#/print');
  const alert = page.getByRole('alert').filter({ hasText: 'This page could not be opened' });
  await alert.waitFor();
  assert.equal(await heading(page, 'Printable plan').count(), 0);
  // The rest of the app still works: the overview is in the main module.
  await nav(page).getByRole('link', { name: 'Overview' }).click();
  await heading(page, 'Overview').waitFor();
  // The connection is back: going to the page again, or Try again, loads it.
  await page.goto(`${server.url}#/print`);
  await alert.waitFor();
  failing = false;
  await alert.getByRole('button', { name: 'Try again' }).click();
  await heading(page, 'Printable plan').waitFor();
  await page.getByLabel('Include contact details').check();
  // Only the loader's reports of the failed fetches were logged, no panic.
  assert.ok(page.errors.length > 0 && page.errors.every((e) => !/unreachable|panicked/i.test(e)), `${page.errors}`);
  await context.close();
});

test('a picked file whose preview fails to load says so, and try again shows it', { skip: PLAIN && 'the plain build has no parts' }, async () => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  let failing = true;
  await context.route((url) => PART.test(url.pathname), (route) => (failing ? route.abort('connectionreset') : route.continue()));
  const page = await open(context, '#/define');
  await page.getByLabel('Import plan', { exact: true })
    .setInputFiles({ name: 'coalition.json', mimeType: 'application/json', buffer: coalitionPlan().buffer });
  const alert = page.getByRole('alert').filter({ hasText: 'This part of the app could not be opened' });
  await alert.waitFor();
  // The page around it goes on working.
  await page.getByLabel('Partnership name').fill('Still Working Network');
  await page.getByRole('banner').filter({ hasText: 'Still Working Network' }).waitFor();
  failing = false;
  await alert.getByRole('button', { name: 'try again' }).click();
  await page.getByRole('region', { name: 'Open this plan?' }).getByRole('button', { name: 'Open as a new plan' }).click();
  await page.getByRole('banner').filter({ hasText: 'Coalition' }).waitFor();
  assert.ok(page.errors.every((e) => !/unreachable|panicked/i.test(e)), `${page.errors}`);
  await context.close();
});
