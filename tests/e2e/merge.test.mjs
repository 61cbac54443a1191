// Working together by email (issue #20): copies of one plan exported, edited on separate
// devices (browser profiles) and merged back from the real downloaded files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  useApp, waitSaved, assertNoErrors, storageItem, openPlanKey, readDownload,
} from './helpers.mjs';
import { runAxe } from './axe.mjs';

const app = useApp();

async function exportPlan(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export plan' }).click(),
  ]);
  return { name: download.suggestedFilename(), text: await readDownload(download) };
}

const pick = (page, ...files) => page.getByLabel('Import plan').setInputFiles(
  files.map(({ name, text }) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) })),
);

const go = async (page, name) => page.getByRole('navigation').getByRole('link', { name, exact: true }).click();

/** "Who are you on this device?", in Your plans. */
async function setWho(page, who) {
  await go(page, 'Your plans');
  const input = page.getByLabel('Who are you on this device? (optional)');
  await input.fill(who);
  await input.press('Tab');
  await page.getByRole('status').filter({ hasText: 'Saved on this device.' }).waitFor();
}

const item = (page, title) => page.getByRole('region', { name: new RegExp(`^${title}`) });

async function addAction(page, what, due) {
  await go(page, 'Partnership management');
  await page.getByRole('button', { name: 'Add action item' }).click();
  const region = item(page, 'Untitled action item');
  if (due) await region.getByLabel('Due date').fill(due);
  await region.getByLabel('What needs to be done').fill(what);
}

async function setDue(page, what, due) {
  await go(page, 'Partnership management');
  // Lists are tables: the item's row opens its form.
  const form = item(page, what);
  if (!(await form.count())) await page.getByRole('button', { name: what, exact: true }).click();
  await form.getByLabel('Due date').fill(due);
}

async function addFunding(page, name) {
  await go(page, 'Funding');
  await page.getByRole('button', { name: 'Add funding source' }).click();
  await item(page, 'Unnamed funding source').getByLabel('Funder or program').fill(name);
}

async function addMember(page, name) {
  await go(page, 'Membership');
  await page.getByRole('button', { name: 'Add member organization' }).click();
  await item(page, 'Unnamed organization').getByLabel('Organization name').fill(name);
}

/** Imports `file` and starts "Merge into this plan"; returns the preview's text. */
async function mergeFile(page, file) {
  await pick(page, file);
  const preview = page.getByRole('region', { name: 'Open this plan?' });
  await preview.getByRole('button', { name: 'Merge into this plan' }).click();
  // The review page's code may still be loading (docs/decisions/0009-split-wasm.md).
  await page.getByRole('heading', { level: 1, name: 'Merge a colleague’s copy' }).waitFor();
}

async function openAsNew(page, file) {
  await pick(page, file);
  const preview = page.getByRole('region', { name: 'Open this plan?' });
  await preview.getByRole('button', { name: 'Open as a new plan' }).click();
  await waitSaved(page);
}

const stored = async (page) => JSON.parse(await storageItem(page, await openPlanKey(page))).plan;

async function startCoordinator(context) {
  const page = await app.open(context);
  await setWho(page, 'coordinator');
  await go(page, 'Define your partnership');
  await page.getByLabel('Partnership name').fill('Front Range Partnership');
  await addAction(page, 'Sign the MOU', '2027-01-15');
  await addAction(page, 'Faith partners MOU');
  await waitSaved(page);
  return page;
}

