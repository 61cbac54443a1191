// Storage that survives real browsers: full, blocked, corrupted, badly written, emptied, nearly
// full, persistent or not, and two tabs on one plan. Faults are injected before the app loads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  useApp, waitSaved, assertNoErrors, storageItem, openPlanKey, storageSnapshot, saveStatus,
  PLAN_PREFIX, LIBRARY_KEY, QUARANTINE_PREFIX, fillStorage, makePlan,
} from './helpers.mjs';

const app = useApp();
const FIXTURE = readFileSync(resolve(import.meta.dirname, '../fixtures/plan-v1.json'));

async function typeAndSave(page, label, text) {
  await page.getByLabel(label).fill(text);
  await waitSaved(page);
}


test('full storage: edits stay in memory, the last good copy is kept, saving resumes', async () => {
  const context = await app.context();
  const page = await app.open(context, '#/define');
  await typeAndSave(page, 'What is your vision?', 'The saved vision');
  const key = await openPlanKey(page);
  const fillers = await fillStorage(page, 20_000);
  assert.ok(fillers > 3);
  await page.getByLabel('What is your vision?').fill('y'.repeat(60_000));
  const alert = page.getByRole('alert').filter({ hasText: "This device's storage is full — export your plan now" });
  await alert.waitFor();
  // The stored copy is the last good one; the screen keeps the new text.
  assert.equal(JSON.parse(await storageItem(page, key)).plan.answers['define.vision'].text, 'The saved vision');
  assert.equal((await page.getByLabel('What is your vision?').inputValue()).length, 60_000);
  assert.match(await saveStatus(page).textContent(), /Not saved/);
  // Free space (as deleting old plans would): the next attempt saves.
  await page.evaluate((n) => { for (let i = 0; i < n; i++) localStorage.removeItem(`filler-${i}`); }, fillers);
  await waitSaved(page);
  assert.equal(await alert.count(), 0);
  assert.equal(JSON.parse(await storageItem(page, key)).plan.answers['define.vision'].text.length, 60_000);
  assertNoErrors(page);
  await context.close();
});

