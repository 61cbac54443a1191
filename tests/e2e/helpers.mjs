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
