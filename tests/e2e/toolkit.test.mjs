// The whole toolkit as a user fills it in: every section, then a reload, the overview's numbers,
// the printable plan and the MOU draft.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, waitSaved, assertNoErrors } from './helpers.mjs';

const app = useApp();

const go = async (page, name) => {
  await page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
};

/** Opens the form of the item whose table row is named `name`. */
const openRow = (page, name) => page.locator('tbody tr.item-row .row-open').filter({ hasText: name }).click();

/** Clicks "Add <noun>" and returns the new item's region (named by its untitled heading). */
async function addItem(page, noun, untitled) {
  await page.getByRole('button', { name: `Add ${noun}` }).click();
  const region = page.getByRole('region', { name: untitled });
  await region.waitFor();
  return region;
}

const isoDay = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

// Everything typed, to be found again after reload and in the printable plan.
const T = {
  name: 'Front Range Anti-Trafficking Partnership',
  definition: 'Agencies across three counties working as one team against trafficking.',
  vision: 'Communities where no one is bought or sold.',
  fnNote: 'Monthly case review among law enforcement and advocates.',
  criteria: 'Any agency serving El Paso, Teller or Pueblo counties that signs the MOU.',
  alpha: 'Alpha Safe House',
  beta: 'Survivor Voices Collective',
  contact: 'Dana Rivera',
  network: 'El Paso County MDT',
  person: 'Sam Okafor',
  subgroup: 'Labor trafficking working group',
  quorum: 'Half the voting members; one vote per agency.',
  goal: 'Train 200 patrol officers to recognise labor trafficking by June 2027',
  strategy: 'Partner with the police academy on a two-hour module.',
  overdue: 'Draft the referral protocol',
  soon: 'Book the training venue',
  evaluate: 'Whether trained officers make more referrals.',
  funder: 'Colorado Community Foundation',
  approach: 'Member agencies contribute staff time; one foundation grant.',
  trust: 'Trust means keeping our word to each other.',
  conflictFormal: 'Mediation by the chairperson, then a vote of the steering group.',
  stages: 'A paid survivor advisory group reviews every plan before adoption.',
};

