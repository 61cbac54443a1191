// Issue 17: meetings run from an agenda drafted from the plan, minutes whose action items land in
// Partnership management, the calendar file (parsed with ical.js), members and action items as
// CSV (parsed with csv-parse), a roster of 40 imported with its duplicates flagged and undone,
// the yearly report against a hand count, and everything through export → import.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import { parse as parseCsv } from 'csv-parse/sync';
import {
  useApp, waitSaved, assertNoErrors, readDownload, storageItem, openPlanKey,
} from './helpers.mjs';
import { runAxe, summarize } from './axe.mjs';

const app = useApp();

const member = (id, name, sector, status, email = '', contact = '') => ({
  id, modified: 1767225600000, name, sector, contact, email, phone: '', status, pillars: [], brings: '', needs: '',
});
const action = (id, what, goal, owner, due, status, tag) => ({
  id, modified: 1767225600000, what, goal, owner, due, status, resources: '', barriers: '', inform: '', ...(tag ? { tag } : {}),
});
const meeting = (id, title, date, time, place, attendees, decisions = '') => ({
  id, modified: 1767225600000, title, date, time, place, attendees, decisions,
});

/** A version-1 file with meetings, tagged action items and funding; its figures are counted by
 * hand in the report test. */
const FIXTURE = {
  format: 'partnership-plan',
  schema_version: 1,
  app_version: '0.1.0',
  saved_at: '2026-01-02T01:05:00Z',
  plan: {
    id: 'plan-meetings-fixture',
    name: 'Fictional Valley Partnership',
    created: 1767225600000,
    modified: 1767225600000,
    members: [
      member('m1', 'Casa Segura', 'victim_services', 'committed', 'hola@casa.example'),
      member('m2', 'Example County Sheriff', 'law_enforcement', 'mou_signed', 'info@sheriff.example'),
      member('m3', 'Policía de Valle', 'health_care', 'identified', '', '=cmd|\' /C calc\'!A0'),
    ],
    goals: [
      { id: 'g1', modified: 1767225600000, title: 'Train 200 hotel staff', specific: true, measurable: true, achievable: true, relevant: true, time_bound: true },
      { id: 'g2', modified: 1767225600000, title: 'Open a hotline', specific: false, measurable: false, achievable: false, relevant: false, time_bound: false },
    ],
    actions: [
      action('a1', 'Book the training venue', 'g1', 'm1', '2026-03-01', 'in_progress', 'training'),
      action('a2', 'Print awareness flyers', 'g2', null, '2026-03-20', 'not_started', 'awareness_event'),
      action('a3', 'Draft the referral protocol', 'g1', 'm2', '2026-02-01', 'in_review'),
      action('a4', 'Hold the first training', 'g1', 'm1', '2025-06-01', 'done', 'training'),
      action('a5', 'Community awareness night', 'g2', null, '2025-09-15', 'done', 'awareness_event'),
      action('a6', 'Second training', 'g1', 'm1', '2025-10-01', 'done', 'training'),
    ],
    funding: [
      { id: 'f1', modified: 1767225600000, name: 'State grant', kind: 'state', amount: 50000, status: 'applied', deadline: '2026-04-15', fiscal_agent: null },
      { id: 'f2', modified: 1767225600000, name: 'Valley Foundation', kind: 'foundation', amount: 20000, status: 'committed', deadline: null, fiscal_agent: null },
    ],
    meetings: [
      meeting('mt1', 'Kick-off', '2025-02-01', '', 'Town hall', ['m1', 'm2', 'm3']),
      meeting('mt2', 'Autumn meeting', '2025-10-20', '', 'Clinic', ['m1', 'm3']),
      meeting('mt3', 'Spring partners meeting', '2026-03-10', '14:30', 'https://meet.example.org/abc', ['m1', 'm2'], 'Adopt the MOU'),
      meeting('mt4', 'Winter partners meeting', '2099-12-01', '', '', []),
    ],
  },
};

const pickPlan = (page, buffer) => page.getByLabel('Import plan', { exact: true })
  .setInputFiles({ name: 'plan.json', mimeType: 'application/json', buffer });

