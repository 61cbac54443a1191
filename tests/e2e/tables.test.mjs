// Lists as tables (issue 15) on a 20-member, 40-action-item coalition plan: each list is a real
// <table> that sorts by any column (aria-sort on the header, order checked) and filters; a row
// opens its form in place and closes it with focus back on the row; remove + undo and reorder
// still work; at 320 px rows are compact cards; axe finds nothing on any list page at 1280 and
// 320 px. Each test fails without the behaviour it names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, waitSaved, assertNoErrors, coalitionPlan, importAsNewPlan } from './helpers.mjs';
import { runAxe, summarize } from './axe.mjs';

const app = useApp();

// Opens a section and waits for its heading (a page's code may still be loading after the click).
const go = async (page, name) => {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
};

async function openCoalition(options = {}) {
  const context = await app.context(options);
  const page = await importAsNewPlan(app, context, coalitionPlan().buffer);
  return { context, page };
}

/** The table of the list headed `heading`. */
const tableOf = (page, heading) => page.getByRole('table', { name: heading, exact: true });

/** The texts of the row headers (first cells) of a table, in order. */
const rowNames = (table) => table.locator('tbody tr.item-row > th button.row-open').allTextContents();

/** The texts of column `index` (0 = the row header) of a table, in order. */
const columnTexts = (table, index) => table.locator(`tbody tr.item-row > :nth-child(${index + 1})`).allTextContents();

test('the member table sorts by any column, with aria-sort on the header', async () => {
  const { context, page } = await openCoalition();
  await go(page, 'Membership');
  const table = tableOf(page, 'Member organizations');
  const headers = await table.getByRole('columnheader').allTextContents();
  assert.deepEqual(headers.map((h) => h.replace(/[▲▼⇅]/g, '').trim()), ['Organization', 'Sector', 'Status', 'Contact']);
  // 20 members: the first page shows all of them, in list order, with no column sorted.
  assert.equal((await rowNames(table)).length, 20);
  assert.equal(await table.locator('th[aria-sort]').count(), 0);

  const orgHeader = table.getByRole('columnheader', { name: /Organization/ });
  await orgHeader.getByRole('button').click();
  assert.equal(await orgHeader.getAttribute('aria-sort'), 'ascending');
  assert.equal((await rowNames(table))[0], 'Org 01');
  await orgHeader.getByRole('button').click();
  assert.equal(await orgHeader.getAttribute('aria-sort'), 'descending');
  assert.deepEqual((await rowNames(table)).slice(0, 3), ['Org 20', 'Org 19', 'Org 18']);

  // Status sorts in the pipeline's order (Identified, Invited, Committed, MOU signed), not A–Z.
  const statusHeader = table.getByRole('columnheader', { name: /Status/ });
  await statusHeader.getByRole('button').click();
  assert.equal(await statusHeader.getAttribute('aria-sort'), 'ascending');
  assert.equal(await orgHeader.getAttribute('aria-sort'), null, 'only the sorted column has aria-sort');
  const statuses = await columnTexts(table, 2);
  const rank = ['Identified', 'Invited', 'Committed', 'MOU signed'];
  assert.deepEqual(statuses, [...statuses].sort((a, b) => rank.indexOf(a) - rank.indexOf(b)));
  assert.equal(statuses[0], 'Identified');
  assert.equal(statuses.at(-1), 'MOU signed');
  // A third press goes back to the list's own order.
  await statusHeader.getByRole('button').click();
  await statusHeader.getByRole('button').click();
  assert.equal(await statusHeader.getAttribute('aria-sort'), null);
  assert.equal((await rowNames(table))[0], 'Org 01');
  assertNoErrors(page);
  await context.close();
});