test('a coordinator fills every section, reloads, and finds everything', async () => {
  const context = await app.context();
  const page = await app.open(context, '#/define');

  // Define
  await page.getByLabel('Partnership name').fill(T.name);
  await page.getByLabel('How do you define your partnership?').fill(T.definition);
  await page.getByLabel('What is your vision?').fill(T.vision);
  await page.getByRole('group', { name: 'How closely will members work together?' })
    .getByLabel(/^Coordination:/).check();
  await page.getByRole('group', { name: 'Which leadership model fits?' }).getByLabel(/^Co-led:/).check();

  // Functions
  await go(page, 'Functions');
  await page.getByLabel('Provide operational coordination for human trafficking work in your area').check();
  await page.getByLabel('How will you do this? (operational coordination)').fill(T.fnNote);
  await page.getByRole('group', { name: 'Ps it serves (operational coordination)' }).getByLabel('Protection').check();

  // Membership
  await go(page, 'Membership');
  await page.getByLabel('How will you determine membership within your partnership?').fill(T.criteria);
  // An empty roster is explained calmly, not as eight alarms.
  assert.match(await page.getByRole('region', { name: 'Coverage' }).textContent(), /Once you add member organizations/);
  assert.equal(await page.getByRole('region', { name: 'Coverage' }).getByRole('listitem').count(), 0);
  let m = await addItem(page, 'member organization', 'Unnamed organization');
  await m.getByLabel('Organization name').fill(T.alpha);
  m = page.getByRole('region', { name: T.alpha });
  await m.getByLabel('Sector').selectOption({ label: 'Domestic violence services' });
  await m.getByLabel('Status').selectOption({ label: 'Committed' });
  await m.getByLabel('Contact person').fill(T.contact);
  await m.getByLabel('Email (optional)').fill('dana@alpha.example.org');
  await m.getByRole('group', { name: 'Ps it serves' }).getByLabel('Protection').check();
  m = await addItem(page, 'member organization', 'Unnamed organization');
  await m.getByLabel('Organization name').fill(T.beta);
  m = page.getByRole('region', { name: T.beta });
  await m.getByLabel('Sector').selectOption({ label: 'Survivor-led organization' });
  await m.getByLabel('Status').selectOption({ label: 'MOU signed' });
  const coverage = await page.getByRole('region', { name: 'Coverage' }).textContent();
  assert.match(coverage, /6 recommended kinds of partner have not committed yet/);
  assert.match(coverage, /Survivor-led organization: committed/);
  assert.match(coverage, /Labor trafficking partner: not yet/);
  const n = await addItem(page, 'network', 'Unnamed network');
  await n.getByLabel('Network name').fill(T.network);
  await page.getByRole('region', { name: T.network }).getByLabel('Kind of network')
    .selectOption({ label: 'Multidisciplinary Team (MDT)' });

  // Leadership structure
  await go(page, 'Leadership structure');
  const r = await addItem(page, 'role', 'Unassigned role');
  await r.getByLabel('Person').fill(T.person);
  const role = page.getByRole('region', { name: T.person });
  await role.getByLabel('Role', { exact: true }).selectOption({ label: 'Fiscal Agent' });
  await role.getByLabel('Member organization').selectOption({ label: T.alpha });
  await role.getByLabel('Term').fill('Two years');
  const sg = await addItem(page, 'subgroup', 'Unnamed subgroup');
  await sg.getByLabel('Subgroup name').fill(T.subgroup);
  const sub = page.getByRole('region', { name: T.subgroup });
  await sub.getByLabel('Lead organization').selectOption({ label: T.beta });
  await sub.getByRole('group', { name: 'Members' }).getByLabel(T.alpha).check();
  await page.getByRole('group', { name: 'How are decisions made?' }).getByLabel(/^Consensus first/).check();
  await page.getByLabel('What is a quorum, and who has a vote?').fill(T.quorum);

  // Partnership management
  await go(page, 'Partnership management');
  const g = await addItem(page, 'goal', 'Untitled goal');
  await g.getByLabel('Goal', { exact: true }).fill(T.goal);
  const goal = page.getByRole('region', { name: T.goal });
  await goal.getByLabel('Specific: it says who and what').check();
  await goal.getByLabel('Time-bound: it has a date').check();
  const s = await addItem(page, 'strategy', 'Untitled strategy');
  await s.getByLabel('For goal').selectOption({ label: T.goal });
  await s.getByLabel('Strategy', { exact: true }).fill(T.strategy);
  let a = await addItem(page, 'action item', 'Untitled action item');
  await a.getByLabel('What needs to be done').fill(T.overdue);
  a = page.getByRole('region', { name: new RegExp(T.overdue) });
  await a.getByLabel('Owner organization').selectOption({ label: T.alpha });
  await a.getByLabel('Due date').fill('2020-01-15');
  await a.getByRole('heading', { name: /Overdue/ }).waitFor();
  a = await addItem(page, 'action item', 'Untitled action item');
  await a.getByLabel('What needs to be done').fill(T.soon);
  a = page.getByRole('region', { name: new RegExp(T.soon) });
  await a.getByLabel('Due date').fill(isoDay(3));
  await a.getByRole('heading', { name: /Due soon/ }).waitFor();
  assert.match(await page.getByRole('note').first().textContent(), /2 open action items: 1 overdue, 1 due in the next 14 days/);
  await page.getByLabel('What will you evaluate, and why?').fill(T.evaluate);

  // Funding
  await go(page, 'Funding');
  await page.getByLabel("How will you fund your partnership's work?").fill(T.approach);
  const f = await addItem(page, 'funding source', 'Unnamed funding source');
  await f.getByLabel('Funder or program').fill(T.funder);
  const fund = page.getByRole('region', { name: T.funder });
  await fund.getByLabel('Type').selectOption({ label: 'Foundation' });
  await fund.getByLabel('Amount (US dollars)').fill('25,000');
  await fund.getByLabel('Status').selectOption({ label: 'Committed' });
  await fund.getByLabel('Fiscal agent').selectOption({ label: T.alpha });
  assert.match(await page.locator('.totals').textContent(), /Committed or received\$25,000/);
  await fund.getByLabel('Amount (US dollars)').fill('lots');
  assert.match(await fund.getByText('Enter a whole number of dollars').textContent(), /whole number/);
  assert.equal(await fund.getByLabel('Amount (US dollars)').getAttribute('aria-invalid'), 'true');
  await fund.getByLabel('Amount (US dollars)').fill('25000');

  // Trust and sustainability
  await go(page, 'Trust and sustainability');
  await page.getByLabel('How do you define trust in this partnership?').fill(T.trust);
  await page.getByLabel('What are the formal steps to resolve a conflict?').fill(T.conflictFormal);
  const statements = page.locator('fieldset.score');
  const count = await statements.count();
  assert.equal(count, 12);
  for (let i = 0; i < count; i++) await statements.nth(i).getByLabel('4 Agree').check();
  assert.match(await page.getByRole('heading', { name: /^Environment/ }).textContent(), /average 4\.0 of 5/);

  // Survivor engagement
  await go(page, 'Survivor engagement');
  assert.match(await page.getByRole('note').first().textContent(), /Do not enter information that could identify a survivor/);
  await page.getByLabel('How will survivors shape the partnership at each stage?').fill(T.stages);
  await page.getByLabel('Peer support: survivors can connect with other survivors').check();
  await waitSaved(page);

  // ---- reload, and everything is still there ----
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Survivor engagement' }).waitFor();
  assert.equal(await page.getByLabel('Peer support: survivors can connect with other survivors').isChecked(), true);
  await go(page, 'Define your partnership');
  assert.equal(await page.getByLabel('Partnership name').inputValue(), T.name);
  assert.equal(await page.getByLabel(/^Coordination:/).isChecked(), true);
  await go(page, 'Functions');
  assert.equal(await page.getByLabel('How will you do this? (operational coordination)').inputValue(), T.fnNote);
  await go(page, 'Membership');
  // Lists are tables: a row opens its form.
  await openRow(page, T.alpha);
  await openRow(page, T.beta);
  assert.equal(await page.getByRole('region', { name: T.alpha }).getByLabel('Contact person').inputValue(), T.contact);
  assert.equal(await page.getByRole('region', { name: T.beta }).getByLabel('Status').inputValue(), 'mou_signed');
  await go(page, 'Leadership structure');
  await openRow(page, T.person);
  await openRow(page, T.subgroup);
  assert.equal(await page.getByRole('region', { name: T.person }).getByLabel('Role', { exact: true }).inputValue(), 'fiscal_agent');
  assert.equal(await page.getByRole('region', { name: T.subgroup }).getByRole('group', { name: 'Members' }).getByLabel(T.alpha).isChecked(), true);
  await go(page, 'Partnership management');
  await openRow(page, T.overdue);
  assert.equal(await page.getByRole('region', { name: new RegExp(T.overdue) }).getByLabel('Due date').inputValue(), '2020-01-15');
  await go(page, 'Funding');
  await openRow(page, T.funder);
  assert.equal(await page.getByRole('region', { name: T.funder }).getByLabel('Amount (US dollars)').inputValue(), '25000');
  await go(page, 'Trust and sustainability');
  assert.equal(await page.locator('fieldset.score').nth(11).getByLabel('4 Agree').isChecked(), true);

  // ---- overview ----
  await go(page, 'Overview');
  const glance = await page.locator('.stats').textContent();
  assert.match(glance, /Member organizations2/);
  assert.match(glance, /Open action items2/);
  assert.match(glance, /Overdue action items1/);
  assert.match(glance, /Funding committed\$25,000/);
  assert.equal(await page.getByRole('progressbar', { name: 'Trust and sustainability progress' }).getAttribute('value'), '3');

  // ---- printable plan: every answer is in it ----
  await page.getByRole('link', { name: 'Printable plan' }).click();
  await page.getByRole('heading', { level: 1, name: 'Printable plan' }).waitFor();
  // Contact details print only when asked for (print.test.mjs checks both ways).
  await page.getByLabel('Include contact details').check();
  const doc = await page.locator('article.document').textContent();
  for (const [key, text] of Object.entries(T)) {
    if (key === 'overdue' || key === 'soon') assert.ok(doc.includes(text), key);
    else assert.ok(doc.includes(text), `printable plan is missing ${key}: ${text}`);
  }
  for (const words of ['Coordination: members share', 'Consensus first', 'Domestic violence services',
    'MOU signed', '$25,000', 'Agree', 'Done: Peer support', 'Recommended partners still missing']) {
    assert.ok(doc.includes(words) || doc.includes(words.replace('Agree', '4 of 5')), words);
  }
  // The print stylesheet hides the app around the document.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByRole('navigation', { name: 'Sections' }).isVisible(), false);
  assert.equal(await page.locator('article.document').isVisible(), true);
  await page.emulateMedia({ media: 'screen' });

  // ---- MOU draft ----
  await page.getByRole('link', { name: 'MOU draft' }).click();
  await page.getByRole('heading', { level: 1, name: 'MOU draft' }).waitFor();
  const parties = page.getByLabel('Clause 1: Parties');
  assert.match(await parties.inputValue(), new RegExp(`${T.alpha}; ${T.beta}`));
  assert.match(await page.getByLabel('Clause 7: Fiscal agent and costs').inputValue(), new RegExp(`^${T.alpha} acts as fiscal agent`));
  assert.match(await page.getByLabel('Clause 10: Dispute resolution').inputValue(), new RegExp(T.conflictFormal));
  const term = page.getByLabel('Clause 8: Term and withdrawal');
  await term.fill('This MOU runs for one year from signing.');
  await page.getByRole('button', { name: 'Use generated text for Term and withdrawal' }).waitFor();
  await waitSaved(page);
  await page.reload();
  await term.waitFor();
  assert.equal(await term.inputValue(), 'This MOU runs for one year from signing.');
  await page.getByRole('button', { name: 'Use generated text for Term and withdrawal' }).click();
  assert.match(await term.inputValue(), /takes effect when signed/);
  assert.equal(await page.locator('.signature').count(), 2);
  assertNoErrors(page);
  await context.close();
});

