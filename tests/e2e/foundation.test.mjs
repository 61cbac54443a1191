// The foundation: the shell and its navigation, the first two sections, autosave and restore,
// and what happens when the stored plan cannot be read or storage is blocked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useApp, waitSaved, saveStatus, assertNoErrors, storageItem, SECTIONS, PLAN_PREFIX, QUARANTINE_PREFIX, LIBRARY_KEY, openPlanKey,
} from './helpers.mjs';

const app = useApp();

test('the shell has the title, the plan name and all sections in order', async () => {
  const context = await app.context();
  const page = await app.open(context);
  assert.equal(await page.title(), 'Partnership Planner');
  const nav = page.getByRole('navigation', { name: 'Sections' });
  const links = await nav.getByRole('link').allTextContents();
  assert.deepEqual(links, ['Overview', ...SECTIONS]);
  await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
  assert.match(await page.getByRole('banner').textContent(), /Untitled partnership/);
  assert.equal(await page.locator('h1').count(), 1);
  assertNoErrors(page);
  await context.close();
});

test('answers in Define and a ticked function survive a reload', async () => {
  const context = await app.context();
  const page = await app.open(context, '#/define');
  await page.getByLabel('Partnership name').fill('Front Range Coalition');
  const definition = 'A standing partnership of agencies that combat trafficking together.';
  await page.getByLabel('How do you define your partnership?').fill(definition);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Functions' }).click();
  await page.getByRole('heading', { level: 1, name: 'Functions' }).waitFor();
  await page.getByLabel('Share information and resources').check();
  await page.getByLabel('Other').fill('Host an annual training day');
  await waitSaved(page);

  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Functions' }).waitFor();
  assert.equal(await page.getByLabel('Share information and resources').isChecked(), true);
  assert.equal(
    await page.getByLabel('Increase awareness of the extent of human trafficking in your area').isChecked(),
    false,
  );
  assert.equal(await page.getByLabel('Other').inputValue(), 'Host an annual training day');
  assert.match(await page.getByRole('banner').textContent(), /Front Range Coalition/);
  await page.goto(app.url + '#/define');
  await page.getByRole('heading', { level: 1, name: 'Define your partnership' }).waitFor();
  assert.equal(await page.getByLabel('How do you define your partnership?').inputValue(), definition);
  assert.equal(await saveStatus(page).textContent(), 'Saved on this device');

  const stored = JSON.parse(await storageItem(page, await openPlanKey(page)));
  assert.equal(stored.format, 'partnership-plan');
  assert.equal(stored.schema_version, 2);
  assert.match(stored.saved_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  assert.equal(stored.plan.answers['define.definition'].text, definition);
  assertNoErrors(page);
  await context.close();
});

test('an edit made just before leaving the page is flushed, not lost', async () => {
  const context = await app.context();
  const page = await app.open(context, '#/define');
  await page.getByLabel('What is your vision?').fill('No one is bought or sold');
  // Leave at once, well inside the autosave delay: pagehide / visibilitychange must flush.
  await page.goto('about:blank');
  const again = await app.open(context, '#/define');
  assert.equal(await again.getByLabel('What is your vision?').inputValue(), 'No one is bought or sold');
  await context.close();
});

test('steady typing is saved every few seconds, not on every keystroke; a pause saves at once', async () => {
  const context = await app.context();
  await context.addInitScript((prefix) => {
    window.__planWrites = [];
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function logged(key, value) {
      if (key.startsWith(prefix)) window.__planWrites.push(performance.now());
      return setItem.call(this, key, value);
    };
  }, PLAN_PREFIX);
  const page = await app.open(context, '#/define');
  const field = page.getByLabel('What is your vision?');
  await field.focus();
  // 60 keystrokes, one every 100 ms: six seconds with no pause longer than the save's.
  const started = await page.evaluate(() => performance.now());
  for (const ch of 'A coalition in which every agency knows its part, and does it.'.slice(0, 60)) {
    await page.keyboard.type(ch);
    await page.waitForTimeout(100);
  }
  const stopped = await page.evaluate(() => performance.now());
  const during = await page.evaluate(([a, b]) => window.__planWrites.filter((t) => t >= a && t <= b).length, [started, stopped]);
  assert.ok(during >= 1, `saved while typing went on (${during} writes)`);
  assert.ok(during <= 3, `not on every keystroke (${during} writes in 60 keystrokes)`);
  // The pause after the last keystroke saves it.
  await waitSaved(page);
  await page.reload();
  assert.equal(await page.getByLabel('What is your vision?').inputValue(), 'A coalition in which every agency knows its part, and does it.'.slice(0, 60));
  assertNoErrors(page);
  await context.close();
});

test('opening the app writes nothing to storage by itself', async () => {
  const context = await app.context();
  const page = await app.open(context, '#/define');
  await page.waitForTimeout(800);
  assert.equal(await page.evaluate(() => localStorage.length), 0);
  assert.equal(await saveStatus(page).textContent(), 'No changes yet');
  await context.close();
});

/** Presses Tab (or Shift+Tab, when focus is past it) until the named section link has focus. */
async function tabToSection(page, title) {
  for (let i = 0; i < 60; i++) {
    const where = await page.evaluate((t) => {
      const link = [...document.querySelectorAll('nav[aria-label="Sections"] a')]
        .find((a) => a.textContent === t);
      const active = document.activeElement;
      if (active === link) return 'here';
      const after = active && active !== document.body
        && link.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING;
      return after ? 'after' : 'before';
    }, title);
    if (where === 'here') return;
    await page.keyboard.press(where === 'after' ? 'Shift+Tab' : 'Tab');
  }
  assert.fail(`could not Tab to "${title}"`);
}

test('every section can be reached with the keyboard alone', async () => {
  const context = await app.context();
  const page = await app.open(context);
  for (const title of [...SECTIONS, 'Overview']) {
    await tabToSection(page, title);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    // Focus moves to the new page's heading, so reading starts there.
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');
    const current = page.getByRole('navigation', { name: 'Sections' }).locator('[aria-current="page"]');
    assert.equal(await current.textContent(), title);
    assert.equal(await page.locator('h1').count(), 1);
  }
  assertNoErrors(page);
  await context.close();
});

test('routes work by hash, including unknown ones', async () => {
  const context = await app.context();
  const page = await app.open(context, '#/trust');
  await page.getByRole('heading', { level: 1, name: 'Trust and sustainability' }).waitFor();
  await page.getByLabel('How do you define trust in this partnership?').waitFor();
  await page.goto(app.url + '#/no-such-page');
  await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
  await context.close();
});

test('a corrupt stored plan is reported, quarantined exactly and never lost', async () => {
  const context = await app.context();
  const raw = '{"format":"partnership-plan","schema_version":1,"plan":{"id":"abc","name":"Trunc';
  const PLAN_KEY = `${PLAN_PREFIX}abc`;
  await context.addInitScript(([key, value, lib]) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(key, value);
      localStorage.setItem(lib, JSON.stringify({ open: 'abc', plans: [{ id: 'abc', name: 'Trunc', modified: 1, saved: 1, exported: null }] }));
      sessionStorage.setItem('seeded', '1');
    }
  }, [PLAN_KEY, raw, LIBRARY_KEY]);
  const page = await app.open(context, '#/define');
  const alert = page.getByRole('alert').filter({ hasText: 'Your saved plan could not be read' });
  await alert.waitFor();
  assert.match(await alert.textContent(), /cut short/);
  const quarantined = await page.evaluate((prefix) => Object.keys(localStorage)
    .filter((k) => k.startsWith(prefix)), QUARANTINE_PREFIX);
  assert.equal(quarantined.length, 1);
  assert.equal(await storageItem(page, quarantined[0]), raw);
  assert.equal(await storageItem(page, PLAN_KEY), raw, 'loading alone changes nothing');

  // The exact bytes can be downloaded.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    alert.getByRole('button', { name: 'Download unreadable data' }).click(),
  ]);
  const chunks = [];
  for await (const c of await download.createReadStream()) chunks.push(c);
  assert.equal(Buffer.concat(chunks).toString('utf8'), raw);

  // Work goes on; the quarantined copy stays as it was, even after reloads.
  await page.getByLabel('How do you define your partnership?').fill('Starting again');
  await waitSaved(page);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Define your partnership' }).waitFor();
  assert.equal(await page.getByLabel('How do you define your partnership?').inputValue(), 'Starting again');
  assert.equal(await storageItem(page, quarantined[0]), raw);
  assert.equal(await page.getByRole('alert').count(), 0, 'a readable plan raises no alarm');
  assertNoErrors(page);
  await context.close();
});

test('a plan from a newer version is kept, not overwritten', async () => {
  const context = await app.context();
  const raw = JSON.stringify({ format: 'partnership-plan', schema_version: 99, plan: {} });
  await context.addInitScript(([key, value, lib]) => {
    localStorage.setItem(key, value);
    localStorage.setItem(lib, JSON.stringify({ open: 'new', plans: [] }));
  }, [`${PLAN_PREFIX}new`, raw, LIBRARY_KEY]);
  const page = await app.open(context);
  const alert = page.getByRole('alert').filter({ hasText: 'Your saved plan could not be read' });
  await alert.waitFor();
  assert.match(await alert.textContent(), /newer version of Partnership Planner/);
  await context.close();
});

test('blocked storage: the app still works, in memory, and says so', async () => {
  const context = await app.context();
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  });
  const page = await app.open(context, '#/define');
  const alert = page.getByRole('alert');
  await alert.filter({ hasText: 'Not saved on this device' }).waitFor();
  await page.getByLabel('Partnership name').fill('Still works');
  assert.match(await page.getByRole('banner').textContent(), /Still works/);
  assert.equal(await saveStatus(page).textContent(), 'Not saved on this device');
  assertNoErrors(page);
  await context.close();
});
