// The working views of issue #15 (part B) on a 20-member, 40-action-item coalition plan: the
// overview as this month's dashboard (the overdue item and its owner as links that land on
// them), the charts with their numbers in text, the MOU ready for review (parties chosen,
// placeholders flagged), and axe on each new view at 1280 and 320 px. Each would fail without
// the behaviour it names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, waitSaved, assertNoErrors } from './helpers.mjs';
import { runAxe, summarize } from './axe.mjs';
import { openCoalition, OVERDUE } from './fixtures.mjs';

const app = useApp();

test('the overview names the overdue item and its owner as links, and what else needs doing this month', async () => {
  const { context, page } = await openCoalition(app);
  const month = page.getByRole('region', { name: 'This month' });
  const attention = month.getByRole('region', { name: 'Overdue and due soon' });
  const row = attention.getByRole('listitem').filter({ hasText: OVERDUE.what });
  assert.equal(await row.getByRole('link', { name: OVERDUE.what }).count(), 1, 'the item is a link');
  assert.equal(await row.getByRole('link', { name: OVERDUE.owner }).count(), 1, 'its owner is a link');
  assert.match(await row.textContent(), /Overdue/, 'marked in words, not only colour');
  assert.match(await attention.textContent(), /Book the training venue.*Due soon/s);
  // Done items, and items due later, are not listed.
  assert.equal(await attention.getByRole('link', { name: 'Action item 01' }).count(), 0);

  const list = async (name) => month.getByRole('region', { name }).textContent();
  const roles = await list('Key roles not filled');
  for (const vacant of ['Chairperson', 'Subject Matter Expert', 'Member Agency Leadership', 'Facilitator']) {
    assert.ok(roles.includes(vacant), `${vacant} is vacant`);
  }
  for (const held of ['Coordinator', 'Fiscal Agent']) assert.ok(!roles.includes(held), `${held} is held`);
  const deadlines = await list('Funding deadlines');
  assert.match(deadlines, /VOCA victim services grant/);
  assert.match(deadlines, /County human services/);
  assert.ok(!deadlines.includes('Colorado Community Foundation'), 'no deadline, not listed');
  const weakest = await list('Weakest self-check categories');
  assert.match(weakest, /Resources: 2\.0 of 5/);
  assert.match(weakest, /Communication: 3\.0 of 5/);
  assert.ok(!weakest.includes('Purpose'), 'strong categories are not listed');
  const missing = await list('Sectors still missing');
  assert.match(missing, /Labor trafficking partner/, 'an identified labor office does not count');
  assert.ok(!missing.includes('Survivor-led organization'), 'a committed survivor-led member counts');

  // A meter only where its maximum means something: action items done of all.
  const meters = page.locator('meter');
  assert.equal(await meters.count(), 1);
  const done = page.getByRole('meter', { name: 'Action items done' });
  assert.equal(await done.getAttribute('max'), '40');
  const value = Number(await done.getAttribute('value'));
  assert.ok(value > 0 && value < 40, `some done (${value})`);
  assert.match(await page.locator('.stats').textContent(), new RegExp(`Action items done${value} of 40`));

  // Following the link opens Partnership management at the item, though it is the 31st of 40
  // (past the first page of 25).
  await row.getByRole('link', { name: OVERDUE.what }).click();
  await page.getByRole('heading', { level: 1, name: 'Partnership management' }).waitFor();
  assert.match(page.url(), new RegExp(`#/management\\?item=${OVERDUE.id}$`));
  const focused = await page.waitForFunction(
    (id) => document.activeElement?.id?.startsWith(`actions-${id}-`) && document.activeElement.id,
    OVERDUE.id,
  );
  const field = page.locator(`#${await focused.jsonValue()}`);
  assert.ok(await field.isVisible(), 'the item is on screen');
  assert.equal(await field.inputValue().catch(() => OVERDUE.what), OVERDUE.what, 'focus is in the item');

  // The owner's link lands on the member.
  await page.goto(new URL('#/', page.url()).href);
  await page.getByRole('region', { name: 'Overdue and due soon' }).getByRole('link', { name: OVERDUE.owner }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Membership' }).waitFor();
  await page.waitForFunction(() => document.activeElement?.id?.startsWith('members-m03-'));
  assertNoErrors(page);
  await context.close();
});

test('the overview shows the membership funnel, and every chart has its numbers in text', async () => {
  const { context, page } = await openCoalition(app);
  const charts = page.locator('.charts figure');
  assert.equal(await charts.count(), 5);
  for (let i = 0; i < 5; i += 1) {
    const figure = charts.nth(i);
    const img = figure.getByRole('img');
    const name = await img.getAttribute('aria-label');
    assert.ok(name && name.includes(':'), `chart ${i} has a name that says what it shows (${name})`);
    assert.equal(await figure.locator('svg').count(), 1, 'drawn as SVG in the page');
    const table = figure.getByRole('table');
    assert.equal(await table.count(), 1, `${name}: numbers in a table`);
    assert.ok((await table.getByRole('row').count()) >= 2, `${name}: rows of numbers`);
  }
  const cell = (figure, rowName, col) => figure.getByRole('row', { name: rowName }).getByRole('cell').nth(col).textContent();

  // The funnel: 20 identified or further, 13 invited or further, 9 committed, 3 signed.
  const funnel = page.getByRole('figure', { name: 'Membership pipeline' });
  assert.equal(await funnel.getByRole('img').getAttribute('aria-label'),
    'Membership pipeline: 20 reached Identified, 13 reached Invited, 9 reached Committed, 3 reached MOU signed');
  assert.equal(await cell(funnel, /^Identified/, 0), '7');
  assert.equal(await cell(funnel, /^Identified/, 1), '20');
  assert.equal(await cell(funnel, /^MOU signed/, 1), '3');
  const widths = await funnel.locator('rect').evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('width'))));
  assert.deepEqual([...widths].sort((a, b) => b - a), widths, 'a funnel: each step narrower');

  // The timeline: the overdue item is hatched and marked "!", and said in words.
  const timeline = page.getByRole('figure', { name: 'Action-item timeline' });
  assert.match(await timeline.getByRole('img').getAttribute('aria-label'), /40 action items .* 1 overdue/);
  assert.equal(await timeline.locator('rect[fill^="url(#"]').count(), 1, 'overdue is hatched, not only coloured');
  assert.equal(await timeline.locator('text.overdue-mark').textContent(), '!');
  assert.equal(await timeline.getByRole('cell', { name: '1 overdue' }).count(), 1);
  const counted = await timeline.locator('tbody tr').evaluateAll((rows) => rows
    .map((r) => [...r.querySelectorAll('td')].map((td) => parseInt(td.textContent, 10)).reduce((a, b) => a + b, 0))
    .reduce((a, b) => a + b, 0));
  assert.equal(counted, 40, 'every dated action item is counted once');

  const grid = page.getByRole('figure', { name: 'Sectors and the 4 Ps' });
  assert.deepEqual(await grid.getByRole('row', { name: /^Labor department/ }).getByRole('cell').allTextContents(), ['0', '0', '0', '0']);
  const selfCheck = page.getByRole('figure', { name: 'Self-check by category' });
  assert.equal(await cell(selfCheck, /^Resources/, 0), '2.0 of 5');
  const funding = page.getByRole('figure', { name: 'Funding committed and sought' });
  assert.equal(await cell(funding, /^Committed or received/, 0), '$25,000');
  assert.equal(await cell(funding, /^Sought/, 0), '$140,000');
  assertNoErrors(page);
  await context.close();
});

