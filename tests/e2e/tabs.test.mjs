// Several open tabs of the app (pages of one browser context share its storage): Forget, Lock,
// Quick exit and Delete in one tab are obeyed by every other; plans created in two tabs are
// listed in both; two tabs saving the same plan never lose a write silently.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { useApp, waitSaved, assertNoErrors, openPlanKey, LIBRARY_KEY, PLAN_PREFIX } from './helpers.mjs';

const app = useApp();
const EXIT = 'https://www.google.com/';
const LOCKED = 'Partnership Planner is locked';
const FORGOTTEN = 'This device was forgotten in another tab';

/** A context whose exit page is a local stub; `channel: false` takes BroadcastChannel away, so
 *  the tabs must tell each other through storage events. */
async function context({ channel = true } = {}) {
  const ctx = await app.context();
  await ctx.route((url) => url.href.startsWith(EXIT), (route) => route.fulfill({
    contentType: 'text/html', body: '<!doctype html><title>Neutral</title><p>neutral</p>',
  }));
  if (!channel) await ctx.addInitScript(() => { delete window.BroadcastChannel; });
  return ctx;
}

/** Every key the app may have written. */
const appKeys = (page) => page.evaluate(() => Object.keys(localStorage)
  .filter((k) => k.startsWith('partnership-planner:')));

/** Makes the page report itself hidden (its autosave then waits), as a background tab. */
const hide = (page) => page.evaluate(() => Object.defineProperty(document, 'hidden', { get: () => true, configurable: true }));

/** What a browser does when a tab is hidden and then left: both flush in the app. */
const leave = (page) => page.evaluate(() => {
  document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
  window.dispatchEvent(new PageTransitionEvent('pagehide'));
});

async function named(ctx, name) {
  const page = await app.open(ctx, '#/define');
  await page.getByLabel('Partnership name').fill(name);
  await waitSaved(page);
  return page;
}

for (const channel of [true, false]) {
  const how = channel ? 'BroadcastChannel' : 'no BroadcastChannel: storage events';

  test(`Forget in one tab with two more open, one typed into and closed, leaves storage empty (${how})`, async () => {
    const ctx = await context({ channel });
    const a = await named(ctx, 'Forgotten Coalition');
    const b = await app.open(ctx, '#/define');
    const c = await app.open(ctx, '#/define');
    assert.equal(await b.getByLabel('Partnership name').inputValue(), 'Forgotten Coalition');
    // Tab C is in the background with unsaved typing (a hidden tab's autosave waits).
    await hide(c);
    await c.getByLabel('What is your mission?').fill('Typed in the tab that is then closed');

    await a.getByRole('link', { name: 'Safety and privacy' }).click();
    await a.getByRole('button', { name: 'Forget this device' }).click();
    await a.getByRole('button', { name: 'Forget everything' }).click();
    await a.getByRole('status').filter({ hasText: 'Everything Partnership Planner kept in this browser is gone' }).waitFor();

    // C is typed into (undo too), hidden and closed; B is shown, typed into, then hidden and left.
    await c.keyboard.type('typing after the forget');
    await c.keyboard.press('Control+z');
    await leave(c);
    await c.close({ runBeforeUnload: true });
    await b.bringToFront();
    await b.keyboard.type('more typing');
    await leave(b);
    // A few autosave periods (0.4 s pause, 3 s at most).
    await a.waitForTimeout(4000);
    assert.deepEqual(await appKeys(a), [], 'storage stays empty');
    await b.getByRole('heading', { level: 1, name: FORGOTTEN }).waitFor();
    assert.equal(await b.getByText('Forgotten Coalition').count(), 0, 'the plan is dropped');

    // Starting anew in B writes nothing until its first edit.
    await b.getByRole('button', { name: 'Start anew' }).click();
    await b.getByRole('navigation', { name: 'Sections' }).waitFor();
    assert.match(await b.getByRole('banner').textContent(), /Untitled partnership/);
    await b.waitForTimeout(1000);
    assert.deepEqual(await appKeys(a), []);
    assertNoErrors(a);
    assertNoErrors(b);
    await ctx.close();
  });

  test(`Lock in one tab locks the others (${how})`, async () => {
    const ctx = await context({ channel });
    const a = await named(ctx, 'Locked Coalition');
    const b = await app.open(ctx, '#/define');
    const c = await app.open(ctx, '#/plans');
    await a.getByRole('link', { name: 'Safety and privacy' }).click();
    await a.getByRole('button', { name: 'Lock this device' }).click();
    for (const page of [a, b, c]) {
      await page.getByRole('heading', { level: 1, name: LOCKED }).waitFor({ timeout: 5000 });
      assert.equal(await page.getByRole('banner').count(), 0, 'the plan is out of sight');
    }
    assertNoErrors(b);
    await ctx.close();
  });

  test(`Quick exit in one tab leaves every tab (${how})`, async () => {
    const ctx = await context({ channel });
    const a = await named(ctx, 'Hidden Coalition');
    const b = await app.open(ctx, '#/define');
    const c = await app.open(ctx, '#/safety');
    await b.getByRole('button', { name: 'Quick exit' }).click();
    for (const page of [a, b, c]) {
      await page.waitForURL(EXIT, { timeout: 5000 });
      assert.equal(page.url(), EXIT);
    }
    await ctx.close();
  });
}