test('list items can be reordered, and a removal can be undone', async () => {
  const context = await app.context();
  const page = await app.open(context, '#/membership');
  for (const name of ['First Org', 'Second Org']) {
    const item = await addItem(page, 'member organization', 'Unnamed organization');
    await item.getByLabel('Organization name').fill(name);
  }
  const order = () => page.locator('tbody tr.item-row .row-open').allTextContents();
  assert.deepEqual(await order(), ['First Org', 'Second Org']);
  await page.getByRole('button', { name: 'Move down: First Org' }).click();
  assert.deepEqual(await order(), ['Second Org', 'First Org']);
  assert.equal(await page.getByRole('button', { name: 'Move down: First Org' }).isDisabled(), true);

  await page.getByRole('button', { name: 'Remove member organization: Second Org' }).click();
  assert.deepEqual(await order(), ['First Org']);
  const undo = page.getByRole('status').filter({ hasText: 'Removed “Second Org”' });
  await undo.waitFor();
  await undo.getByRole('button', { name: 'Undo remove' }).click();
  assert.deepEqual(await order(), ['Second Org', 'First Org']);
  await waitSaved(page);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Membership' }).waitFor();
  assert.deepEqual(await order(), ['Second Org', 'First Org']);
  assertNoErrors(page);
  await context.close();
});