test('the story: three profiles exchange files and end with one plan holding everyone\'s work', async () => {
  const [cc, fc, sc] = [await app.context(), await app.context(), await app.context()];
  const coord = await startCoordinator(cc);
  const first = await exportPlan(coord);

  // The fiscal agent: two funding sources, and the deadline.
  const fiscal = await app.open(fc);
  await setWho(fiscal, 'fiscal agent');
  await openAsNew(fiscal, first);
  await addFunding(fiscal, 'County grant');
  await addFunding(fiscal, 'Foundation gift');
  await setDue(fiscal, 'Sign the MOU', '2027-02-01');
  await waitSaved(fiscal);
  const fromFiscal = await exportPlan(fiscal);

  // The survivor-advisory lead: an answer, and an action item removed.
  const lead = await app.open(sc);
  await setWho(lead, 'survivor-advisory lead');
  await openAsNew(lead, first);
  await go(lead, 'Survivor engagement');
  await lead.getByLabel('How will survivor experts be paid?').fill('At consultant rates, within 30 days.');
  await go(lead, 'Partnership management');
  await lead.getByRole('button', { name: 'Faith partners MOU', exact: true }).click();
  await lead.getByRole('button', { name: 'Remove action item: Faith partners MOU' }).click();
  await waitSaved(lead);
  const fromLead = await exportPlan(lead);

  // The coordinator: a member, and the same deadline.
  await addMember(coord, 'Harbor Light Shelter');
  await setDue(coord, 'Sign the MOU', '2027-01-31');
  await waitSaved(coord);

  // The fiscal agent's file: the one real conflict, shown once, side by side.
  await mergeFile(coord, fromFiscal);
  await coord.getByRole('heading', { level: 1, name: 'Merge a colleague’s copy' }).waitFor();
  const main = coord.getByRole('main');
  assert.match(await main.textContent(), /\d+ changes from fiscal agent’s copy will be applied; 1 needs you\./);
  const cards = main.getByRole('group');
  assert.equal(await cards.count(), 1);
  const card = cards.first();
  assert.match(await card.textContent(), /Partnership management: Action item “Sign the MOU” — Due date/);
  assert.match(await card.textContent(), /Yours.*2027-01-31.*fiscal agent’s.*2027-02-01/);
  assert.equal(await card.locator('del').count(), 1, 'the changed words are marked');
  assert.match(await card.locator('ins').textContent(), /\[differs\] 2027-02-01/);
  assert.match(await main.textContent(), /Funding.*Added: Funding source “County grant”.*Added: Funding source “Foundation gift”/s);
  // Nothing changes until Apply merge.
  assert.equal((await stored(coord)).funding.length, 0);
  await card.getByLabel('Use theirs').check();
  await main.getByRole('button', { name: 'Apply merge' }).click();
  await coord.getByRole('status').filter({ hasText: 'Merged fiscal agent’s copy' }).waitFor();
  await waitSaved(coord);

  // The survivor-advisory lead's file: nothing needs the coordinator.
  await mergeFile(coord, fromLead);
  assert.match(await main.textContent(), /changes? from survivor-advisory lead’s copy will be applied; none need you\./);
  assert.match(await main.textContent(), /Removed: Action item “Faith partners MOU”/);
  await main.getByRole('button', { name: 'Apply merge' }).click();
  await coord.getByRole('status').filter({ hasText: 'Merged survivor-advisory lead’s copy' }).waitFor();
  await waitSaved(coord);
  const merged = await exportPlan(coord);

  // The fiscal agent and the lead take the merged copy in: nothing to review.
  for (const page of [fiscal, lead]) {
    await mergeFile(page, merged);
    const m = page.getByRole('main');
    assert.match(await m.textContent(), /will be applied; none need you\./);
    await m.getByRole('button', { name: 'Apply merge' }).click();
    await page.getByRole('status').filter({ hasText: 'This copy is now up to date.' }).waitFor();
    await waitSaved(page);
  }
  // Once more: already up to date.
  await pick(fiscal, merged);
  await fiscal.getByRole('region', { name: 'Open this plan?' }).getByRole('button', { name: 'Merge into this plan' }).click();
  await fiscal.getByRole('status').filter({ hasText: 'You already have everything in this file' }).waitFor();

  // The final plan, field by field, on all three.
  for (const page of [coord, fiscal, lead]) {
    const plan = await stored(page);
    assert.equal(plan.name, 'Front Range Partnership');
    assert.deepEqual(plan.actions.map((a) => [a.what, a.due]), [['Sign the MOU', '2027-02-01']]);
    assert.deepEqual(plan.funding.map((f) => f.name), ['County grant', 'Foundation gift']);
    assert.deepEqual(plan.members.map((m) => m.name), ['Harbor Light Shelter']);
    assert.equal(plan.answers['survivors.compensation'].text, 'At consultant rates, within 30 days.');
    assert.ok(Object.keys(plan.tombstones).some((k) => k.startsWith('actions/')), 'the removal travels');
    assert.equal(plan.plan_id, (await stored(coord)).plan_id);
    assertNoErrors(page);
  }
  await Promise.all([cc.close(), fc.close(), sc.close()]);
});