/** Opens the fixture as a new plan, through the toolbar's import as a user would. */
async function openFixture(page, file = FIXTURE) {
  await pickPlan(page, Buffer.from(JSON.stringify(file)));
  await page.getByRole('region', { name: 'Open this plan?' }).getByRole('button', { name: 'Open as a new plan' }).click();
  await page.getByRole('status').filter({ hasText: 'as a new plan' }).waitFor();
  await waitSaved(page);
}

const go = (page, hash, title) => page.evaluate((h) => { location.hash = h; }, hash)
  .then(() => page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor());

const storedPlan = async (page) => JSON.parse(await storageItem(page, await openPlanKey(page))).plan;

async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: file.suggestedFilename(), text: await readDownload(file) };
}

test('a meeting is run from its agenda, and its minutes add an action item to Partnership management', async () => {
  const context = await app.context();
  const page = await app.open(context);
  await openFixture(page);
  await go(page, '#/meetings', 'Meetings');
  await page.getByLabel('Meeting', { exact: true }).selectOption({ label: 'Spring partners meeting, 10 March 2026' });
  const agenda = page.getByRole('article', { name: 'Agenda: Spring partners meeting, 10 March 2026' });
  await agenda.waitFor();
  const text = await agenda.textContent();
  // The link is shown as plain text, never as a link the app would open.
  assert.match(text, /Place or linkhttps:\/\/meet\.example\.org\/abc/);
  assert.equal(await agenda.getByRole('link').count(), 0);
  assert.match(text, /AttendeesCasa Segura, Example County Sheriff/);
  const list = (name) => agenda.getByRole('heading', { name, exact: true }).locator('xpath=following-sibling::ul[1]');
  assert.match(await list('Overdue action items').textContent(), /Book the training venue \(Casa Segura\), due 2026-03-01/);
  assert.match(await list('Action items due soon').textContent(), /Print awareness flyers, due 2026-03-20/);
  assert.match(await list('Action items in review').textContent(), /Draft the referral protocol/);
  assert.match(await list('Upcoming funding deadlines').textContent(), /State grant, deadline 2026-04-15/);
  assert.match(await list('Open goals').textContent(), /Train 200 hotel staff \(2 of 4 action items open\)\s*Open a hotline \(1 of 2 action items open\)/);
  assert.match(text, /Decided at the previous meeting \(Autumn meeting, 20 October 2025\)No decisions recorded\./);

  // Open → in review → done.
  await agenda.getByRole('button', { name: 'Send to review: Book the training venue (Casa Segura), due 2026-03-01' }).click();
  await list('Action items in review').filter({ hasText: 'Book the training venue' }).waitFor();
  await agenda.getByRole('heading', { name: 'Overdue action items' }).waitFor({ state: 'detached' });

  // Minutes: a new action item with owner, due date and goal.
  const minutes = page.getByRole('article', { name: 'Minutes: Spring partners meeting, 10 March 2026' });
  assert.match(await minutes.textContent(), /PresentCasa Segura, Example County SheriffDecisionsAdopt the MOU/);
  await minutes.getByLabel('What needs to be done').fill('Send the MOU to every member');
  await minutes.getByLabel('Owner').selectOption({ label: 'Example County Sheriff' });
  await minutes.getByLabel('Due date').fill('2026-04-01');
  await minutes.getByLabel('For goal').selectOption({ label: 'Open a hotline' });
  await minutes.getByRole('button', { name: 'Add to action items' }).click();
  await minutes.getByRole('status').filter({ hasText: 'Added “Send the MOU to every member” to the action items in Partnership management.' }).waitFor();
  await minutes.locator('.minutes-actions').filter({ hasText: 'Send the MOU to every member (Example County Sheriff), due 2026-04-01' }).waitFor();
  assert.equal(await minutes.getByLabel('What needs to be done').inputValue(), '');
  // An empty one is refused with a reason.
  await minutes.getByRole('button', { name: 'Add to action items' }).click();
  await minutes.getByRole('status').filter({ hasText: 'Not added: Say what needs to be done.' }).waitFor();

  // The next meeting shows what was decided at this one, and what was done since.
  await page.getByLabel('Meeting', { exact: true }).selectOption({ label: 'Winter partners meeting, 1 December 2099' });
  const winter = page.getByRole('article', { name: 'Agenda: Winter partners meeting, 1 December 2099' });
  await winter.getByRole('button', { name: /^Mark done: Draft the referral protocol/ }).click();
  await winter.getByRole('heading', { name: 'Done since the previous meeting' }).locator('xpath=following-sibling::ul[1]')
    .filter({ hasText: 'Draft the referral protocol' }).waitFor();
  const winterText = await winter.textContent();
  assert.match(winterText, /Decided at the previous meeting \(Spring partners meeting, 10 March 2026\)Adopt the MOUAction items it created:Send the MOU to every member/);
  assert.match(winterText, /Done since the previous meeting.*Draft the referral protocol/);

  // The new item is in Partnership management's action items, with its owner, date and goal.
  await waitSaved(page);
  await page.getByRole('link', { name: 'Partnership management', exact: true }).click();
  // Lists are tables: a row opens its item's form.
  await page.getByRole('button', { name: 'Send the MOU to every member', exact: true }).click();
  const item = page.getByRole('region', { name: /^Send the MOU to every member/ });
  await item.waitFor();
  assert.equal(await item.getByLabel('Due date').inputValue(), '2026-04-01');
  assert.equal(await item.getByLabel('Status').locator('option:checked').textContent(), 'Not started');
  await page.getByRole('button', { name: 'Book the training venue', exact: true }).click();
  const reviewed = page.getByRole('region', { name: /^Book the training venue/ });
  assert.equal(await reviewed.getByLabel('Status').locator('option:checked').textContent(), 'In review');
  const stored = await storedPlan(page);
  const added = stored.actions.find((a) => a.what === 'Send the MOU to every member');
  assert.deepEqual([added.owner, added.goal, added.due, added.meeting], ['m2', 'g2', '2026-04-01', 'mt3']);
  assert.equal(stored.actions.find((a) => a.id === 'a3').status, 'done');

  // Printing the agenda hides the app around it and the minutes.
  await go(page, '#/meetings', 'Meetings');
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => document.documentElement.setAttribute('data-print', 'agenda'));
  assert.equal(await page.locator('.agenda-part').isVisible(), true);
  assert.equal(await page.locator('.minutes-part').isVisible(), false);
  assert.equal(await page.getByRole('navigation', { name: 'Sections' }).isVisible(), false);
  await page.evaluate(() => document.documentElement.setAttribute('data-print', 'minutes'));
  assert.equal(await page.locator('.agenda-part').isVisible(), false);
  assert.equal(await page.locator('.minutes-part').isVisible(), true);
  assert.equal(await page.locator('.minutes-form').isVisible(), false);
  await page.emulateMedia({ media: 'screen' });
  assertNoErrors(page);
  await context.close();
});

