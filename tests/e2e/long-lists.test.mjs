// Long lists (a regional coalition: hundreds of members, thousands of action items): a list
// shows a page at a time and can be searched; items the user adds stay in view; long lists of
// choices ("Owner" among 40 members) are drawn when the control is used, and a subgroup's
// members fold into a disclosure. Each would fail without the behaviour it names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, waitSaved, assertNoErrors } from './helpers.mjs';
import { runAxe, summarize } from './axe.mjs';

const app = useApp();
const T0 = Date.UTC(2026, 0, 1);
const pad = (i) => String(i).padStart(2, '0');
const memberId = (i) => `m${pad(i)}`;

/** A plan file with `members` member organizations ("Member 01" …), `actions` action items
 *  (the first owned by Member 07) and one subgroup with Members 01 and 02. */
function planFile({ members = 0, actions = 0, names = [] } = {}) {
  const plan = {
    id: 'long-lists', name: 'Long Lists Coalition', created: T0, modified: T0,
    members: Array.from({ length: members }, (_, i) => ({ id: memberId(i + 1), modified: T0, name: names[i] ?? `Member ${pad(i + 1)}` })),
    actions: Array.from({ length: actions }, (_, i) => ({
      id: `a${pad(i + 1)}`, modified: T0, what: `Action ${pad(i + 1)}`, owner: i === 0 ? memberId(7) : null,
    })),
    subgroups: [{ id: 's1', modified: T0, name: 'Hotel outreach', members: [memberId(1), memberId(2)] }],
  };
  const envelope = { format: 'partnership-plan', schema_version: 1, app_version: '0.1.0', saved_at: '2026-01-01T00:00:00Z', plan };
  return Buffer.from(JSON.stringify(envelope));
}

/** Opens a fresh app and imports `file` as a new plan. */
async function openPlan(file) {
  const context = await app.context();
  const page = await app.open(context);
  await page.getByLabel('Import plan', { exact: true }).setInputFiles({ name: 'long.json', mimeType: 'application/json', buffer: file });
  await page.getByRole('region', { name: 'Open this plan?' }).getByRole('button', { name: 'Open as a new plan' }).click();
  await waitSaved(page);
  return { context, page };
}

const go = (page, name) => page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name, exact: true }).click();
/** Opens the form of the item whose row is named `name` (lists are tables: issue 15). */
const openRow = (page, name) => page.getByRole('button', { name, exact: true }).click();

test('search ignores case and accents, in any script', async () => {
  const names = ['Policía de Denver', 'Ángel de la Guarda', 'ΟΜΆΔΑ ΕΡΓΑΣΊΑΣ', 'Hội Phụ Nữ Việt Nam', 'Служба ПОДДЕРЖКИ'];
  const { context, page } = await openPlan(planFile({ members: 30, names }));
  await go(page, 'Membership');
  const list = page.getByRole('region', { name: 'Member organizations' });
  const items = list.locator('tbody tr.item-row');
  const status = list.getByRole('status');
  const find = list.getByLabel('Find in member organizations');
  for (const [query, name] of [
    ['policia', 'Policía de Denver'],
    ['ANGEL', 'Ángel de la Guarda'],
    ['ομαδα', 'ΟΜΆΔΑ ΕΡΓΑΣΊΑΣ'],
    ['phu nu viet', 'Hội Phụ Nữ Việt Nam'],
    ['поддержки', 'Служба ПОДДЕРЖКИ'],
  ]) {
    await find.fill(query);
    await status.filter({ hasText: 'Showing 1 of 30 member organizations.' }).waitFor();
    assert.equal(await items.count(), 1, query);
    assert.equal(await list.getByRole('button', { name, exact: true }).count(), 1, `${query} finds ${name}`);
  }
  await assertNoErrors(page);
  await context.close();
});

test('a long list shows a page at a time, can be searched, and keeps new items in view', async () => {
  const { context, page } = await openPlan(planFile({ members: 60 }));
  await go(page, 'Membership');
  const list = page.getByRole('region', { name: 'Member organizations' });
  const items = list.locator('tbody tr.item-row');
  const status = list.getByRole('status');
  await status.filter({ hasText: 'Showing 25 of 60 member organizations.' }).waitFor();
  assert.equal(await items.count(), 25);
  assert.equal(await items.first().getByRole('button').first().textContent(), 'Member 01');

  await list.getByRole('button', { name: 'Show 25 more' }).click();
  await status.filter({ hasText: 'Showing 50 of 60' }).waitFor();
  assert.equal(await items.count(), 50);
  await list.getByRole('button', { name: 'Show 10 more' }).click();
  await page.waitForFunction(() => document.querySelectorAll('#list-members ~ table tbody tr.item-row').length === 60);
  assert.equal(await list.getByRole('button', { name: /^Show \d+ more$/ }).count(), 0, 'nothing left to show');
  assert.equal((await status.textContent()).trim(), '', 'no count once every item is shown');

  // Search, in any case; the result is announced in the status region.
  const find = list.getByLabel('Find in member organizations');
  await find.fill('member 42');
  await status.filter({ hasText: 'Showing 1 of 60 member organizations.' }).waitFor();
  assert.deepEqual(await items.allTextContents().then((t) => t.length), 1);
  assert.equal(await list.getByRole('button', { name: 'Member 42', exact: true }).count(), 1);
  await find.fill('zzz');
  await status.filter({ hasText: 'No member organizations match “zzz”.' }).waitFor();
  assert.equal(await items.count(), 0);
  await find.fill('');

  // A new item is the 61st, beyond the page: it is shown, and its first field has the cursor.
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Membership' }).waitFor();
  await status.filter({ hasText: 'Showing 25 of 60' }).waitFor();
  await list.getByRole('button', { name: 'Add member organization' }).click();
  const added = list.getByRole('region', { name: 'Unnamed organization' });
  await added.waitFor();
  await page.waitForFunction(() => document.activeElement?.labels?.[0]?.textContent === 'Organization name');
  await page.keyboard.type('Member 61');
  await list.getByRole('region', { name: 'Member 61' }).waitFor();
  await status.filter({ hasText: 'Showing 26 of 61' }).waitFor();
  // Moving it up keeps it in view too.
  await list.getByRole('button', { name: 'Move up: Member 61' }).click();
  assert.equal(await list.getByRole('region', { name: 'Member 61' }).count(), 1);
  assertNoErrors(page);
  await context.close();
});