test('two tabs each creating a plan both see both plans', async () => {
  const ctx = await context();
  const a = await app.open(ctx, '#/define');
  const b = await app.open(ctx, '#/define');
  await a.getByLabel('Partnership name').fill('Alpha Coalition');
  await waitSaved(a);
  await b.getByLabel('Partnership name').fill('Beta Coalition');
  await waitSaved(b);
  // Tab A saves again after B: its index must not drop B's plan.
  await a.getByLabel('What is your mission?').fill('A second save in tab A');
  await waitSaved(a);
  for (const page of [a, b]) {
    await page.getByRole('link', { name: 'Your plans' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your plans' }).waitFor();
    for (const name of ['Alpha Coalition', 'Beta Coalition']) {
      await page.getByRole('heading', { level: 2, name }).waitFor({ timeout: 5000 });
    }
  }
  const library = JSON.parse(await a.evaluate((k) => localStorage.getItem(k), LIBRARY_KEY));
  assert.deepEqual(library.plans.map((e) => e.name).sort(), ['Alpha Coalition', 'Beta Coalition']);
  assertNoErrors(a);
  assertNoErrors(b);
  await ctx.close();
});

test('two tabs saving the same plan: no silent loss, one is told', async () => {
  const ctx = await context();
  // Tab B can be made to read the revision as it was a moment ago and to hear no storage event
  // yet: what happens when both tabs save at once, B reading just before A's save lands.
  await ctx.addInitScript(() => {
    const getItem = Storage.prototype.getItem;
    Storage.prototype.getItem = function maybeStale(key) {
      const held = window.__stale;
      return held && Object.hasOwn(held, key) ? held[key] : getItem.call(this, key);
    };
    window.addEventListener('storage', (e) => {
      if (window.__deaf) e.stopImmediatePropagation();
    }, true);
  });
  const a = await named(ctx, 'Race Coalition');
  const revision = (await openPlanKey(a)).replace(':plan:', ':revision:');
  const b = await app.open(ctx, '#/define');
  await hide(b);
  await b.getByLabel('What is your mission?').fill('Written in tab B');
  await b.evaluate((key) => {
    window.__deaf = true;
    window.__stale = { [key]: localStorage.getItem(key) };
  }, revision);
  await a.getByLabel('What is your vision?').fill('Written in tab A');
  await waitSaved(a);
  await leave(b);
  // Both saves ended on the same revision number; A's write is gone from storage, and A is told.
  const told = a.getByRole('alert').filter({ hasText: 'This plan was changed in another tab or window' });
  await told.waitFor({ timeout: 5000 });
  await told.getByRole('button', { name: 'Keep mine as a copy' }).click();
  await waitSaved(a);
  const plans = await a.evaluate((p) => Object.keys(localStorage).filter((k) => k.startsWith(p))
    .map((k) => JSON.parse(localStorage.getItem(k)).plan), PLAN_PREFIX);
  assert.ok(plans.some((p) => p.answers['define.vision']?.text === 'Written in tab A'), 'A kept its work');
  assert.ok(plans.some((p) => p.answers['define.mission']?.text === 'Written in tab B'), 'B kept its work');
  assertNoErrors(a);
  await ctx.close();
});

test('Delete in one tab: another tab showing the plan never writes it back unless asked', async () => {
  const ctx = await context();
  const a = await named(ctx, 'Doomed Coalition');
  const key = await openPlanKey(a);
  const b = await app.open(ctx, '#/define');
  await a.getByRole('link', { name: 'Your plans' }).click();
  await a.getByRole('button', { name: 'Delete Doomed Coalition' }).click();
  const told = b.getByRole('alert').filter({ hasText: 'This plan was deleted in another tab or window' });
  await told.waitFor({ timeout: 5000 });
  await b.getByLabel('What is your vision?').fill('Typed after the delete');
  await b.waitForTimeout(1500);
  await leave(b);
  assert.equal(await a.evaluate((k) => localStorage.getItem(k), key), null, 'not written back');
  const listed = JSON.parse(await a.evaluate((k) => localStorage.getItem(k), LIBRARY_KEY) ?? '{"plans":[]}');
  assert.ok(!listed.plans.some((e) => PLAN_PREFIX + e.id === key), 'not listed again');
  // Kept only on the user's explicit choice, as a new plan.
  await told.getByRole('button', { name: 'Keep my copy as a new plan' }).click();
  await waitSaved(b);
  const kept = await openPlanKey(b);
  assert.notEqual(kept, key);
  const plan = JSON.parse(await b.evaluate((k) => localStorage.getItem(k), kept)).plan;
  assert.equal(plan.name, 'Doomed Coalition');
  assert.equal(plan.answers['define.vision'].text, 'Typed after the delete');
  assertNoErrors(b);
  await ctx.close();
});

test('Open as a new plan never writes over a stored plan the index does not list, and keeps plain ids only', async () => {
  const ctx = await context();
  const page = await app.open(ctx, '#/plans');
  const file = JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/plan-v1.json'), 'utf8'));
  // A plan under the file's id that this tab's index does not list (as another tab may leave it).
  const hidden = structuredClone(file);
  hidden.plan.name = 'Hidden Coalition';
  const hiddenKey = PLAN_PREFIX + file.plan.id;
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [hiddenKey, JSON.stringify(hidden)]);
  const open = async (envelope) => {
    await page.getByRole('link', { name: 'Your plans' }).click();
    await page.getByLabel('Paste plan text').fill(JSON.stringify(envelope));
    await page.getByRole('button', { name: 'Read pasted plan' }).click();
    await page.getByRole('region', { name: 'Open this plan?' }).getByRole('button', { name: 'Open as a new plan' }).click();
    await waitSaved(page);
    return openPlanKey(page);
  };
  const first = await open(file);
  assert.notEqual(first, hiddenKey, 'opened under a new id');
  assert.equal(JSON.parse(await page.evaluate((k) => localStorage.getItem(k), hiddenKey)).plan.name, 'Hidden Coalition');
  // An id that is not a short plain token is replaced.
  const odd = structuredClone(file);
  odd.plan.id = 'odd id/../with:colons';
  const second = await open(odd);
  assert.match(second, /^partnership-planner:plan:[A-Za-z0-9_-]{1,64}$/);
  assertNoErrors(page);
  await ctx.close();
});