/** ical.js's reading of a file, as `{uid: event}`. */
function events(text) {
  const cal = new ICAL.Component(ICAL.parse(text));
  return Object.fromEntries(cal.getAllSubcomponents('vevent').map((v) => [v.getFirstPropertyValue('uid'), new ICAL.Event(v)]));
}

test('"Add deadlines to a calendar" downloads an RFC 5545 file with stable UIDs, and neutral titles on request', async () => {
  const context = await app.context();
  const page = await app.open(context);
  await openFixture(page);
  await go(page, '#/meetings', 'Meetings');
  const button = page.getByRole('button', { name: 'Add deadlines to a calendar' });
  const first = await download(page, button);
  assert.match(first.name, /^fictional-valley-partnership-\d{4}-\d\d-\d\d-\d{4}-calendar\.ics$/);
  const text = first.text;
  assert.doesNotMatch(text.replace(/\r\n/g, ''), /[\r\n]/, 'every line ends in CRLF');
  for (const line of text.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, `folded at 75 octets: ${line}`);
  assert.match(text, /\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/);
  const one = events(text);
  // 4 meetings, 3 open action items with due dates, 1 funding deadline still sought.
  assert.equal(Object.keys(one).length, 8);
  const spring = one['meeting-mt3@plan-meetings-fixture.partnership-planner'];
  assert.equal(spring.summary, 'Spring partners meeting');
  assert.equal(spring.location, 'https://meet.example.org/abc');
  assert.equal(spring.startDate.isDate, false);
  assert.equal(spring.startDate.toString(), '2026-03-10T14:30:00');
  const venue = one['action-a1@plan-meetings-fixture.partnership-planner'];
  assert.equal(venue.summary, 'Book the training venue');
  assert.equal(venue.startDate.isDate, true);
  assert.equal(venue.startDate.toString(), '2026-03-01');
  assert.equal(venue.description, 'Owner: Casa Segura');
  assert.ok(one['funding-f1@plan-meetings-fixture.partnership-planner']);

  // A second export has the same UIDs, so a calendar updates its events rather than adding copies.
  const two = events((await download(page, button)).text);
  assert.deepEqual(Object.keys(two).sort(), Object.keys(one).sort());

  await page.getByLabel('Use neutral titles').check();
  const neutral = (await download(page, button)).text;
  const three = events(neutral);
  assert.deepEqual(Object.keys(three).sort(), Object.keys(one).sort());
  for (const e of Object.values(three)) assert.ok(['Partnership task', 'Partnership meeting'].includes(e.summary), e.summary);
  for (const word of ['Casa', 'training', 'meet.example', 'State grant', 'Fictional Valley']) assert.doesNotMatch(neutral, new RegExp(word));
  assertNoErrors(page);
  await context.close();
});