test('the member table filters by sector and status, and says how many it shows', async () => {
  const { context, page } = await openCoalition();
  await go(page, 'Membership');
  const list = page.getByRole('region', { name: 'Member organizations' });
  const table = tableOf(page, 'Member organizations');
  await list.getByLabel('Filter by sector').selectOption({ label: 'Child welfare' });
  await list.getByRole('status').filter({ hasText: 'Showing 2 of 20 member organizations.' }).waitFor();
  assert.deepEqual(await rowNames(table), ['Org 04', 'Org 14']);
  await list.getByLabel('Filter by status').selectOption({ label: 'Identified' });
  await list.getByRole('status').filter({ hasText: 'Showing 1 of 20' }).waitFor();
  assert.deepEqual(await rowNames(table), ['Org 04']);
  await list.getByLabel('Filter by status').selectOption({ label: 'Committed' });
  await list.getByRole('status').filter({ hasText: 'No member organizations match these filters.' }).waitFor();
  assert.equal((await rowNames(table)).length, 0);
  await list.getByLabel('Filter by sector').selectOption({ label: 'All' });
  await list.getByRole('status').filter({ hasText: 'Showing 5 of 20' }).waitFor();
  for (const s of await columnTexts(table, 2)) assert.equal(s, 'Committed');
  assertNoErrors(page);
  await context.close();
});

test('action items sort by due date and filter by owner and overdue; badges are words', async () => {
  const { context, page } = await openCoalition();
  await go(page, 'Partnership management');
  const list = page.getByRole('region', { name: 'Action items' });
  const table = tableOf(page, 'Action items');
  const headers = await table.getByRole('columnheader').allTextContents();
  assert.deepEqual(headers.map((h) => h.replace(/[▲▼⇅]/g, '').trim()), ['What', 'Owner', 'Due', 'Status', 'Goal']);
  // 40 items: a page of 25, as before.
  await list.getByRole('status').filter({ hasText: 'Showing 25 of 40 action items.' }).waitFor();
  // Goals show by their short names; owners with their person; dates as people read them.
  assert.equal((await columnTexts(table, 4))[0], 'Train member staff');
  assert.equal((await columnTexts(table, 1))[0], 'Org 01, Person 01');
  assert.match((await columnTexts(table, 2))[0], /^\d{1,2} [A-Z][a-z]+ \d{4}$/);

  const due = table.getByRole('columnheader', { name: /Due/ });
  await due.getByRole('button').click();
  await due.getByRole('button').click();
  assert.equal(await due.getAttribute('aria-sort'), 'descending');
  assert.equal((await rowNames(table))[0], 'Task 40');

  await list.getByLabel('Overdue only').check();
  // Tasks 01–10 are past due; those done (04, 08) are not overdue.
  await list.getByRole('status').filter({ hasText: 'Showing 8 of 40 action items.' }).waitFor();
  assert.deepEqual(await rowNames(table), ['Task 10', 'Task 09', 'Task 07', 'Task 06', 'Task 05', 'Task 03', 'Task 02', 'Task 01']);
  // Blocked has a badge of its own, in words.
  const blocked = table.getByRole('row', { name: /Task 03/ });
  assert.match(await blocked.textContent(), /Blocked/);
  assert.match(await table.getByRole('row', { name: /Task 01/ }).textContent(), /Overdue/);

  await list.getByLabel('Overdue only').uncheck();
  // The owner filter offers the members who own an item (Org 20 owns none), then "(none)".
  const owners = list.getByLabel('Filter by owner');
  const choices = await owners.locator('option').allTextContents();
  assert.equal(choices.length, 1 + 19 + 1);
  assert.ok(!choices.includes('Org 20'));
  await owners.selectOption({ label: 'Org 03' });
  await list.getByRole('status').filter({ hasText: 'Showing 2 of 40' }).waitFor();
  assert.deepEqual((await rowNames(table)).sort(), ['Task 03', 'Task 22']);
  assertNoErrors(page);
  await context.close();
});

test('a row opens its form in place and closes it, giving focus back to the row', async () => {
  const { context, page } = await openCoalition();
  await go(page, 'Membership');
  const table = tableOf(page, 'Member organizations');
  // Closed forms are not drawn: no field of any member is on the page.
  assert.equal(await page.getByLabel('Organization name').count(), 0);
  const open = table.getByRole('button', { name: 'Org 05', exact: true });
  assert.equal(await open.getAttribute('aria-expanded'), 'false');
  await open.click();
  assert.equal(await open.getAttribute('aria-expanded'), 'true');
  const form = page.getByRole('region', { name: 'Org 05' });
  await form.getByLabel('Organization name').fill('Org 05 Renamed');
  // The row follows what is typed.
  await table.getByRole('button', { name: 'Org 05 Renamed', exact: true }).waitFor();
  await page.getByRole('region', { name: 'Org 05 Renamed' }).getByRole('button', { name: 'Close' }).click();
  await page.waitForFunction(() => document.activeElement?.classList.contains('row-open'));
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Org 05 Renamed');
  assert.equal(await page.getByLabel('Organization name').count(), 0, 'the form is gone');

  // From the keyboard: Enter opens, Escape closes and focus is back on the row button.
  await page.keyboard.press('Enter');
  const region = page.getByRole('region', { name: 'Org 05 Renamed' });
  await region.getByLabel('Contact person').focus();
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.activeElement?.textContent === 'Org 05 Renamed');
  assert.equal(await region.count(), 0);
  await waitSaved(page);
  assertNoErrors(page);
  await context.close();
});

