// The check before export (issue 19, review finding M3): personal details of every kind are
// flagged with the field they are in, in answers, list items and resource links; a plan of
// ordinary text (tests/fixtures/pii/ordinary.txt) exports without a warning; the warning
// never blocks ("Export anyway").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { useApp, waitSaved, assertNoErrors } from './helpers.mjs';

const app = useApp();
const nav = (page) => page.getByRole('navigation', { name: 'Sections' });

async function answer(page, section, label, text) {
  await nav(page).getByRole('link', { name: section, exact: true }).click();
  await page.getByLabel(label, { exact: true }).fill(text);
}

async function addResource(page, fields) {
  await page.getByRole('link', { name: 'Resources', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Resources' }).waitFor();
  await page.getByRole('button', { name: 'Add resource' }).click();
  const item = page.getByRole('region', { name: 'Untitled resource' });
  await item.getByLabel('Title', { exact: true }).fill(fields.title);
  const region = page.getByRole('region', { name: fields.title });
  await region.getByLabel('Link', { exact: true }).fill(fields.link);
  if (fields.note) await region.getByLabel('Note', { exact: true }).fill(fields.note);
}

const check = (page) => page.getByRole('region', { name: 'Check before you export' });

test('every kind of personal detail is named with its field, and export is still possible', async () => {
  const context = await app.context();
  const page = await app.open(context, '#/define');
  // One sample of each kind from tests/fixtures/pii/caught.txt, each in a field of its own.
  const samples = [
    ['Define your partnership', 'What is your mission?', 'SSN 123-45-6789', 'a social security number'],
    ['Define your partnership', 'What is your vision?', 'file A-123-456-789', 'an A-number (immigration file number)'],
    ['Define your partnership', 'How do you define your partnership?', 'born 03/04/2009', 'a birth date'],
    ['Survivor engagement', 'How will survivor experts be paid?', 'first met on 03/04/2026',
      'a date (may be a birth date)'],
    ['Membership', 'How will you determine membership within your partnership?', 'Maria, 16, was placed with her aunt',
      'an age next to a name'],
    ['Leadership structure', 'What is a quorum, and who has a vote?', 'lives at 123 Main St', 'a street address'],
    ['Partnership management', 'What will you evaluate, and why?', 'Case #2024-1234', 'a case number'],
    ['Funding', "How will you fund your partnership's work?", 'reach her at maria at gmail dot com',
      'an email address written out'],
    ['Trust and sustainability', 'How will you build trust?', 'her cell is 720 - 555 - 0134', 'a phone number'],
  ];
  for (const [section, label, text] of samples) await answer(page, section, label, text);
  await nav(page).getByRole('link', { name: 'Membership', exact: true }).click();
  await page.getByRole('button', { name: 'Add member organization' }).click();
  const member = page.getByRole('region', { name: 'Unnamed organization' });
  await member.getByLabel('What it brings').fill('call 555-0134 tonight');
  await member.getByLabel('Email (optional)').fill('office@shelter.example.org');
  await addResource(page, { title: 'Her email', link: 'mailto:maria.r@gmail.com', note: 'Write to maria.r@example.org' });
  await waitSaved(page);

  await page.getByRole('button', { name: 'Export plan' }).click();
  await check(page).waitFor();
  const rows = await check(page).getByRole('listitem').allTextContents();
  const expected = [
    ...samples.map(([section, label, , kind]) => `${section} › ${label}: ${kind}`),
    'Member organizations 1 › What it brings: a phone number',
    'Your resources 1 › Link: an email link (mailto:)',
    'Your resources 1 › Note: an email address',
  ];
  assert.deepEqual([...rows].sort(), [...expected].sort());
  assert.match(await check(page).textContent(), /guess from patterns: it also flags public numbers such as hotlines/);

  // The warning never blocks.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    check(page).getByRole('button', { name: 'Export anyway' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /\.json$/);
  assert.equal(await check(page).count(), 0);
  assertNoErrors(page);
  await context.close();
});

test('a plan full of ordinary text exports with no warning', async () => {
  const ordinary = readFileSync(resolve(import.meta.dirname, '../fixtures/pii/ordinary.txt'), 'utf8')
    .split('\n').filter((l) => l.trim() && !l.startsWith('#'));
  const links = ordinary.filter((l) => l.startsWith('link: ')).map((l) => l.slice(6));
  const texts = ordinary.filter((l) => !l.startsWith('link: '));
  assert.ok(texts.length > 40 && links.length > 3, 'the corpus is there');
  const fields = [
    ['Define your partnership', 'What is your mission?'],
    ['Define your partnership', 'What is your vision?'],
    ['Membership', 'How will you determine membership within your partnership?'],
    ['Leadership structure', 'What is a quorum, and who has a vote?'],
    ['Partnership management', 'What will you evaluate, and why?'],
    ['Funding', "How will you fund your partnership's work?"],
    ['Trust and sustainability', 'How will you build trust?'],
  ];
  const context = await app.context();
  const page = await app.open(context, '#/define');
  // Every line lands in some field, a few lines per field, one line to a paragraph.
  for (const [i, [section, label]] of fields.entries()) {
    const part = texts.filter((_, j) => j % fields.length === i);
    await answer(page, section, label, part.join('\n'));
  }
  for (const [i, link] of links.entries()) {
    await addResource(page, { title: `Reading ${i + 1}`, link, note: texts[i] });
  }
  await waitSaved(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export plan' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /\.json$/);
  assert.equal(await check(page).count(), 0, 'no warning');
  assertNoErrors(page);
  await context.close();
});
