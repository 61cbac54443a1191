// Asking every member (issue #21): a self-assessment round by invitation and response files,
// each member in a browser profile of their own, the coordinator counting the real downloaded
// files; meeting mode on one laptop; round against round; axe at 1280 and 320 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useApp, assertNoErrors, readDownload, storageSnapshot, storageItem, openPlanKey,
} from './helpers.mjs';
import { runAxe } from './axe.mjs';

const app = useApp();

const ROUND = 'Spring 2027 check-in';
const S_HISTORY = 'Organizations here have worked together well before.';
const S_RESPECT = 'Members respect and trust one another.';
const S_OWN = 'We follow up on referrals between members.';
const S_OFF = 'Our leaders are skilled at bringing people together.';

/** What each of the nine members answers; every other statement is answered 4. */
const ANSWERS = [
  { [S_HISTORY]: 5, [S_RESPECT]: 2, [S_OWN]: 3 },
  { [S_HISTORY]: 4, [S_RESPECT]: 4, [S_OWN]: 3 },
  { [S_HISTORY]: 4, [S_RESPECT]: 5, [S_OWN]: 3 },
  { [S_HISTORY]: 4, [S_RESPECT]: 1, [S_OWN]: 3 },
  { [S_HISTORY]: 3, [S_RESPECT]: 4, [S_OWN]: 3 },
  { [S_HISTORY]: 4, [S_RESPECT]: 4, [S_OWN]: 3 },
  { [S_HISTORY]: 5, [S_RESPECT]: 2, [S_OWN]: 3 },
  { [S_HISTORY]: 4, [S_RESPECT]: 5, [S_OWN]: 3 },
  { [S_HISTORY]: 4, [S_RESPECT]: 3, [S_OWN]: 3 },
];
const LABELS = ['1 Strongly disagree', '2 Disagree', '3 Neutral', '4 Agree', '5 Strongly agree'];

async function download(page, button) {
  const [d] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: d.suggestedFilename(), text: await readDownload(d) };
}

const asFile = ({ name, text }) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

/** Scores every statement of the form: `answers[statement]`, or `fallback`. */
async function answerAll(scope, answers, fallback = 4) {
  const groups = scope.getByRole('group');
  const n = await groups.count();
  for (let i = 0; i < n; i += 1) {
    const group = groups.nth(i);
    const legend = (await group.locator('legend').textContent()).trim();
    const value = answers[legend] ?? fallback;
    await group.getByLabel(LABELS[value - 1], { exact: true }).check();
  }
  return n;
}