test('remove with undo and reorder still work from the open form', async () => {
  const { context, page } = await openCoalition();
  await go(page, 'Partnership management');
  const table = tableOf(page, 'Strategies');
  assert.deepEqual(await rowNames(table), ['Run quarterly trainings', 'Agree referral protocol']);
  await table.getByRole('button', { name: 'Run quarterly trainings', exact: true }).click();
  await page.getByRole('button', { name: 'Move down: Run quarterly trainings' }).click();
  assert.deepEqual(await rowNames(table), ['Agree referral protocol', 'Run quarterly trainings']);
  assert.equal(await page.getByRole('button', { name: 'Move down: Run quarterly trainings' }).isDisabled(), true);

  // While sorted, moving is off (it moves in the list's own order).
  await table.getByRole('columnheader', { name: /Strategy/ }).getByRole('button').click();
  assert.equal(await page.getByRole('button', { name: 'Move up: Run quarterly trainings' }).isDisabled(), true);

  await page.getByRole('button', { name: 'Remove strategy: Run quarterly trainings' }).click();
  assert.deepEqual(await rowNames(table), ['Agree referral protocol']);
  const undo = page.getByRole('status').filter({ hasText: 'Removed “Run quarterly trainings”' });
  await undo.getByRole('button', { name: 'Undo remove' }).click();
  await table.getByRole('button', { name: 'Run quarterly trainings', exact: true }).waitFor();
  assert.equal((await rowNames(table)).length, 2);
  assertNoErrors(page);
  await context.close();
});

test('each list is a table: subgroups, goals, funding and resources, with funding deadline badges', async () => {
  const { context, page } = await openCoalition();
  await go(page, 'Leadership structure');
  assert.deepEqual(await rowNames(tableOf(page, 'Subgroups')), ['Labor trafficking', 'Youth']);
  assert.deepEqual(await columnTexts(tableOf(page, 'Subgroups'), 2), ['Org 06', 'Org 04']);
  await go(page, 'Partnership management');
  assert.deepEqual(await rowNames(tableOf(page, 'Goals')), ['Train member staff', 'Referral line']);
  await go(page, 'Funding');
  const funding = tableOf(page, 'Funding sources');
  const amount = funding.getByRole('columnheader', { name: /Amount/ });
  await amount.getByRole('button').click();
  assert.deepEqual(await rowNames(funding), ['Community Foundation', 'State anti-trafficking grant', 'VOCA subgrant']);
  assert.match(await funding.getByRole('row', { name: /State anti-trafficking grant/ }).textContent(), /Deadline passed/);
  assert.match(await funding.getByRole('row', { name: /Community Foundation/ }).textContent(), /Report due soon/);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Resources' }).click().catch(() => page.goto(new URL('#/resources', page.url()).href));
  await page.getByRole('heading', { level: 1, name: 'Resources' }).waitFor();
  const resources = tableOf(page, 'Your resources');
  await page.getByLabel('Filter by section').selectOption({ label: 'Funding' });
  assert.deepEqual(await rowNames(resources), ['Funding calendar']);
  assertNoErrors(page);
  await context.close();
});

