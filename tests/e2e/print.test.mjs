// Print-outs a board or funder would accept (issue #15): in print, Quick exit and all the app's
// chrome are hidden; the two-page summary prints on two pages (a real PDF, counted) under a
// running header with page numbers, and without contact details; the printable plan shows its
// lists as tables without form fields, and contact details only when "Include contact details"
// is ticked. Each would fail without the behaviour it names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, assertNoErrors } from './helpers.mjs';
import { openCoalition, CONTACT, NAME } from './fixtures.mjs';

const app = useApp();

/** Pages in a PDF Chromium wrote: its page objects, `/Type /Page` (not `/Pages`). */
const pageCount = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;

const CHROME = [
  ['button', 'Quick exit'],
  ['button', 'Export plan'],
  ['button', 'Import plan'],
  ['navigation', 'Sections'],
  ['navigation', 'Plan documents'],
];

test('in print, Quick exit, the toolbar and the navigation are hidden on every print-out', async () => {
  const { context, page } = await openCoalition(app);
  for (const [hash, title, print] of [
    ['#/print', 'Printable plan', 'Print this plan'],
    ['#/print/summary', 'Two-page summary', 'Print this summary'],
    ['#/mou', 'MOU draft', 'Print this MOU'],
  ]) {
    await page.goto(new URL(hash, page.url()).href);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    // Negative control: on screen they are there.
    assert.equal(await page.getByRole('button', { name: 'Quick exit' }).isVisible(), true, `${hash} on screen`);
    assert.equal(await page.getByRole('button', { name: print }).isVisible(), true);
    await page.emulateMedia({ media: 'print' });
    for (const [role, name] of CHROME) {
      const el = page.getByRole(role, { name, exact: true });
      for (const one of await el.all()) assert.equal(await one.isVisible(), false, `${hash}: ${name} printed`);
    }
    assert.equal(await page.getByRole('button', { name: print }).isVisible(), false, `${hash}: the print button is not printed`);
    assert.equal(await page.locator('article.document').isVisible(), true, `${hash}: the document is printed`);
    const pdf = await page.pdf({ format: 'Letter' });
    assert.ok(pageCount(pdf) >= 1, `${hash}: a PDF with pages`);
    await page.emulateMedia({ media: 'screen' });
  }
  assertNoErrors(page);
  await context.close();
});

test('the two-page summary fits two pages, with a running header and page numbers, and no contact details', async () => {
  const { context, page } = await openCoalition(app, '#/print/summary');
  await page.getByRole('heading', { level: 1, name: 'Two-page summary' }).waitFor();
  const doc = page.locator('article.summary');
  const text = await doc.textContent();
  for (const part of ['Mission', 'Members by sector and status', 'Key roles', 'Goals and their action items done',
    "This quarter's action items", 'Funding', 'Partnership health self-check']) {
    assert.ok(text.includes(part), `the summary has ${part}`);
  }
  assert.ok(text.includes('We find, protect and support'), 'the mission');
  assert.ok(text.includes('Vacant'), 'vacant roles said');
  assert.ok((await doc.getByRole('table').count()) >= 5, 'built from tables');
  assert.ok((await doc.getByRole('img').count()) >= 3, 'and charts');
  for (const secret of [CONTACT.name, CONTACT.email, CONTACT.phone]) {
    assert.ok(!text.includes(secret), `no contact details (${secret})`);
  }

  await page.emulateMedia({ media: 'print' });
  // The running header: shown only in print, fixed, so Chromium repeats it on every page.
  const header = doc.locator('.running-header');
  assert.equal(await header.isVisible(), true);
  assert.equal(await header.evaluate((el) => getComputedStyle(el).position), 'fixed');
  assert.match(await header.textContent(), new RegExp(`^${NAME} · Summary · printed \\d{1,2} [A-Z][a-z]+ 20\\d\\d$`));
  // Page numbers come from the page's bottom-right margin box.
  const pageRule = await page.evaluate(() => [...document.styleSheets].flatMap((s) => [...s.cssRules])
    .filter((r) => r instanceof CSSPageRule).map((r) => r.cssText).join('\n'));
  assert.match(pageRule, /@bottom-right\s*\{[^}]*counter\(page\)/, 'page numbers in the margin');
  for (const format of ['Letter', 'A4']) {
    const pdf = await page.pdf({ format });
    assert.equal(pageCount(pdf), 2, `the summary prints on two ${format} pages`);
  }
  // Negative control: the whole plan is longer.
  await page.emulateMedia({ media: 'screen' });
  await page.goto(new URL('#/print', page.url()).href);
  await page.getByRole('heading', { level: 1, name: 'Printable plan' }).waitFor();
  await page.emulateMedia({ media: 'print' });
  assert.ok(pageCount(await page.pdf({ format: 'Letter' })) > 2, 'the printable plan takes more pages');
  assertNoErrors(page);
  await context.close();
});

test('the printable plan shows lists as tables, and contact details only when ticked', async () => {
  const { context, page } = await openCoalition(app, '#/print');
  await page.getByRole('heading', { level: 1, name: 'Printable plan' }).waitFor();
  const doc = page.locator('article.document');
  const tick = page.getByLabel('Include contact details');
  assert.equal(await tick.isChecked(), false, 'off at first');
  let text = await doc.textContent();
  for (const secret of [CONTACT.name, CONTACT.email, CONTACT.phone]) {
    assert.ok(!text.includes(secret), `left out: ${secret}`);
  }
  assert.ok(text.includes('Alpha Safe House'), 'the organization is there');
  // No form-field noise: tables with headings, no inputs, no "(optional)" labels.
  assert.equal(await doc.locator('input, select, textarea').count(), 0);
  assert.ok(!text.includes('(optional)'));
  const members = doc.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'Organization name' }) });
  assert.equal(await members.count(), 1, 'members as a table');
  assert.equal(await members.getByRole('row').count(), 21, 'a header row and 20 members');
  assert.equal(await members.getByRole('columnheader', { name: /Email/ }).count(), 0);

  await tick.check();
  text = await doc.textContent();
  for (const secret of [CONTACT.name, CONTACT.email, CONTACT.phone]) {
    assert.ok(text.includes(secret), `included when ticked: ${secret}`);
  }
  assert.equal(await members.getByRole('columnheader', { name: /Email/ }).count(), 1);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByLabel('Include contact details').isVisible(), false, 'the choice itself is not printed');
  assert.equal(await doc.getByText(CONTACT.email).isVisible(), true, 'printed when ticked');
  await page.emulateMedia({ media: 'screen' });
  await tick.uncheck();
  assert.equal(await doc.getByText(CONTACT.email).count(), 0);
  assertNoErrors(page);
  await context.close();
});
