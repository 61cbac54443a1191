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

/** A 20-member, 40-action-item coalition plan file (schema 1) for views and tables: members
 *  "Org 01" … "Org 20" across sectors and every status; goals with short names; strategies;
 *  action items "Task 01" … "Task 40" with owners, due dates around `today` (some overdue), every
 *  status; funding sources (one with a passed deadline), subgroups and resources. Dates are
 *  relative to `today` (a Date), so "overdue" stays overdue whenever the tests run. Returns
 *  `{ envelope, buffer }`. */
export function coalitionPlan({ today = new Date() } = {}) {
  const T0 = Date.UTC(2026, 0, 1);
  const pad = (i) => String(i).padStart(2, '0');
  const day = (offset) => new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + offset)).toISOString().slice(0, 10);
  const sectors = ['law_enforcement', 'prosecution', 'victim_services', 'child_welfare', 'health_care', 'labor', 'survivor_led', 'legal_services', 'education', 'faith_based'];
  const memberStatuses = ['committed', 'mou_signed', 'invited', 'identified'];
  const actionStatuses = ['not_started', 'in_progress', 'blocked', 'done'];
  const members = Array.from({ length: 20 }, (_, i) => ({
    id: `m${pad(i + 1)}`, modified: T0, name: `Org ${pad(i + 1)}`,
    sector: sectors[i % sectors.length], contact: `Contact ${pad(i + 1)}`, email: `contact${i + 1}@example.org`,
    status: memberStatuses[i % memberStatuses.length], brings: `What Org ${pad(i + 1)} brings.`,
  }));
  const goals = [
    { id: 'g1', modified: T0, title: 'By June 30, all member staff complete trafficking awareness training.', short_name: 'Train member staff' },
    { id: 'g2', modified: T0, title: 'Open a 24-hour referral line for survivors with partner agencies.', short_name: 'Referral line' },
  ];
  const strategies = [
    { id: 's1', modified: T0, goal: 'g1', text: 'Run quarterly trainings' },
    { id: 's2', modified: T0, goal: 'g2', text: 'Agree referral protocol' },
  ];
  const actions = Array.from({ length: 40 }, (_, i) => ({
    id: `a${pad(i + 1)}`, modified: T0, what: `Task ${pad(i + 1)}`,
    goal: i % 2 ? 'g2' : 'g1', strategy: i % 2 ? 's2' : 's1',
    owner: `m${pad((i % 20) + 1)}`, ...(i % 5 === 0 ? { owner_person: `Person ${pad(i + 1)}` } : {}),
    // Spread from 20 days ago to 58 days ahead: Task 01…10 are past due.
    due: day(-20 + 2 * i), status: actionStatuses[i % actionStatuses.length],
  }));
  const funding = [
    { id: 'f1', modified: T0, name: 'State anti-trafficking grant', kind: 'state', amount: 120000, status: 'planned', deadline: day(-10) },
    { id: 'f2', modified: T0, name: 'Community Foundation', kind: 'foundation', amount: 25000, status: 'received', reports_due: [day(5)] },
    { id: 'f3', modified: T0, name: 'VOCA subgrant', kind: 'federal_grant', amount: 300000, status: 'applied', deadline: day(30) },
  ];
  const subgroups = [
    { id: 'sg1', modified: T0, name: 'Labor trafficking', focus: 'Agricultural workers', lead: 'm06', members: ['m06', 'm08'] },
    { id: 'sg2', modified: T0, name: 'Youth', focus: 'Runaway youth', lead: 'm04', members: ['m04', 'm09'] },
  ];
  const resources = [
    { id: 'r1', modified: T0, title: 'Protocol template', url: 'https://example.org/protocol', section: 'management' },
    { id: 'r2', modified: T0, title: 'Funding calendar', url: 'https://example.org/calendar', section: 'funding' },
  ];
  const plan = {
    id: 'coalition', name: 'Front Range Coalition', created: T0, modified: T0,
    members, goals, strategies, actions, funding, subgroups, resources,
  };
  const envelope = { format: 'partnership-plan', schema_version: 1, app_version: '0.1.0', saved_at: '2026-12-01T19:53:44Z', plan };
  return { envelope, buffer: Buffer.from(JSON.stringify(envelope)) };
}

/** Opens a fresh app in `context` and imports `buffer` as a new plan; returns the page. */
export async function importAsNewPlan(app, context, buffer, name = 'coalition.json') {
  const page = await app.open(context);
  await page.getByLabel('Import plan', { exact: true }).setInputFiles({ name, mimeType: 'application/json', buffer });
  await page.getByRole('region', { name: 'Open this plan?' }).getByRole('button', { name: 'Open as a new plan' }).click();
  await waitSaved(page);
  return page;
}