test('members and action items export as CSV with a BOM, the app\'s labels, accents intact and formulas neutralised', async () => {
  const context = await app.context();
  const page = await app.open(context);
  await openFixture(page);
  await go(page, '#/membership', 'Membership');
  const members = await download(page, page.getByRole('button', { name: 'Export members (CSV)' }));
  assert.match(members.name, /-members\.csv$/);
  assert.ok(members.text.startsWith('\uFEFF'), 'UTF-8 byte order mark');
  const rows = parseCsv(members.text, { bom: true });
  assert.deepEqual(rows[0], ['Organization name', 'Sector', 'Status', 'Contact person', 'Email', 'Phone', 'Ps it serves', 'What it brings', 'What it needs']);
  assert.equal(rows[3][0], 'Policía de Valle');
  assert.equal(rows[3][3], '\'=cmd|\' /C calc\'!A0', 'a formula starts with a quote');
  assert.equal(rows[2][1], 'Law enforcement (police, sheriff, state patrol)');
  for (const row of rows) for (const cell of row) assert.doesNotMatch(cell, /^[=+\-@\t\r]/);

  await go(page, '#/management', 'Partnership management');
  const actions = await download(page, page.getByRole('button', { name: 'Export action items (CSV)' }));
  assert.ok(actions.text.startsWith('\uFEFF'));
  const arows = parseCsv(actions.text, { bom: true });
  assert.deepEqual(arows[0].slice(0, 7), ['What needs to be done', 'For goal', 'Part of strategy', 'Owner organization', 'Owner (person)', 'Due date', 'Status']);
  assert.deepEqual(arows[3].slice(0, 7), ['Draft the referral protocol', 'Train 200 hotel staff', '', 'Example County Sheriff', '', '2026-02-01', 'In review']);
  assert.equal(arows.length, 7);
  assertNoErrors(page);
  await context.close();
});

/** 40 rows, semicolon separated, another column order, with a BOM; rows 12 and 30 repeat
 * members already in the plan (by name in other case and accents, and by email). */
function roster() {
  const lines = ['E-mail;Organisation;Sector;Status'];
  for (let i = 1; i <= 40; i += 1) {
    if (i === 11) lines.push(';POLICIA DE VALLE;Health care provider;Invited');
    else if (i === 29) lines.push('INFO@sheriff.example;County Sheriff Office;law enforcement;Committed');
    else lines.push(`org${i}@example.org;"Member ${i}; Ltd";Direct victim services;Invited`);
  }
  return Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n');
}

const pickSheet = (page, name, buffer) => page.getByLabel('Import members from a spreadsheet')
  .setInputFiles({ name, mimeType: 'text/csv', buffer });

