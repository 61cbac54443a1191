// Quick exit, history that does not lead back into the plan, locking and forgetting this
// device, and the contact-details check before export.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { useApp, waitSaved, assertNoErrors, storageSnapshot, makePlan } from './helpers.mjs';

const app = useApp();
const EXIT = 'https://www.google.com/';

/** A context whose "neutral site" is a local stub, so nothing leaves the machine. */
async function context() {
  const ctx = await app.context();
  await ctx.route((url) => url.href.startsWith(EXIT), (route) => route.fulfill({
    contentType: 'text/html', body: '<!doctype html><title>Neutral</title><p>neutral</p>',
  }));
  return ctx;
}

test('Quick exit is the first Tab stop and leaves at once, with no way Back into the plan', async () => {
  const ctx = await context();
  const page = await app.open(ctx, '#/define');
  await page.getByLabel('Partnership name').fill('Hidden Coalition');
  await page.getByRole('link', { name: 'Membership', exact: true }).click();
  await page.getByRole('link', { name: 'Funding', exact: true }).click();
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Funding' }).waitFor();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Quick exit');
  await page.keyboard.press('Enter');
  await page.waitForURL(EXIT);
  await page.goBack().catch(() => {});
  // Back leads to where the user was before the app (a blank tab here), never a plan route.
  assert.ok(!page.url().includes('#/'), `Back went to ${page.url()}`);
  await ctx.close();
});

