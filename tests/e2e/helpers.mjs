// Shared set-up for the end-to-end tests: one static server and one Chromium per test file, a
// fresh browser context (empty storage) per test, and a page that fails the test on any
// uncaught error in the app.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';

export const LIBRARY_KEY = 'partnership-planner:library';
export const PLAN_PREFIX = 'partnership-planner:plan:';
export const QUARANTINE_PREFIX = 'partnership-planner:quarantine:';

export const SECTIONS = [
  'Define your partnership',
  'Functions',
  'Membership',
  'Leadership structure',
  'Partnership management',
  'Funding',
  'Trust and sustainability',
  'Survivor engagement',
];

/** Starts the server and browser for the calling test file; returns live accessors. */
export function useApp() {
  const env = {};
  before(async () => {
    env.server = await serve();
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return {
    get url() {
      return env.server.url;
    },
    /** A new context: its own storage, like a new browser profile. */
    context: (options = {}) => env.browser.newContext({ acceptDownloads: true, ...options }),
    /** Opens the app at `hash` and waits until it has rendered. */
    async open(context, hash = '#/') {
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.errors = errors;
      await page.goto(env.server.url + hash);
      await page.getByRole('navigation', { name: 'Sections' }).waitFor();
      return page;
    },
  };
}

/** The header's save status ("Saved at 17:42", "Not saved on this device", ...). */
export const saveStatus = (page) => page.getByRole('status', { name: 'Save status' });

/** Waits until the save status says the plan was saved. */
export async function waitSaved(page) {
  await saveStatus(page).filter({ hasText: /^Saved at / }).waitFor();
}

/** The app must not have thrown or logged an error. */
export function assertNoErrors(page) {
  assert.deepEqual(page.errors, [], 'the page logged errors');
}

export const storageItem = (page, key) => page.evaluate((k) => localStorage.getItem(k), key);

/** The storage key of the open plan (from the library index), or null before the first save. */
export const openPlanKey = (page) => page.evaluate(([lib, prefix]) => {
  const library = JSON.parse(localStorage.getItem(lib) ?? 'null');
  return library?.open ? prefix + library.open : null;
}, [LIBRARY_KEY, PLAN_PREFIX]);

/** Storage as a plain object: for "byte-identical afterwards" checks. */
export const storageSnapshot = (page) => page.evaluate(() => Object.fromEntries(
  Object.keys(localStorage).sort().map((k) => [k, localStorage.getItem(k)]),
));

/** A small plan made through the interface: a name, a mission and one member. */
export async function makePlan(page, name) {
  await page.goto(new URL('#/define', page.url()).href);
  await page.getByLabel('Partnership name').fill(name);
  await page.getByLabel('What is your mission?').fill(`The mission of ${name}.`);
  await page.getByRole('link', { name: 'Membership', exact: true }).click();
  await page.getByRole('button', { name: 'Add member organization' }).click();
  await page.getByRole('region', { name: 'Unnamed organization' }).getByLabel('Organization name').fill(`${name} Shelter`);
  await waitSaved(page);
}

/** The text of a Playwright download. */
export async function readDownload(download) {
  const chunks = [];
  for await (const c of await download.createReadStream()) chunks.push(c);
  return Buffer.concat(chunks).toString('utf8');
}

/** Fills this origin's storage with `filler-N` keys until only about `free` characters are
 *  left; returns how many filler keys remain. */
export const fillStorage = (page, free = 0) => page.evaluate((leave) => {
  let chunk = 1 << 20;
  let i = 0;
  while (chunk >= 64) {
    try {
      localStorage.setItem(`filler-${i}`, 'x'.repeat(chunk));
      i += 1;
    } catch {
      chunk >>= 1;
    }
  }
  let freed = 0;
  while (freed < leave) {
    const key = `filler-${--i}`;
    freed += localStorage.getItem(key).length + key.length;
    localStorage.removeItem(key);
  }
  return i;
}, free);