test('a spreadsheet of 40 members imports with its two duplicates flagged, and the import can be undone', async () => {
  const context = await app.context();
  const page = await app.open(context);
  await openFixture(page);
  await go(page, '#/membership', 'Membership');
  const before = await storedPlan(page);

  // A binary file renamed .csv is refused with a reason; nothing changes.
  await pickSheet(page, 'photo.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
  await page.getByRole('alert').filter({ hasText: 'photo.csv: This file is not a spreadsheet saved as CSV: it holds binary data.' }).waitFor();
  // So is a file far too large, from its size alone.
  await pickSheet(page, 'huge.csv', Buffer.alloc(3 * 1024 * 1024, 'a'));
  await page.getByRole('alert').filter({ hasText: /huge\.csv: This file is 3\.0 MB; a roster file can be at most 2 MB/ }).waitFor();
  assert.deepEqual((await storedPlan(page)).members, before.members);

  await pickSheet(page, 'roster.csv', roster());
  const preview = page.getByRole('region', { name: 'Preview of roster.csv' });
  await preview.waitFor();
  // Columns in another order are mapped by their headings.
  assert.equal(await preview.getByLabel('Column “E-mail”').locator('option:checked').textContent(), 'Email');
  assert.equal(await preview.getByLabel('Column “Organisation”').locator('option:checked').textContent(), 'Organization name');
  await preview.getByRole('status').filter({ hasText: '40 rows: 38 ready to add, 2 look like duplicates, 0 with problems.' }).waitFor();
  const dupes = preview.locator('tr.row-duplicate');
  assert.equal(await dupes.count(), 2);
  assert.match(await dupes.nth(0).textContent(), /POLICIA DE VALLE.*Looks like a duplicate of Policía de Valle \(already a member\)/);
  assert.match(await dupes.nth(1).textContent(), /County Sheriff Office.*Looks like a duplicate of Example County Sheriff \(already a member\)/);
  assert.equal(await preview.getByRole('checkbox', { name: 'Add row 12: POLICIA DE VALLE' }).isChecked(), false);
  assert.equal(await preview.getByRole('checkbox', { name: 'Add row 2: Member 1; Ltd' }).isChecked(), true);
  // Nothing is added before the user confirms.
  assert.equal((await storedPlan(page)).members.length, 3);
  await preview.getByRole('button', { name: 'Add 38 member organizations' }).click();
  await page.getByRole('status').filter({ hasText: 'Added 38 member organizations to the roster.' }).waitFor();
  await waitSaved(page);
  let stored = await storedPlan(page);
  assert.equal(stored.members.length, 41);
  const m5 = stored.members.find((m) => m.name === 'Member 5; Ltd');
  assert.deepEqual([m5.email, m5.sector, m5.status], ['org5@example.org', 'victim_services', 'invited']);
  assert.equal(await page.getByRole('status').filter({ hasText: 'Showing 25 of 41 member organizations.' }).count(), 1);

  await page.getByRole('button', { name: 'Undo import' }).click();
  await page.getByRole('status').filter({ hasText: 'Took the 38 imported member organizations out again.' }).waitFor();
  await waitSaved(page);
  stored = await storedPlan(page);
  assert.deepEqual(stored.members, before.members);
  assertNoErrors(page);
  await context.close();
});

test('the yearly report\'s figures match a hand count of the fixture plan', async () => {
  const context = await app.context();
  const page = await app.open(context);
  await openFixture(page);
  await go(page, '#/report', 'Yearly report');
  await page.getByLabel('From', { exact: true }).fill('2025-01-01');
  await page.getByLabel('To', { exact: true }).fill('2025-12-31');
  const report = page.getByRole('article', { name: 'Fictional Valley Partnership: report for 2025-01-01 to 2025-12-31' });
  await report.waitFor();
  const text = await report.textContent();
  assert.match(text, /holds no survivor or client data/);
  // Kick-off (3 present) and Autumn meeting (2): 5 attendances by Casa Segura, the Sheriff and Policía de Valle.
  assert.match(text, /2 meetings held; 5 attendances by 3 member organizations\./);
  const table = (caption) => report.getByRole('table', { name: caption });
  const cells = async (caption) => (await table(caption).locator('tbody tr').allTextContents());
  assert.deepEqual(await cells('Meetings held'), ['Kick-off, 1 February 20251 February 20253', 'Autumn meeting, 20 October 202520 October 20252']);
  assert.match(text, /3 member organizations\./);
  assert.deepEqual(await cells('Members by sector'), ['Law enforcement (police, sheriff, state patrol)1', 'Direct victim services1', 'Health care provider1']);
  assert.deepEqual(await cells('Members by status'), ['Identified1', 'Committed1', 'MOU signed1']);
  // g1: a4, a6 done; a1, a3 open and overdue. g2: a5 done; a2 open and overdue.
  assert.deepEqual(await cells('Goals and their action items'), ['Train 200 hotel staff222', 'Open a hotline111']);
  // Done in 2025 and tagged: a4, a6 (training), a5 (awareness event).
  assert.deepEqual(await cells('Tagged action items done in this period'), ['Training2', 'Awareness event1']);
  assert.deepEqual(await cells('Tagged action items still open'), ['Training1', 'Awareness event1']);
  assert.match(text, /Committed or received: \$20,000\. Sought \(planned or applied for\): \$50,000\./);
  assert.match(text, /The health self-check has not been scored\./);

  // The narrative is kept in the plan.
  await page.getByLabel('Highlights of the year').fill('Two trainings and a first awareness night.');
  await waitSaved(page);
  assert.equal((await storedPlan(page)).answers['management.report.highlights'].text, 'Two trainings and a first awareness night.');
  // A period that ends before it starts is named, not counted.
  await page.getByLabel('To', { exact: true }).fill('2024-12-31');
  await page.getByRole('status').filter({ hasText: 'The period ends before it starts.' }).waitFor();
  assertNoErrors(page);
  await context.close();
});

test('meetings, minutes, tags and the report\'s narrative survive export and import on another profile', async () => {
  const first = await app.context();
  const page = await app.open(first);
  await openFixture(page);
  await go(page, '#/report', 'Yearly report');
  await page.getByLabel('Plans for next year').fill('A hotline by June.');
  await go(page, '#/meetings', 'Meetings');
  const minutes = page.getByRole('article', { name: /^Minutes: / });
  await minutes.getByLabel('What needs to be done').fill('Book the winter venue');
  await minutes.getByRole('button', { name: 'Add to action items' }).click();
  await waitSaved(page);
  const original = await storedPlan(page);
  const exported = await download(page, page.getByRole('button', { name: 'Export plan' }));
  await first.close();

  const second = await app.context();
  const fresh = await app.open(second);
  await pickPlan(fresh, Buffer.from(exported.text));
  await fresh.getByRole('region', { name: 'Open this plan?' }).getByRole('button', { name: 'Open as a new plan' }).click();
  await fresh.getByRole('status').filter({ hasText: 'as a new plan' }).waitFor();
  await waitSaved(fresh);
  const imported = await storedPlan(fresh);
  // The opened copy notes the export it took in; everything else is identical.
  assert.deepEqual(imported.taken_in, [imported.export_id]);
  for (const copy of [imported, original]) for (const key of ['export_id', 'taken_in']) delete copy[key];
  assert.deepEqual(imported, original);
  assert.equal(imported.meetings.length, 4);
  assert.equal(imported.actions.find((a) => a.what === 'Book the winter venue').meeting, 'mt4');
  await go(fresh, '#/report', 'Yearly report');
  assert.equal(await fresh.getByLabel('Plans for next year').inputValue(), 'A hotline by June.');
  assertNoErrors(fresh);
  await second.close();
});

test('#/meetings and #/report pass axe at 1280 and 320 px, with the import preview open', async () => {
  const failures = [];
  for (const width of [1280, 320]) {
    const context = await app.context({ viewport: { width, height: 900 } });
    const page = await app.open(context);
    await openFixture(page);
    for (const [hash, title] of [['#/meetings', 'Meetings'], ['#/report', 'Yearly report']]) {
      await go(page, hash, title);
      const v = await runAxe(page);
      if (v.length) failures.push(summarize(v, `${width}px ${hash}`));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 1, `${hash} fits ${width} px (overflow ${overflow})`);
    }
    await go(page, '#/membership', 'Membership');
    await pickSheet(page, 'roster.csv', roster());
    await page.getByRole('region', { name: 'Preview of roster.csv' }).waitFor();
    const v = await runAxe(page);
    if (v.length) failures.push(summarize(v, `${width}px import preview`));
    assertNoErrors(page);
    await context.close();
  }
  assert.equal(failures.length, 0, failures.join('\n'));
});