test('undo merge brings the plan back exactly; a file for another plan says so', async () => {
  const [cc, fc] = [await app.context(), await app.context()];
  const coord = await startCoordinator(cc);
  const first = await exportPlan(coord);
  const other = await app.open(fc);
  await openAsNew(other, first);
  await addMember(other, 'County DA’s office');
  await waitSaved(other);
  const theirs = await exportPlan(other);

  await waitSaved(coord);
  const before = await stored(coord);
  await mergeFile(coord, theirs);
  await coord.getByRole('main').getByRole('button', { name: 'Apply merge' }).click();
  const status = coord.getByRole('status').filter({ hasText: 'Merged' });
  await status.waitFor();
  await waitSaved(coord);
  assert.deepEqual((await stored(coord)).members.map((m) => m.name), ['County DA’s office']);
  await status.getByRole('button', { name: 'Undo merge' }).click();
  await coord.getByRole('status').filter({ hasText: 'Import undone' }).waitFor();
  await waitSaved(coord);
  const after = await stored(coord);
  assert.deepEqual(after, before, 'the plan is back exactly, stamps and all');

  // Another plan's file: no merge, a plain sentence, and Open as a new plan.
  const stranger = await app.open(await app.context());
  await go(stranger, 'Define your partnership');
  await stranger.getByLabel('Partnership name').fill('Another coalition');
  await waitSaved(stranger);
  const strangersFile = await exportPlan(stranger);
  await pick(coord, strangersFile);
  const preview = coord.getByRole('region', { name: 'Open this plan?' });
  assert.match(await preview.textContent(), /This file is a copy of another plan, not of “Front Range Partnership”/);
  assert.equal(await preview.getByRole('button', { name: 'Merge into this plan' }).count(), 0);
  await preview.getByRole('button', { name: 'Open as a new plan' }).waitFor();
  assertNoErrors(coord);
  await Promise.all([cc.close(), fc.close()]);
});

test('several files chosen at once merge one after another, each with its own review', async () => {
  const [cc, ac, bc] = [await app.context(), await app.context(), await app.context()];
  const coord = await startCoordinator(cc);
  const first = await exportPlan(coord);
  const files = [];
  for (const [context, who, funder] of [[ac, 'treasurer', 'State grant'], [bc, 'outreach lead', 'Church fund']]) {
    const page = await app.open(context);
    await setWho(page, who);
    await openAsNew(page, first);
    await addFunding(page, funder);
    await waitSaved(page);
    files.push(await exportPlan(page));
  }
  await pick(coord, ...files);
  await coord.getByRole('region', { name: 'Open this plan?' }).getByRole('button', { name: 'Merge into this plan' }).click();
  const main = coord.getByRole('main');
  // The review page's code may still be loading (docs/decisions/0009-split-wasm.md).
  await main.getByText(/from treasurer’s copy/).waitFor();
  assert.match(await main.textContent(), /from treasurer’s copy/);
  await main.getByRole('button', { name: 'Apply merge' }).click();
  // The second file's preview follows by itself.
  await coord.getByRole('region', { name: 'Open this plan?' }).getByRole('button', { name: 'Merge into this plan' }).click();
  await main.getByText(/from outreach lead’s copy/).waitFor();
  assert.match(await main.textContent(), /from outreach lead’s copy/);
  await main.getByRole('button', { name: 'Apply merge' }).click();
  await coord.getByRole('status').filter({ hasText: 'Merged outreach lead’s copy' }).waitFor();
  await waitSaved(coord);
  assert.deepEqual((await stored(coord)).funding.map((f) => f.name).sort(), ['Church fund', 'State grant']);
  assertNoErrors(coord);
  await Promise.all([cc.close(), ac.close(), bc.close()]);
});

test('a protected file merges the same way after its passphrase', async () => {
  const [cc, fc] = [await app.context(), await app.context()];
  const coord = await startCoordinator(cc);
  const first = await exportPlan(coord);
  const fiscal = await app.open(fc);
  await openAsNew(fiscal, first);
  await addFunding(fiscal, 'County grant');
  await waitSaved(fiscal);
  const passphrase = 'harbor lantern orbit meadow';
  await fiscal.getByRole('button', { name: 'Export encrypted' }).click();
  const dialog = fiscal.getByRole('dialog', { name: 'Export encrypted' });
  await dialog.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await dialog.getByLabel('Passphrase again', { exact: true }).fill(passphrase);
  const [download] = await Promise.all([
    fiscal.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Export', exact: true }).click(),
  ]);
  const sealed = { name: download.suggestedFilename(), text: await readDownload(download) };

  await pick(coord, sealed);
  const unlock = coord.getByRole('region', { name: 'This plan is protected' });
  const field = unlock.getByLabel('Passphrase for this file');
  await field.fill(passphrase);
  await field.press('Enter');
  await coord.getByRole('region', { name: 'Open this plan?' }).getByRole('button', { name: 'Merge into this plan' }).click();
  await coord.getByRole('main').getByRole('button', { name: 'Apply merge' }).click();
  await coord.getByRole('status').filter({ hasText: 'Merged' }).waitFor();
  await waitSaved(coord);
  assert.deepEqual((await stored(coord)).funding.map((f) => f.name), ['County grant']);
  assertNoErrors(coord);
  await Promise.all([cc.close(), fc.close()]);
});