async function axeAt(page, what) {
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 800 });
    const violations = await runAxe(page);
    assert.deepEqual(violations.map((v) => `${v.rule}: ${v.nodes.map((x) => x.summary).join(' | ')}`), [], `axe on ${what} at ${width} px`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    assert.equal(overflow, false, `no sideways scrolling on ${what} at ${width} px`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** Creates a round on the coordinator's page (reached from Trust and sustainability). */
async function createRound(page, { name, minimum, invited, off = [], own = [], comments = false }) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Trust and sustainability' }).click();
  await page.getByRole('link', { name: 'Ask every member' }).click();
  await page.getByRole('heading', { level: 1, name: 'Ask every member' }).waitFor();
  await page.getByLabel('Round name').fill(name);
  if (minimum) await page.getByLabel('Show results from this many responses').fill(String(minimum));
  if (invited) await page.getByLabel('Members invited').fill(String(invited));
  for (const text of off) await page.getByLabel(new RegExp(`: ${text.replace('.', '\\.')}$`)).uncheck();
  for (const [i, text] of own.entries()) await page.getByLabel(`Your own statement ${i + 1}`).fill(text);
  if (comments) await page.getByLabel(/^Ask for comments/).check();
  await page.getByRole('button', { name: 'Create round' }).click();
  await page.getByRole('heading', { level: 2, name }).waitFor();
}

/** A member on their own device: opens the invitation, answers, exports a response file. */
async function respond(context, invitation, answers, { drop = false } = {}) {
  const page = await app.open(context);
  const before = await storageSnapshot(page);
  if (drop) {
    await page.evaluate((t) => {
      const data = new DataTransfer();
      data.items.add(new File([t], 'invitation.json', { type: 'application/json' }));
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, invitation.text);
  } else {
    await page.getByRole('navigation', { name: 'Plan documents' }).getByRole('link', { name: 'Your plans' }).click();
    await page.getByRole('link', { name: 'Answer a self-assessment' }).click();
    await page.getByLabel('Open invitation file').setInputFiles(asFile(invitation));
  }
  await page.getByRole('heading', { level: 1, name: 'Answer a self-assessment' }).waitFor();
  await page.getByRole('heading', { level: 2, name: invitation.round }).waitFor();
  const form = page.locator('form.assess-form');
  await answerAll(form, answers);
  const file = await download(page, page.getByRole('button', { name: 'Export response file' }));
  await page.getByRole('status').filter({ hasText: `Response file saved: ${file.name}` }).waitFor();
  assert.deepEqual(await storageSnapshot(page), before, 'the member\'s device storage is untouched');
  assertNoErrors(page);
  return { page, file };
}

const statement = (page, text) => page.locator('li.assess-statement').filter({ has: page.getByText(text, { exact: true }) });

test('nine members answer by file; the coordinator counts each once and sees the hand-counted totals', async () => {
  const cc = await app.context();
  const coord = await app.open(cc, '#/define');
  await coord.getByLabel('Partnership name').fill('Front Range Partnership');
  await createRound(coord, { name: ROUND, invited: 14, off: [S_OFF], own: [S_OWN] });
  const status = coord.locator('.assess-count');
  assert.equal(await status.textContent(), '0 responses (of 14 invited)');
  const inv = await download(coord, coord.getByRole('button', { name: 'Export invitation file' }));
  assert.match(inv.name, /^self-assessment-invitation-spring-2027-check-in\.json$/);
  const invitation = { ...inv, round: ROUND };
  const body = JSON.parse(inv.text);
  assert.equal(body.format, 'partnership-self-assessment-invitation');
  assert.equal(body.body.statements.length, 12, '11 of the self-check, 1 own');
  assert.equal(body.body.minimum, 5);

  // Another partnership's round, to send one response to the wrong coordinator.
  const oc = await app.context();
  const other = await app.open(oc);
  await createRound(other, { name: 'Autumn review' });
  const otherInv = { ...(await download(other, other.getByRole('button', { name: 'Export invitation file' }))), round: 'Autumn review' };

  const responses = [];
  for (const [i, answers] of ANSWERS.entries()) {
    const context = await app.context();
    const { page, file } = await respond(context, invitation, answers, { drop: i === 0 });
    if (i === 0) await axeAt(page, 'Answer a self-assessment');
    const json = JSON.parse(file.text);
    assert.equal(json.format, 'partnership-self-assessment-response');
    assert.deepEqual(Object.keys(json.body).sort(), ['answers', 'comment', 'response_id', 'round_id']);
    assert.doesNotMatch(file.text, /Front Range|device/);
    responses.push(file);
    await context.close();
  }
  const strayContext = await app.context();
  const stray = (await respond(strayContext, otherInv, {})).file;
  await strayContext.close();

  // Four responses: nothing shown.
  const add = (files) => coord.getByLabel('Add response files').setInputFiles(files.map(asFile));
  await add(responses.slice(0, 4));
  await coord.locator('.assess-count').filter({ hasText: '4 responses (of 14 invited)' }).waitFor();
  const main = coord.getByRole('main');
  assert.match(await main.textContent(), /Results are hidden until 5 responses are in/);
  assert.doesNotMatch(await main.textContent(), /Median|average \d/);
  assert.equal(await coord.locator('li.assess-statement').count(), 0);

  // The rest in one batch, with a duplicate, another round's response and a damaged file.
  const damaged = { name: 'damaged.json', text: responses[5].text.slice(0, 60) };
  const duplicate = { name: 'again.json', text: responses[1].text };
  await add([...responses.slice(4), duplicate, { name: 'stray.json', text: stray.text }, damaged]);
  await coord.locator('.assess-count').filter({ hasText: '9 responses (of 14 invited)' }).waitFor();
  const files = coord.locator('ul.assess-files');
  assert.match(await files.textContent(), /again\.json: Not counted again: this response was counted already\./);
  assert.match(await files.textContent(), /stray\.json: Not counted: this response is for another self-assessment round, not “Spring 2027 check-in”\./);
  assert.match(await files.textContent(), /damaged\.json: This is not a self-assessment file, or it was cut short/);
  assert.equal(await coord.getByRole('heading', { name: 'Files added: 5 counted' }).count(), 1);

  // Hand count. History: 5,4,4,4,3,4,5,4,4 → one 3, six 4s, two 5s; median 4; no Discuss.
  const history = statement(coord, S_HISTORY);
  assert.equal(await history.locator('.assess-counts').textContent(),
    '1 Strongly disagree: 0; 2 Disagree: 0; 3 Neutral: 1; 4 Agree: 6; 5 Strongly agree: 2');
  assert.match(await history.textContent(), /Median 4 \(9 answered\)/);
  assert.equal(await history.getByText('Discuss').count(), 0);
  // Respect: 2,4,5,1,4,4,2,5,3 → 1,2,2,3,4,4,4,5,5: median 4, both sides of neutral: Discuss.
  const respect = statement(coord, S_RESPECT);
  assert.equal(await respect.locator('.assess-counts').textContent(),
    '1 Strongly disagree: 1; 2 Disagree: 2; 3 Neutral: 1; 4 Agree: 3; 5 Strongly agree: 2');
  assert.match(await respect.textContent(), /Median 4 \(9 answered\)/);
  await respect.getByText('Discuss', { exact: true }).waitFor();
  assert.equal(await respect.getByRole('img').getAttribute('aria-label'),
    'Answers: 1 Strongly disagree: 1, 2 Disagree: 2, 3 Neutral: 1, 4 Agree: 3, 5 Strongly agree: 2');
  const own = statement(coord, S_OWN);
  assert.match(await own.textContent(), /3 Neutral: 9;.*Median 3 \(9 answered\)/);
  assert.equal(await statement(coord, S_OFF).count(), 0, 'a statement switched off is not asked');
  // Categories: Environment (37 + 36) / 18 = 4.06; Membership (30 + 36) / 18 = 3.67.
  assert.match(await main.textContent(), /Environment: average 4\.1 of 5, a strength\./);
  assert.match(await main.textContent(), /Membership: average 3\.7 of 5, borderline\./);
  assert.match(await main.textContent(), /you see who emailed each one/);
  await axeAt(coord, 'the round with results');

  // The plan keeps the aggregate only; the Trust section and the printable plan show it.
  const plan = JSON.parse(await storageItem(coord, await openPlanKey(coord))).plan;
  assert.equal(plan.assessments[0].counted.length, 9);
  assert.doesNotMatch(JSON.stringify(plan.assessments), /answers|response_id/);
  await coord.getByRole('link', { name: 'Back to Trust and sustainability' }).click();
  const members = coord.getByRole('region', { name: 'Every member\'s view' });
  assert.match(await members.textContent(), /Spring 2027 check-in \(9 responses\)/);
  assert.match(await members.textContent(), /Discuss: .*Members respect and trust one another\./);
  await coord.getByRole('navigation', { name: 'Plan documents' }).getByRole('link', { name: 'Printable plan' }).click();
  await coord.getByRole('heading', { level: 1, name: 'Printable plan' }).waitFor();
  assert.match(await coord.getByRole('main').textContent(), /Every member's self-assessment.*Spring 2027 check-in \(9 responses\)/s);
  assertNoErrors(coord);
  await cc.close();
  await oc.close();
});

test('meeting mode: people answer one after another on one laptop; round against round', async () => {
  const context = await app.context();
  const page = await app.open(context);
  await createRound(page, { name: 'Winter meeting', minimum: 3, comments: true });
  await page.getByRole('button', { name: 'Start meeting mode' }).click();
  const meeting = page.getByRole('region', { name: 'Meeting mode' });
  await meeting.waitFor();
  await axeAt(page, 'meeting mode');
  const people = [{ [S_HISTORY]: 2 }, { [S_HISTORY]: 3 }, { [S_HISTORY]: 3 }];
  for (const [i, answers] of people.entries()) {
    assert.equal(await meeting.locator('input[type=radio]:checked').count(), 0, 'the screen is clear for the next person');
    await answerAll(meeting, answers);
    await meeting.getByLabel(/^Comment/).fill(`note ${i + 1}`);
    await meeting.getByRole('button', { name: 'Add my answers' }).click();
    await meeting.getByRole('status').filter({ hasText: i === 0 ? '1 person has answered' : `${i + 1} people have answered` }).waitFor();
    assert.equal(await meeting.getByLabel(/^Comment/).inputValue(), '');
    assert.doesNotMatch(await page.getByRole('main').textContent(), /Median/, 'no results while members answer');
  }
  await page.getByRole('button', { name: 'End meeting mode' }).click();
  await page.locator('.assess-count').filter({ hasText: '3 responses' }).waitFor();
  assert.match(await statement(page, S_HISTORY).textContent(), /Median 3 \(3 answered\)/);
  const notes = await page.getByRole('heading', { name: 'Comments (shuffled)' }).locator('xpath=following-sibling::ul[1]').textContent();
  assert.deepEqual([...notes.matchAll(/note \d/g)].map((m) => m[0]).sort(), ['note 1', 'note 2', 'note 3']);

  // The next round sits beside this one.
  await createRound(page, { name: 'Summer meeting', minimum: 3 });
  await page.getByRole('button', { name: 'Start meeting mode' }).click();
  for (let i = 0; i < 3; i += 1) {
    const m = page.getByRole('region', { name: 'Meeting mode' });
    await answerAll(m, { [S_HISTORY]: 5 });
    await m.getByRole('button', { name: 'Add my answers' }).click();
    await m.getByRole('status').filter({ hasText: i === 0 ? '1 person' : `${i + 1} people` }).waitFor();
  }
  await page.getByRole('button', { name: 'End meeting mode' }).click();
  const history = statement(page, S_HISTORY);
  await history.waitFor();
  assert.match(await history.textContent(), /Median 5 \(3 answered\).*Last round \(Winter meeting\): median 3\./);
  assert.match(await page.getByRole('main').textContent(), /Environment: average 4\.5 of 5, a strength\. Last round: 3\.3, borderline\./);
  await axeAt(page, 'round against round');
  assertNoErrors(page);
  await context.close();
});
