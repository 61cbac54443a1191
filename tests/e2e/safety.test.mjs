// Quick exit, history that does not lead back into the plan, locking and forgetting this
// device, and the contact-details check before export.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, waitSaved, assertNoErrors, storageSnapshot } from './helpers.mjs';

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
  assert.match(download.suggestedFilename(), /^partnership-plan-\d{4}-\d\d-\d\d\.json$/);
  await ctx.close();
});

test('a lock with a passphrase opens only with that passphrase', async () => {
  const ctx = await context();
  const page = await app.open(ctx, '#/define');
  await page.getByLabel('Partnership name').fill('Guarded Coalition');
  await waitSaved(page);
  await page.getByRole('link', { name: 'Safety and privacy' }).click();
  await page.getByLabel('Passphrase to unlock (optional)').fill('river stone lamp');
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