test('the merge review passes axe at 1280 and 320 px, and works from the keyboard', async () => {
  const [cc, fc] = [await app.context(), await app.context()];
  const coord = await startCoordinator(cc);
  const first = await exportPlan(coord);
  const fiscal = await app.open(fc);
  await setWho(fiscal, 'fiscal agent');
  await openAsNew(fiscal, first);
  await setDue(fiscal, 'Sign the MOU', '2027-03-01');
  await addFunding(fiscal, 'County grant');
  await waitSaved(fiscal);
  const theirs = await exportPlan(fiscal);
  await setDue(coord, 'Sign the MOU', '2027-04-01');
  await waitSaved(coord);
  await mergeFile(coord, theirs);
  const main = coord.getByRole('main');
  await main.getByRole('button', { name: 'Apply merge' }).waitFor();
  for (const width of [1280, 320]) {
    await coord.setViewportSize({ width, height: 800 });
    const violations = await runAxe(coord);
    assert.deepEqual(violations.map((v) => `${v.rule}: ${v.nodes.map((n) => n.summary).join(' | ')}`), [], `axe at ${width} px`);
    const overflow = await coord.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    assert.equal(overflow, false, `no sideways scrolling at ${width} px`);
  }
  // Keyboard only: to the choices, pick "Edit by hand", type, apply.
  const mine = main.getByLabel('Keep mine');
  await mine.focus();
  await coord.keyboard.press('ArrowRight'); // Use theirs
  await coord.keyboard.press('ArrowRight'); // Keep both
  assert.equal(await main.getByLabel('Keep both').isChecked(), true);
  await coord.keyboard.press('ArrowRight'); // Edit by hand
  await coord.keyboard.press('Tab');
  const hand = main.getByLabel('Your text for due date');
  assert.equal(await coord.evaluate(() => document.activeElement?.tagName), 'TEXTAREA');
  await hand.fill('2027-05-01');
  await main.getByRole('button', { name: 'Apply merge' }).focus();
  await coord.keyboard.press('Enter');
  await coord.getByRole('status').filter({ hasText: 'Merged fiscal agent’s copy' }).waitFor();
  await waitSaved(coord);
  const plan = await stored(coord);
  assert.equal(plan.actions.find((a) => a.what === 'Sign the MOU').due, '2027-05-01');
  assertNoErrors(coord);
  await Promise.all([cc.close(), fc.close()]);
});

test('a copy of a plan that is not open merges into that plan, and the merge reaches a second tab', async () => {
  const [cc, fc] = [await app.context(), await app.context()];
  const coord = await startCoordinator(cc);
  const first = await exportPlan(coord);
  const fiscal = await app.open(fc);
  await setWho(fiscal, 'fiscal agent');
  await openAsNew(fiscal, first);
  await addFunding(fiscal, 'County grant');
  await waitSaved(fiscal);
  const fromFiscal = await exportPlan(fiscal);

  // A second tab shows the plan; the first tab moves on to a new plan.
  const other = await app.open(cc);
  assert.match(await other.getByRole('banner').textContent(), /Front Range Partnership/);
  await go(coord, 'Your plans');
  await coord.getByRole('button', { name: 'New plan' }).click();
  await go(coord, 'Define your partnership');
  await coord.getByLabel('Partnership name').fill('Youth task force');
  await waitSaved(coord);

  await pick(coord, fromFiscal);
  const preview = coord.getByRole('region', { name: 'Open this plan?' });
  assert.match(await preview.textContent(), /This file is a copy of “Front Range Partnership”, another plan on this device/);
  await preview.getByRole('button', { name: 'Merge into this plan' }).click();
  const main = coord.getByRole('main');
  await main.getByRole('heading', { name: 'Merge a colleague’s copy' }).waitFor();
  assert.match(await main.textContent(), /from fiscal agent’s copy/);
  await main.getByRole('button', { name: 'Apply merge' }).click();
  await coord.getByRole('status').filter({ hasText: 'Merged' }).waitFor();
  await waitSaved(coord);
  assert.match(await coord.getByRole('banner').textContent(), /Front Range Partnership/);
  assert.deepEqual((await stored(coord)).funding.map((f) => f.name), ['County grant']);

  // The other tab, on the same plan, shows the merged funding source without a reload.
  await go(other, 'Funding');
  await other.getByRole('button', { name: 'County grant', exact: true }).waitFor({ timeout: 5000 });
  // The plan that was open before is untouched.
  await go(coord, 'Your plans');
  await coord.getByRole('heading', { name: /^Youth task force/ }).waitFor();
  assertNoErrors(coord);
  assertNoErrors(other);
  await Promise.all([cc.close(), fc.close()]);
});