test('a long list of choices is drawn once the control is used, and works from the keyboard', async () => {
  const { context, page } = await openPlan(planFile({ members: 40, actions: 2 }));
  await go(page, 'Partnership management');
  await openRow(page, 'Action 01');
  await openRow(page, 'Action 02');
  const first = page.getByRole('region', { name: 'Action 01' }).getByLabel('Owner organization');
  const second = page.getByRole('region', { name: 'Action 02' }).getByLabel('Owner organization');
  await first.waitFor();
  // Until used: the current choice (and "not chosen") only, showing the right member.
  assert.equal(await first.locator('option').count(), 2);
  assert.equal(await first.inputValue(), memberId(7));
  assert.equal(await first.evaluate((s) => s.selectedOptions[0].textContent), 'Member 07');
  assert.equal(await second.locator('option').count(), 1);

  // Keyboard: focusing draws every member; arrow keys choose the next one.
  await first.focus();
  await page.waitForFunction(() => document.activeElement.options.length === 41);
  assert.equal(await first.inputValue(), memberId(7), 'the choice survives the redraw');
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction((id) => document.activeElement.value === id, memberId(8));

  // Pointer: pressing on the control draws the members before its list opens.
  await second.dispatchEvent('pointerdown');
  assert.equal(await second.locator('option').count(), 41);
  await second.selectOption({ label: 'Member 33' });
  await waitSaved(page);

  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Partnership management' }).waitFor();
  await openRow(page, 'Action 01');
  await openRow(page, 'Action 02');
  assert.equal(await first.inputValue(), memberId(8));
  assert.equal(await second.inputValue(), memberId(33));
  assert.equal(await second.evaluate((s) => s.selectedOptions[0].textContent), 'Member 33');
  assertNoErrors(page);
  await context.close();
});

test('a subgroup choosing among many members folds the choice into a disclosure', async () => {
  const { context, page } = await openPlan(planFile({ members: 40 }));
  await go(page, 'Leadership structure');
  await openRow(page, 'Hotel outreach');
  const sub = page.getByRole('region', { name: 'Hotel outreach' });
  const summary = sub.getByText('Members: 2 of 40 chosen');
  await summary.waitFor();
  assert.equal(await sub.getByRole('checkbox').count(), 0, 'not drawn while folded');
  await summary.click();
  const group = sub.getByRole('group', { name: 'Members' });
  await group.getByLabel('Member 40').waitFor();
  assert.equal(await group.getByRole('checkbox').count(), 40);
  assert.equal(await group.getByLabel('Member 02').isChecked(), true);
  await group.getByLabel('Member 05').check();
  await sub.getByText('Members: 3 of 40 chosen').waitFor();
  // The disclosure is a native <details>: the keyboard folds it again.
  await sub.locator('summary').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !document.querySelector('details.key-set').open);
  assert.equal(await sub.getByRole('checkbox').count(), 0);
  const violations = await runAxe(page);
  assert.equal(violations.length, 0, summarize(violations, 'leadership with many members'));

  await waitSaved(page);
  await page.reload();
  await openRow(page, 'Hotel outreach');
  await sub.getByText('Members: 3 of 40 chosen').click();
  assert.equal(await sub.getByRole('group', { name: 'Members' }).getByLabel('Member 05').isChecked(), true);
  assertNoErrors(page);
  await context.close();
});

test('the long-list controls pass axe: search, count, "Show more" and drawn choices', async () => {
  const { context, page } = await openPlan(planFile({ members: 40, actions: 30 }));
  await go(page, 'Partnership management');
  await openRow(page, 'Action 01');
  await page.getByRole('region', { name: 'Action 01' }).getByLabel('Owner organization').focus();
  await page.getByLabel('Find in action items').fill('Action 0');
  const violations = await runAxe(page);
  assert.equal(violations.length, 0, summarize(violations, 'management with a long list'));
  await context.close();
});