test('storage that refuses every write (old private windows) means memory-only, said plainly', async () => {
  const context = await app.context();
  await context.addInitScript(() => {
    Storage.prototype.setItem = function setItem() {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  const page = await app.open(context, '#/define');
  await page.getByLabel('Partnership name').fill('Private Window Coalition');
  await page.getByRole('alert').filter({ hasText: 'Not saved on this device — export before closing' }).waitFor();
  assert.match(await page.getByRole('banner').textContent(), /Private Window Coalition/);
  assertNoErrors(page);
  await context.close();
});

test('a localStorage getter that returns null (storage turned off) also means memory-only', async () => {
  const context = await app.context();
  await context.addInitScript(() => Object.defineProperty(window, 'localStorage', { get: () => null }));
  const page = await app.open(context, '#/define');
  await page.getByRole('alert').filter({ hasText: 'Not saved on this device — export before closing' }).waitFor();
  await page.getByLabel('Partnership name').fill('Still works');
  assert.match(await page.getByRole('banner').textContent(), /Still works/);
  assertNoErrors(page);
  await context.close();
});

test('a bad write is noticed, and the previous version can be restored', async () => {
  const context = await app.context();
  await context.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    // When switched on, plan writes are silently cut short, as a failing disk might.
    Storage.prototype.setItem = function patched(key, value) {
      const cut = window.__cutWrites && key.startsWith('partnership-planner:plan:');
      return setItem.call(this, key, cut ? value.slice(0, -7) : value);
    };
  });
  const page = await app.open(context, '#/define');
  await typeAndSave(page, 'What is your mission?', 'The good mission');
  await page.getByLabel('What is your vision?').fill('Second version');
  await waitSaved(page);
  await page.evaluate(() => { window.__cutWrites = true; });
  await page.getByLabel('What is your mission?').fill('Written badly');
  const alert = page.getByRole('alert').filter({ hasText: 'Saving could not be confirmed' });
  await alert.waitFor();
  await page.evaluate(() => { window.__cutWrites = false; });
  await alert.getByRole('button', { name: 'Restore previous version' }).click();
  assert.equal(await page.getByLabel('What is your mission?').inputValue(), 'The good mission');
  assert.equal(await page.getByLabel('What is your vision?').inputValue(), 'Second version');
  assertNoErrors(page);
  await context.close();
});

test('an unreadable plan with a good backup can be restored from the recovery notice', async () => {
  const context = await app.context();
  const backup = FIXTURE.toString('utf8');
  const id = JSON.parse(backup).plan.id;
  await context.addInitScript(([id, backup, lib, prefix]) => {
    if (sessionStorage.getItem('seeded')) return;
    localStorage.setItem(`${prefix}${id}`, backup.slice(0, 200));
    localStorage.setItem(`partnership-planner:backup:${id}`, backup);
    localStorage.setItem(lib, JSON.stringify({ open: id, plans: [] }));
    sessionStorage.setItem('seeded', '1');
  }, [id, backup, LIBRARY_KEY, PLAN_PREFIX]);
  const page = await app.open(context);
  const notice = page.getByRole('alert').filter({ hasText: 'Your saved plan could not be read' });
  await notice.getByRole('button', { name: 'Restore previous version' }).click();
  assert.match(await page.getByRole('banner').textContent(), new RegExp(JSON.parse(backup).plan.name));
  assert.equal(await notice.count(), 0);
  await context.close();
});

test('an emptied browser welcomes the user and offers to import the latest export', async () => {
  const context = await app.context();
  const page = await app.open(context);
  const welcome = page.getByRole('region', { name: 'Welcome' });
  await welcome.waitFor();
  await welcome.getByLabel('Import your latest exported file').setInputFiles({
    name: 'latest.json', mimeType: 'application/json', buffer: FIXTURE,
  });
  const preview = page.getByRole('region', { name: 'Open this plan?' });
  await preview.getByRole('button', { name: 'Open as a new plan' }).click();
  await waitSaved(page);
  assert.equal(await welcome.count(), 0, 'no welcome once a plan is here');
  await context.close();
});

test('a warning comes before storage is 80% full', async () => {
  const context = await app.context();
  const page = await app.open(context, '#/define');
  await typeAndSave(page, 'Partnership name', 'Big Coalition');
  await page.evaluate(() => {
    // 81% of the 5,242,880-character budget, in other keys.
    const target = Math.ceil(5 * 1024 * 1024 * 0.81);
    let used = 0;
    for (let i = 0; used < target; i++) {
      const size = Math.min(1 << 20, target - used);
      localStorage.setItem(`filler-${i}`, 'x'.repeat(size));
      used += size + `filler-${i}`.length;
    }
  });
  await page.reload();
  const alert = page.getByRole('alert').filter({ hasText: /storage for Partnership Planner is 8\d% full/ });
  await alert.waitFor();
  await page.getByRole('link', { name: 'Your plans' }).click();
  assert.match(await page.getByRole('region', { name: 'Storage' }).textContent(), /Space used in this browser\d+ KB of about 5120 KB \(8\d%\)/);
  await context.close();
});

for (const [answer, shown] of [
  ['true', /Yes: the browser will not clear it/],
  ['false', /No: the browser may clear it/],
  ['reject', /Unknown \(/],
]) {
  test(`persistent storage is asked after the first edit (${answer})`, async () => {
    const context = await app.context();
    await context.addInitScript((a) => {
      window.__persistCalls = 0;
      navigator.storage.persist = () => {
        window.__persistCalls += 1;
        return a === 'reject' ? Promise.reject(new TypeError('not allowed')) : Promise.resolve(a === 'true');
      };
    }, answer);
    const page = await app.open(context, '#/plans');
    assert.match(await page.getByRole('region', { name: 'Storage' }).textContent(), /Not asked yet/);
    assert.equal(await page.evaluate(() => window.__persistCalls), 0, 'not asked before an edit');
    await page.getByRole('link', { name: 'Define your partnership' }).click();
    await typeAndSave(page, 'Partnership name', 'Persistent Coalition');
    await page.getByRole('link', { name: 'Your plans' }).click();
    await page.getByRole('region', { name: 'Storage' }).filter({ hasText: shown }).waitFor();
    assert.equal(await page.evaluate(() => window.__persistCalls), 1);
    assertNoErrors(page);
    await context.close();
  });
}

test('two tabs: an edit in one appears in the other within a second', async () => {
  const context = await app.context();
  const a = await app.open(context, '#/define');
  await typeAndSave(a, 'Partnership name', 'Shared Coalition');
  const b = await app.open(context, '#/define');
  assert.equal(await b.getByLabel('Partnership name').inputValue(), 'Shared Coalition');
  await a.getByLabel('What is your vision?').fill('Seen in both tabs');
  await waitSaved(a);
  await b.getByLabel('What is your vision?').and(b.locator('[id]')).waitFor();
  const started = Date.now();
  while (await b.getByLabel('What is your vision?').inputValue() !== 'Seen in both tabs') {
    assert.ok(Date.now() - started < 1000, 'the other tab updated within a second');
    await b.waitForTimeout(50);
  }
  await b.getByRole('status').filter({ hasText: 'Updated with changes saved in another tab' }).waitFor();
  await context.close();
});

test('two tabs: a stale tab never overwrites newer data; the user chooses', async () => {
  const context = await app.context();
  const a = await app.open(context, '#/define');
  await typeAndSave(a, 'Partnership name', 'Original Name');
  const key = await openPlanKey(a);
  const b = await app.open(context, '#/define');
  // Tab B is in the background (its autosave waits) while its user has typed something.
  await b.evaluate(() => Object.defineProperty(document, 'hidden', { get: () => true, configurable: true }));
  await b.getByLabel('What is your mission?').fill('Typed in the stale tab');
  await a.getByLabel('What is your mission?').fill('Saved in the current tab');
  await waitSaved(a);
  const conflict = b.getByRole('alert').filter({ hasText: 'This plan was changed in another tab or window' });
  await conflict.waitFor();
  // Leaving the stale tab flushes, and still must not overwrite the newer save.
  await b.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide')));
  assert.equal(JSON.parse(await storageItem(a, key)).plan.answers['define.mission'].text, 'Saved in the current tab');
  await conflict.getByRole('button', { name: 'Keep mine as a copy' }).click();
  await waitSaved(b);
  assert.match(await b.getByRole('banner').textContent(), /Original Name \(my copy\)/);
  assert.equal(await b.getByLabel('What is your mission?').inputValue(), 'Typed in the stale tab');
  assert.equal(JSON.parse(await storageItem(a, key)).plan.answers['define.mission'].text, 'Saved in the current tab');
  const library = JSON.parse(await storageItem(a, LIBRARY_KEY));
  assert.equal(library.plans.length, 2, 'both versions are kept');
  await context.close();
});

test('two tabs: "Load the other version" takes the newer save', async () => {
  const context = await app.context();
  const a = await app.open(context, '#/define');
  await typeAndSave(a, 'Partnership name', 'Same Plan');
  const b = await app.open(context, '#/define');
  await b.evaluate(() => Object.defineProperty(document, 'hidden', { get: () => true, configurable: true }));
  await b.getByLabel('What is your vision?').fill('Stale idea');
  await typeAndSave(a, 'What is your vision?', 'Newer idea');
  const conflict = b.getByRole('alert').filter({ hasText: 'changed in another tab' });
  await conflict.getByRole('button', { name: 'Load the other version' }).click();
  assert.equal(await b.getByLabel('What is your vision?').inputValue(), 'Newer idea');
  await context.close();
});

test('a hidden tab does not autosave; a new tab writes nothing', async () => {
  const context = await app.context();
  await context.addInitScript(() => {
    window.__writes = [];
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function counted(key, value) {
      window.__writes.push(key);
      return setItem.call(this, key, value);
    };
  });
  const a = await app.open(context, '#/define');
  await typeAndSave(a, 'Partnership name', 'Quiet Coalition');
  const before = await storageSnapshot(a);
  const c = await app.open(context, '#/define');
  await c.waitForTimeout(800);
  assert.deepEqual(await storageSnapshot(a), before, 'opening a tab changed nothing');
  assert.deepEqual(await c.evaluate(() => window.__writes), []);

  await c.evaluate(() => Object.defineProperty(document, 'hidden', { get: () => true, configurable: true }));
  await c.getByLabel('What is your vision?').fill('typed while hidden');
  await c.waitForTimeout(1200);
  assert.deepEqual(await c.evaluate(() => window.__writes), [], 'no autosave while hidden');
  // Leaving the page flushes, hidden or not.
  await c.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide')));
  assert.ok((await c.evaluate(() => window.__writes)).some((k) => k.startsWith('partnership-planner:plan:')));
  await context.close();
});

/** Puts `items` in storage before the app's first load only (reloads find what the app left). */
async function seed(context, items) {
  await context.addInitScript((entries) => {
    if (sessionStorage.getItem('seeded')) return;
    for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
    sessionStorage.setItem('seeded', '1');
  }, items);
}

/** The values stored under keys with `prefix`. */
const valuesWithPrefix = (page, prefix) => page.evaluate((p) => Object.keys(localStorage)
  .filter((k) => k.startsWith(p)).map((k) => localStorage.getItem(k)), prefix);

test('damage everywhere: index, revision and plan unreadable, the plan is still announced and kept', async () => {
  const context = await app.context();
  const id = 'damaged-plan';
  const planText = `{"format":"partnership-plan","schema_version":1,"plan":{"id":"${id}","name":"Lost Coal`;
  const garbage = {
    [LIBRARY_KEY]: '{"open":"damaged-plan","plans":[{"id":',
    [`partnership-planner:revision:${id}`]: 'seven',
    [`${PLAN_PREFIX}${id}`]: planText,
  };
  await seed(context, garbage);
  const page = await app.open(context, '#/define');
  const alert = page.getByRole('alert').filter({ hasText: 'could not be read' });
  await alert.waitFor();
  assert.match(await alert.textContent(), /kept aside, unchanged/);
  await alert.getByRole('button', { name: 'Download unreadable data' }).waitFor();
  for (const [key, value] of Object.entries(garbage)) {
    assert.equal(await storageItem(page, key), value, `${key} is left as it was`);
  }
  assert.ok((await valuesWithPrefix(page, QUARANTINE_PREFIX)).includes(planText), 'a verified copy is kept aside');
  // The unreadable plan is in the list, so the user can find it again.
  await page.getByRole('link', { name: 'Your plans' }).click();
  await page.getByRole('heading', { name: 'Plan that could not be read' }).waitFor();

  // Work on a new plan goes on and never writes over the unreadable one.
  await page.getByRole('link', { name: 'Define your partnership' }).click();
  await typeAndSave(page, 'Partnership name', 'Fresh Start');
  await page.reload();
  await page.getByRole('navigation', { name: 'Sections' }).waitFor();
  assert.equal(await storageItem(page, `${PLAN_PREFIX}${id}`), planText);
  assert.ok((await valuesWithPrefix(page, QUARANTINE_PREFIX)).includes(planText));
  await page.getByRole('link', { name: 'Your plans' }).click();
  await page.getByRole('heading', { name: 'Plan that could not be read' }).waitFor();
  await page.getByRole('heading', { name: /Fresh Start/ }).waitFor();
  // Opening it from the list tells the user again.
  await page.getByRole('button', { name: 'Open Plan that could not be read' }).click();
  await page.getByRole('alert').filter({ hasText: 'could not be read' }).waitFor();
  assertNoErrors(page);
  await context.close();
});

test('several unreadable plans, none in the index: each is announced, with its own actions', async () => {
  const context = await app.context();
  await seed(context, {
    [LIBRARY_KEY]: JSON.stringify({ open: null, plans: [] }),
    [`${PLAN_PREFIX}one`]: 'not json at all',
    [`${PLAN_PREFIX}two`]: '{"format":"partnership-plan","schema_version":99,"plan":{}}',
  });
  const page = await app.open(context);
  const alert = page.getByRole('alert').filter({ hasText: '2 saved plans could not be read' });
  await alert.waitFor();
  for (const n of [1, 2]) {
    await alert.getByRole('region', { name: `Plan ${n} of 2` }).getByRole('button', { name: 'Download unreadable data' }).waitFor();
  }
  assert.deepEqual((await valuesWithPrefix(page, QUARANTINE_PREFIX)).length, 2, 'each kept aside once');
  await alert.getByRole('region', { name: 'Plan 1 of 2' }).getByRole('button', { name: 'Dismiss' }).click();
  await page.getByRole('alert').filter({ hasText: 'Your saved plan could not be read' }).waitFor();
  assertNoErrors(page);
  await context.close();
});

test('an unreadable index: a readable plan is found by its key and opens with its content', async () => {
  const context = await app.context();
  const plan = JSON.parse(FIXTURE.toString('utf8')).plan;
  await seed(context, {
    [LIBRARY_KEY]: 'garbage{',
    [`partnership-planner:revision:${plan.id}`]: 'garbage',
    [`${PLAN_PREFIX}${plan.id}`]: FIXTURE.toString('utf8'),
  });
  const page = await app.open(context, '#/define');
  assert.equal(await page.getByLabel('Partnership name').inputValue(), plan.name);
  assert.match(await page.getByRole('banner').textContent(), new RegExp(plan.name));
  assert.equal(await page.getByRole('alert').filter({ hasText: 'could not be read' }).count(), 0);
  // The index is only an index: its unreadable text is kept aside before a save replaces it.
  assert.ok((await valuesWithPrefix(page, QUARANTINE_PREFIX)).includes('garbage{'));
  assertNoErrors(page);
  await context.close();
});

test('a plan stored under its key but missing from the index appears in the plan list', async () => {
  const context = await app.context();
  const page = await app.open(context);
  await makePlan(page, 'Listed Coalition');
  const plan = JSON.parse(FIXTURE.toString('utf8')).plan;
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [`${PLAN_PREFIX}${plan.id}`, FIXTURE.toString('utf8')]);
  assert.ok(!JSON.parse(await storageItem(page, LIBRARY_KEY)).plans.some((e) => e.id === plan.id));
  await page.goto(app.url + '#/plans');
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Your plans' }).waitFor();
  await page.getByRole('heading', { name: plan.name }).waitFor();
  await page.getByRole('heading', { name: /Listed Coalition/ }).waitFor();
  await page.getByRole('button', { name: `Open ${plan.name}` }).click();
  assert.match(await page.getByRole('banner').textContent(), new RegExp(plan.name));
  assertNoErrors(page);
  await context.close();
});

// Each fault the storage tests inject, and a few harsher ones: the app must never reach a panic
// (in wasm a panic is a page error, "unreachable").
const FAULTS = {
  'quota on every write': () => {
    Storage.prototype.setItem = function setItem() {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  },
  'blocked getter': () => Object.defineProperty(window, 'localStorage', {
    get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
  }),
  'null getter': () => Object.defineProperty(window, 'localStorage', { get: () => null }),
  'setItem throws an Error': () => {
    Storage.prototype.setItem = function setItem() { throw new TypeError('write refused'); };
  },
  'setItem throws a non-Error': () => {
    Storage.prototype.setItem = function setItem() { throw 'write refused'; }; // eslint-disable-line no-throw-literal
  },
  'getItem and removeItem throw': () => {
    Storage.prototype.getItem = function getItem() { throw new DOMException('gone', 'InvalidStateError'); };
    Storage.prototype.removeItem = function removeItem() { throw new DOMException('gone', 'InvalidStateError'); };
  },
  // (Init scripts also run in about:blank, whose storage access throws.)
  'storage emptied at every load': () => { try { localStorage.clear(); } catch { /* about:blank */ } },
};

for (const [name, inject] of Object.entries(FAULTS)) {
  test(`no page error with storage fault injected: ${name}`, async () => {
    const context = await app.context();
    // A stored plan first (where storage works at all), so reading and saving are both tried.
    await context.addInitScript(([key, text, lib, id]) => {
      try {
        localStorage.setItem(key, text);
        localStorage.setItem(lib, JSON.stringify({ open: id, plans: [] }));
      } catch { /* storage not usable in this context */ }
    }, [`${PLAN_PREFIX}${JSON.parse(FIXTURE.toString('utf8')).plan.id}`, FIXTURE.toString('utf8'), LIBRARY_KEY, JSON.parse(FIXTURE.toString('utf8')).plan.id]);
    await context.addInitScript(inject);
    const pageErrors = [];
    context.on('page', (p) => p.on('pageerror', (e) => pageErrors.push(e.message)));
    const page = await app.open(context, '#/define');
    await page.getByLabel('Partnership name').fill('Under a fault');
    await page.getByLabel('What is your mission?').fill('Typed while storage misbehaves');
    await page.waitForTimeout(700);
    await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide')));
    await page.getByRole('link', { name: 'Your plans' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your plans' }).waitFor();
    await page.getByRole('button', { name: 'New plan' }).click();
    await page.reload();
    await page.getByRole('navigation', { name: 'Sections' }).waitFor();
    assert.deepEqual(pageErrors, [], 'no page error (a wasm panic shows as "unreachable")');
    await context.close();
  });
}