test('the MOU lists the parties chosen, with every member offered, and flags placeholders', async () => {
  const { context, page } = await openCoalition(app, '#/mou');
  await page.getByRole('heading', { level: 1, name: 'MOU draft' }).waitFor();
  const parties = page.getByRole('group', { name: 'Parties' });
  const boxes = parties.getByRole('checkbox');
  assert.equal(await boxes.count(), 20, 'nobody left out silently');
  assert.equal(await parties.getByRole('checkbox', { checked: true }).count(), 9, 'committed and signed ticked');
  assert.equal(await parties.getByLabel('Member Agency 14 (Identified)').isChecked(), false);

  await parties.getByLabel('Member Agency 01 (Committed)').uncheck();
  await parties.getByLabel('Member Agency 10 (Invited)').check();
  const clause1 = page.getByLabel('Clause 1: Parties');
  const text = await clause1.inputValue();
  assert.ok(text.includes('Member Agency 10') && !text.includes('Member Agency 01;'), text);
  assert.equal(await page.locator('.signature').count(), 9);
  const schedule = page.getByRole('region', { name: /Schedule A/ }).or(page.locator('section.schedule'));
  assert.match(await schedule.textContent(), /Staff time and referrals from member 02/);

  // Placeholders: counted and listed before printing.
  const before = page.getByRole('region', { name: 'Before you print' });
  const count = async () => before.getByRole('status').textContent();
  const listed = await before.getByRole('listitem').count();
  assert.equal(await count(), `${listed} placeholders still to fill`);
  const items = await before.getByRole('listitem').allTextContents();
  for (const p of ['[effective date]', '[two years]', "[three months' written notice]"]) {
    assert.ok(items.some((i) => i.includes(p)), `${p} listed`);
  }
  assert.ok(items.some((i) => i.startsWith('Schedule A') && i.includes('[what this party brings')), 'a party with nothing in "What it brings"');

  await page.getByLabel('Effective date').fill('2027-01-15');
  await page.getByLabel('Term', { exact: true }).fill('two years');
  await page.getByLabel('Notice to withdraw').fill("ninety days' written notice");
  await before.getByRole('status').filter({ hasText: `${listed - 3} placeholders still to fill` }).waitFor();
  const term = page.getByLabel('Clause 8: Term and withdrawal');
  assert.equal(await term.inputValue(), 'This MOU takes effect when signed by the parties or on 15 January 2027, '
    + "whichever is later, and runs for two years. A party may withdraw by giving ninety days' written notice to the others.");
  assert.match(await page.getByLabel('Clause 12: Counterparts').inputValue(), /signed in counterparts/);
  // Typed answers are introduced, not pasted mid-sentence.
  assert.match(await page.getByLabel('Clause 2: Purpose').inputValue(), /in its members' words:\nWe find, protect/);

  // Kept in the plan.
  await waitSaved(page);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'MOU draft' }).waitFor();
  assert.equal(await page.getByRole('group', { name: 'Parties' }).getByLabel('Member Agency 01 (Committed)').isChecked(), false);
  assert.equal(await page.getByRole('group', { name: 'Parties' }).getByLabel('Member Agency 10 (Invited)').isChecked(), true);
  assert.equal(await page.getByLabel('Effective date').inputValue(), '2027-01-15');

  // On paper the placeholders left are marked.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByRole('button', { name: 'Quick exit' }).isVisible(), false);
  assert.ok((await page.locator('article.mou mark.placeholder').filter({ visible: true }).count()) >= 1);
  assert.equal(await page.locator('article.mou mark.placeholder', { hasText: '[two years]' }).count(), 0, 'filled ones are gone');
  await page.emulateMedia({ media: 'screen' });
  assertNoErrors(page);
  await context.close();
});

test('axe: the dashboard, charts, print-outs and MOU at 1280 and 320 px, light and dark', async () => {
  const failures = [];
  for (const colorScheme of ['light', 'dark']) {
    const { context, page: p } = await openCoalition(app, '#/', { colorScheme });
    for (const width of [1280, 320]) {
      await p.setViewportSize({ width, height: 900 });
      for (const [hash, title] of [['#/', 'Overview'], ['#/print/summary', 'Two-page summary'], ['#/print', 'Printable plan'], ['#/mou', 'MOU draft']]) {
        await p.goto(new URL(hash, p.url()).href);
        await p.getByRole('heading', { level: 1, name: title }).waitFor();
        const where = `${colorScheme} ${width}px ${hash}`;
        const violations = await runAxe(p);
        if (violations.length) failures.push(summarize(violations, where));
        if (width === 320) {
          const wide = await p.evaluate(() => document.documentElement.scrollWidth);
          if (wide > 320) failures.push(`[${where}] the page scrolls sideways (${wide}px wide)`);
        }
      }
    }
    assertNoErrors(p);
    await context.close();
  }
  assert.equal(failures.length, 0, failures.join('\n'));
});