test('at 320 px rows are compact cards, not forms, and the page does not scroll sideways', async () => {
  const { context, page } = await openCoalition({ viewport: { width: 320, height: 640 } });
  await go(page, 'Membership');
  const table = tableOf(page, 'Member organizations');
  const row = table.locator('tbody tr.item-row').first();
  assert.equal(await row.evaluate((r) => getComputedStyle(r).display), 'block');
  const height = await row.evaluate((r) => r.getBoundingClientRect().height);
  assert.ok(height < 200, `a card is compact (${height} px)`);
  assert.equal(await page.getByLabel('Organization name').count(), 0, 'no form until a card is opened');
  // Each cell says what it is.
  assert.equal(await row.locator('td').first().evaluate((td) => getComputedStyle(td, '::before').content), '"Sector: "');
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(wide <= 0, `no horizontal scrolling (${wide} px too wide)`);
  await table.getByRole('button', { name: 'Org 01', exact: true }).click();
  await page.getByRole('region', { name: 'Org 01' }).getByLabel('Organization name').waitFor();
  const wideOpen = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(wideOpen <= 0, `an open form fits too (${wideOpen} px too wide)`);
  assertNoErrors(page);
  await context.close();
});

test('email addresses are checked beside the field, and what was typed is kept', async () => {
  const { context, page } = await openCoalition();
  await go(page, 'Membership');
  await tableOf(page, 'Member organizations').getByRole('button', { name: 'Org 02', exact: true }).click();
  const form = page.getByRole('region', { name: 'Org 02' });
  const email = form.getByLabel('Email (optional)');
  await email.fill('not-an-email');
  await form.getByText('This does not look like an email address').waitFor();
  assert.equal(await email.getAttribute('aria-invalid'), 'true');
  await waitSaved(page);
  await page.reload();
  await tableOf(page, 'Member organizations').getByRole('button', { name: 'Org 02', exact: true }).click();
  assert.equal(await page.getByRole('region', { name: 'Org 02' }).getByLabel('Email (optional)').inputValue(), 'not-an-email', 'kept as typed');
  await email.fill('team@example.org');
  assert.equal(await form.getByText('This does not look like an email address').count(), 0);
  assert.equal(await email.getAttribute('aria-invalid'), null);
  assertNoErrors(page);
  await context.close();
});

test('action items take a person, a strategy and dated progress notes', async () => {
  const { context, page } = await openCoalition();
  await go(page, 'Partnership management');
  const table = tableOf(page, 'Action items');
  await table.getByRole('button', { name: 'Task 02', exact: true }).click();
  const form = page.getByRole('region', { name: 'Task 02' });
  assert.equal(await form.getByLabel('Part of strategy').evaluate((s) => s.selectedOptions[0].textContent), 'Agree referral protocol');
  await form.getByLabel('Owner (person)').fill('Dana Ruiz');
  await form.getByLabel('Date of the note').fill('2026-11-30');
  await form.getByLabel('New note').fill('Draft protocol sent to members.');
  await form.getByRole('button', { name: 'Add note' }).click();
  await form.getByText('30 November 2026').waitFor();
  assert.match(await form.getByRole('group', { name: 'Progress notes' }).textContent(), /30 November 2026: Draft protocol sent to members\./);
  await form.getByRole('button', { name: 'Close' }).click();
  assert.equal((await columnTexts(table, 1))[1], 'Org 02, Dana Ruiz');
  await waitSaved(page);
  await page.reload();
  await table.getByRole('button', { name: 'Task 02', exact: true }).click();
  assert.match(await page.getByRole('region', { name: 'Task 02' }).getByRole('group', { name: 'Progress notes' }).textContent(), /Draft protocol/);
  assertNoErrors(page);
  await context.close();
});

for (const width of [1280, 320]) {
  test(`axe: every list page with the coalition plan, rows open and filtered, at ${width} px`, async () => {
    const { context, page } = await openCoalition({ viewport: { width, height: 800 } });
    const failures = [];
    for (const [name, list, row] of [
      ['Membership', 'Member organizations', 'Org 01'],
      ['Leadership structure', 'Subgroups', 'Youth'],
      ['Partnership management', 'Action items', 'Task 01'],
      ['Funding', 'Funding sources', 'VOCA subgrant'],
    ]) {
      await go(page, name);
      await page.getByRole('heading', { level: 1, name }).waitFor();
      const table = tableOf(page, list);
      await table.locator('thead button').first().click();
      await table.getByRole('button', { name: row, exact: true }).click();
      await page.getByRole('region', { name: row }).waitFor();
      const violations = await runAxe(page);
      if (violations.length) failures.push(summarize(violations, `${name} ${width}px`));
    }
    assert.equal(failures.length, 0, failures.join('\n'));
    await context.close();
  });
}