test('in-app navigation adds no history entries', async () => {
  const ctx = await context();
  const page = await app.open(ctx);
  const before = await page.evaluate(() => history.length);
  for (const name of ['Define your partnership', 'Functions', 'Membership', 'Your plans']) {
    await page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
  }
  assert.equal(await page.evaluate(() => history.length), before);
  assert.match(page.url(), /#\/plans$/);
  await ctx.close();
});

test('Shift three times exits; twice, or Shift with a letter, does not', async () => {
  const ctx = await context();
  const page = await app.open(ctx, '#/define');
  await page.getByLabel('Partnership name').click();
  await page.keyboard.press('Shift');
  await page.keyboard.press('Shift');
  await page.keyboard.press('Shift+A');
  await page.keyboard.press('Shift');
  await page.waitForTimeout(300);
  assert.match(page.url(), /#\/define$/, 'Shift+A breaks the sequence');
  await page.waitForTimeout(2200);
  await page.keyboard.press('Shift');
  await page.keyboard.press('Shift');
  await page.waitForTimeout(2200);
  await page.keyboard.press('Shift');
  await page.waitForTimeout(300);
  assert.match(page.url(), /#\/define$/, 'two presses and a pause do not exit');
  await page.keyboard.press('Shift');
  await page.keyboard.press('Shift');
  await page.keyboard.press('Shift');
  await page.waitForURL(EXIT);
  await ctx.close();
});

test('quick exit can be turned off', async () => {
  const ctx = await context();
  const page = await app.open(ctx, '#/safety');
  await page.getByLabel('Show Quick exit and the Shift shortcut').uncheck();
  assert.equal(await page.getByRole('button', { name: 'Quick exit' }).count(), 0);
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
  await page.waitForTimeout(300);
  assert.match(page.url(), /#\/safety$/);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Safety and privacy' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Quick exit' }).count(), 0, 'the setting is kept');
  await ctx.close();
});

test('lock this device hides the plan until unlocked, also after a reload', async () => {
  const ctx = await context();
  const page = await app.open(ctx, '#/define');
  await page.getByLabel('Partnership name').fill('Locked Coalition');
  await waitSaved(page);
  await page.getByRole('link', { name: 'Safety and privacy' }).click();
  await page.getByRole('button', { name: 'Lock this device' }).click();
  await page.getByRole('heading', { level: 1, name: 'Partnership Planner is locked' }).waitFor();
  assert.equal(await page.getByText('Locked Coalition').isVisible(), false);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Partnership Planner is locked' }).waitFor();
  assert.equal(await page.getByText('Locked Coalition').isVisible(), false);
  await page.getByRole('button', { name: 'Unlock' }).click();
  assert.match(await page.getByRole('banner').textContent(), /Locked Coalition/);
  await ctx.close();
});

test('forget this device removes every key the app wrote, after confirmation', async () => {
  const ctx = await context();
  const page = await app.open(ctx, '#/define');
  await page.getByLabel('Partnership name').fill('Forgettable Coalition');
  await waitSaved(page);
  await page.evaluate(() => localStorage.setItem('someone-else', 'kept'));
  await page.getByRole('link', { name: 'Safety and privacy' }).click();
  await page.getByRole('button', { name: 'Forget this device' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  assert.ok(Object.keys(await storageSnapshot(page)).some((k) => k.startsWith('partnership-planner:')));
  await page.getByRole('button', { name: 'Forget this device' }).click();
  await page.getByRole('button', { name: 'Forget everything' }).click();
  await page.getByRole('status').filter({ hasText: 'Everything Partnership Planner kept in this browser is gone' }).waitFor();
  assert.deepEqual(await storageSnapshot(page), { 'someone-else': 'kept' });
  assert.match(await page.getByRole('banner').textContent(), /Untitled partnership/);
  assertNoErrors(page);
  await ctx.close();
});

test('before export, contact details outside the roster are flagged by field', async () => {
  const ctx = await context();
  const page = await app.open(ctx, '#/survivors');
  await page.getByLabel('How will survivor experts be paid?').fill('Ask Maria on (720) 555-0134 about the stipend');
  await page.getByRole('link', { name: 'Membership', exact: true }).click();
  await page.getByRole('button', { name: 'Add member organization' }).click();
  const member = page.getByRole('region', { name: 'Unnamed organization' });
  await member.getByLabel('Email (optional)').fill('office@shelter.example.org');
  await page.getByRole('button', { name: 'Export plan' }).click();
  const check = page.getByRole('region', { name: 'Check before you export' });
  await check.waitFor();
  const text = await check.textContent();
  assert.match(text, /Survivor engagement › How will survivor experts be paid\?: a phone number/);
  assert.doesNotMatch(text, /Email/, 'the roster is where contacts belong');
  await check.getByRole('button', { name: 'Cancel' }).click();
  assert.equal(await check.count(), 0);
  await page.getByRole('button', { name: 'Export plan' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('region', { name: 'Check before you export' }).getByRole('button', { name: 'Export anyway' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^partnership-plan-\d{4}-\d\d-\d\d-\d{4}\.json$/);
  await ctx.close();
});

test('a lock with a passphrase opens only with that passphrase', async () => {
  const ctx = await context();
  const page = await app.open(ctx, '#/define');
  await page.getByLabel('Partnership name').fill('Guarded Coalition');
  await waitSaved(page);
  await page.getByRole('link', { name: 'Safety and privacy' }).click();
  await page.getByLabel('Passphrase to unlock (optional)').fill('river stone lamp');
  await page.getByLabel('Passphrase to unlock, again').fill('river stone lamp');
  await page.getByRole('button', { name: 'Lock this device' }).click();
  await page.getByRole('heading', { level: 1, name: 'Partnership Planner is locked' }).waitFor();
  await page.reload();
  await page.getByRole('main').getByLabel('Passphrase', { exact: true }).fill('wrong words');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.getByRole('alert').filter({ hasText: 'Wrong passphrase.' }).waitFor();
  assert.equal(await page.getByText('Guarded Coalition').isVisible(), false);
  await page.getByRole('main').getByLabel('Passphrase', { exact: true }).fill('river stone lamp');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.getByRole('banner').filter({ hasText: 'Guarded Coalition' }).waitFor();
  // The passphrase is not kept anywhere in clear.
  assert.ok(!JSON.stringify(await storageSnapshot(page)).includes('river stone lamp'));
  await ctx.close();
});

const LOCKED = 'Partnership Planner is locked';

test('the lock passphrase is typed twice, must be hard to guess, and may not be the plan\'s name', async () => {
  const ctx = await context();
  const page = await app.open(ctx, '#/define');
  await page.getByLabel('Partnership name').fill('Guarded Coalition');
  await waitSaved(page);
  await page.getByRole('link', { name: 'Safety and privacy' }).click();
  const first = page.getByLabel('Passphrase to unlock (optional)');
  const second = page.getByLabel('Passphrase to unlock, again');
  for (const field of [first, second]) {
    assert.equal(await field.getAttribute('autocomplete'), 'off', 'no browser password saving');
    assert.equal(await field.getAttribute('type'), 'password');
  }
  const lock = page.getByRole('button', { name: 'Lock this device' });
  const refused = async (message) => {
    await lock.click();
    await page.getByRole('alert').filter({ hasText: message }).waitFor();
    assert.equal(await page.getByRole('heading', { name: LOCKED }).count(), 0, `not locked: ${message}`);
  };
  await first.fill('kelp tiger oboe vista wagon');
  await refused('Enter the passphrase a second time.');
  await second.fill('kelp tiger oboe vista wagom');
  await refused('The two passphrases do not match.');
  await first.fill('Summer2026!');
  await second.fill('Summer2026!');
  assert.match(await page.locator('#lock-strength').textContent(), /^Strength: weak\./);
  await refused('too easy to guess');
  await first.fill('Guarded Coalition 1');
  await second.fill('Guarded Coalition 1');
  await refused('contains the plan’s name');
  await first.fill('Coalition2026!');
  await second.fill('Coalition2026!');
  await refused('among the first that anyone would try');
  await page.getByRole('button', { name: 'Suggest a passphrase' }).click();
  const suggested = await first.inputValue();
  assert.match(suggested, /^[a-z]{3,5}( [a-z]{3,5}){5}$/, suggested);
  assert.equal(await second.inputValue(), suggested);
  assert.match(await page.locator('#lock-strength').textContent(), /^Strength: strong\./);
  await lock.click();
  await page.getByRole('heading', { level: 1, name: LOCKED }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), LOCKED, 'focus on the lock screen');
  await page.reload();
  const unlock = page.getByRole('main').getByLabel('Passphrase', { exact: true });
  assert.equal(await unlock.getAttribute('autocomplete'), 'off');
  await unlock.fill(suggested);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.getByRole('banner').filter({ hasText: 'Guarded Coalition' }).waitFor();
  assert.ok(!JSON.stringify(await storageSnapshot(page)).includes(suggested));
  assertNoErrors(page);
  await ctx.close();
});

test('Forget this device is reachable from the lock screen, after confirmation', async () => {
  const ctx = await context();
  const page = await app.open(ctx, '#/define');
  await page.getByLabel('Partnership name').fill('Forgotten Passphrase Coalition');
  await waitSaved(page);
  await page.getByRole('link', { name: 'Safety and privacy' }).click();
  await page.getByLabel('Passphrase to unlock (optional)').fill('lost words nobody remembers');
  await page.getByLabel('Passphrase to unlock, again').fill('lost words nobody remembers');
  await page.getByRole('button', { name: 'Lock this device' }).click();
  await page.getByRole('heading', { level: 1, name: LOCKED }).waitFor();
  await page.reload();
  await page.getByRole('heading', { level: 1, name: LOCKED }).waitFor();
  await page.getByRole('button', { name: 'Forget this device' }).click();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('heading', { level: 1, name: LOCKED }).waitFor();
  assert.ok(Object.keys(await storageSnapshot(page)).some((k) => k.startsWith('partnership-planner:')));
  await page.getByRole('button', { name: 'Forget this device' }).click();
  await page.getByRole('button', { name: 'Forget everything' }).click();
  await page.getByRole('heading', { level: 1, name: 'Safety and privacy' }).waitFor();
  await page.getByRole('status').filter({ hasText: 'Everything Partnership Planner kept in this browser is gone' }).waitFor();
  assert.deepEqual(await storageSnapshot(page), {});
  assert.match(await page.getByRole('banner').textContent(), /Untitled partnership/);
  await page.reload();
  await page.getByRole('navigation', { name: 'Sections' }).waitFor();
  assert.equal(await page.getByRole('heading', { name: LOCKED }).count(), 0, 'no longer locked');
  assertNoErrors(page);
  await ctx.close();
});

/** Drops a file on the page as a user dragging it from the desktop would. */
async function dropFile(page, name, text) {
  const transfer = await page.evaluateHandle(([n, t]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], n, { type: 'application/json' }));
    return dt;
  }, [name, text]);
  await page.dispatchEvent('body', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('body', 'drop', { dataTransfer: transfer });
}

test('while locked the app is unmounted: Ctrl+Z, Ctrl+Y and a dropped file change nothing', async () => {
  const ctx = await context();
  const page = await app.open(ctx, '#/define');
  await page.getByLabel('Partnership name').fill('Unmounted Coalition');
  await page.getByLabel('What is your mission?').fill('A mission that undo would take away.');
  await waitSaved(page);
  await page.getByRole('link', { name: 'Safety and privacy' }).click();
  await page.getByRole('button', { name: 'Lock this device' }).click();
  await page.getByRole('heading', { level: 1, name: LOCKED }).waitFor();
  await page.waitForTimeout(500);
  const before = await storageSnapshot(page);
  // Nothing of the app is in the page, not even hidden.
  const html = await page.evaluate(() => document.body.innerHTML);
  assert.ok(!html.includes('Unmounted Coalition'), 'the plan name is not in the DOM');
  assert.ok(!html.includes('A mission that undo'), 'the plan is not in the DOM');
  assert.equal(await page.locator('nav, header, .app').count(), 0, 'no navigation, header or app');

  for (const keys of ['Control+Z', 'Control+Z', 'Control+Y', 'Control+Shift+Z', 'Meta+Z']) await page.keyboard.press(keys);
  const plan = readFileSync(resolve(import.meta.dirname, '../fixtures/plan-v1.json'), 'utf8');
  await dropFile(page, 'plan-v1.json', plan);
  await page.waitForTimeout(1500);
  assert.deepEqual(await storageSnapshot(page), before, 'storage is byte-identical');
  assert.equal(await page.getByRole('region', { name: 'Open this plan?' }).count(), 0, 'no import preview');
  assert.match(page.url(), /#\/safety$/, 'the page was not replaced by the file');

  // Unlocked, nothing happened behind the lock: the mission is there, no preview waits.
  await page.getByRole('button', { name: 'Unlock' }).click();
  await page.getByRole('heading', { level: 1, name: 'Safety and privacy' }).waitFor();
  assert.equal(await page.getByRole('region', { name: 'Open this plan?' }).count(), 0, 'no preview after unlocking');
  await page.getByRole('link', { name: 'Define your partnership' }).click();
  assert.equal(await page.getByLabel('What is your mission?').inputValue(), 'A mission that undo would take away.');
  // Negative control: mounted again, the app takes the same drop.
  await dropFile(page, 'plan-v1.json', plan);
  await page.getByRole('region', { name: 'Open this plan?' }).waitFor();
  assertNoErrors(page);
  await ctx.close();
});

test('after "Copy as text", "Clear clipboard" empties the clipboard', async () => {
  const ctx = await app.context({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await app.open(ctx);
  await makePlan(page, 'Clipboard Coalition');
  await page.getByRole('button', { name: 'Copy as text' }).click();
  await page.getByRole('status').filter({ hasText: 'Copied the plan as text' }).waitFor();
  assert.match(await page.evaluate(() => navigator.clipboard.readText()), /Clipboard Coalition/);
  await page.getByRole('button', { name: 'Clear clipboard' }).click();
  await page.getByRole('status').filter({ hasText: 'The clipboard is empty' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), '');
  // The Safety page says where plain copies exist, and offers the same button.
  await page.getByRole('link', { name: 'Safety and privacy' }).click();
  const text = await page.getByRole('main').textContent();
  assert.match(text, /a protected file once you open it/);
  assert.match(text, /clipboard history/);
  assert.match(text, /does not encrypt what is stored/);
  assert.match(text, /never the passphrase of a protected file/);
  assert.equal(await page.getByRole('main').getByRole('button', { name: 'Clear clipboard' }).count(), 1);
  assertNoErrors(page);
  await ctx.close();
});