test('only web and email links open; other schemes stay plain text', async () => {
  const context = await app.context();
  const page = await app.open(context, '#/resources');
  await page.getByRole('heading', { level: 1, name: 'Resources' }).waitFor();
  assert.ok(await page.getByRole('link', { name: "Colorado's 24/7 Human Trafficking Hotline" }).count());
  const add = async (title, url) => {
    const item = await addItem(page, 'resource', 'Untitled resource');
    await item.getByLabel('Title', { exact: true }).fill(title);
    const region = page.getByRole('region', { name: title });
    await region.getByLabel('Link', { exact: true }).fill(url);
    await region.getByLabel('Section').selectOption({ label: 'Funding' });
  };
  await add('Good link', 'https://example.org/grants');
  await add('Bad link', ' JaVaScRiPt:alert(1)');
  await page.getByRole('link', { name: 'Funding', exact: true }).click();
  const aside = page.getByRole('complementary', { name: 'Resources for Funding' });
  await aside.waitFor();
  assert.equal(await aside.getByRole('link', { name: 'Good link' }).getAttribute('href'), 'https://example.org/grants');
  assert.equal(await aside.getByRole('link', { name: 'Bad link' }).count(), 0);
  assert.ok(await aside.getByText('Bad link').isVisible());
  assertNoErrors(page);
  await context.close();
});

test('glossary terms in guidance link to their plain-language meaning', async () => {
  const context = await app.context();
  const page = await app.open(context, '#/membership');
  const hint = page.getByText(/Consider a memorandum of understanding/);
  await hint.getByRole('link', { name: 'Multidisciplinary Teams' }).click();
  await page.getByRole('heading', { level: 1, name: 'Glossary' }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'MDT (Multidisciplinary Team)');
  for (const term of ['4 Ps', 'Fiscal agent', 'MOU (memorandum of understanding)', 'SART (Sexual Assault Response Team)',
    'Survivor-informed', 'Trauma-informed']) {
    assert.ok(await page.getByRole('term').filter({ hasText: term }).count(), term);
  }
  // The glossary is in the navigation, and explains the acronyms the guidance uses.
  await page.goto(new URL('#/', page.url()).href);
  await page.getByRole('navigation', { name: 'Plan documents' }).getByRole('link', { name: 'Glossary' }).click();
  await page.getByRole('heading', { level: 1, name: 'Glossary' }).waitFor();
  for (const term of ['LCHT', 'OVC', 'NHTTAC', 'ECM', 'SAMHSA', 'VOCA']) {
    assert.ok(await page.getByRole('term').filter({ hasText: `${term} (` }).count(), term);
  }
  assertNoErrors(page);
  await context.close();
});
