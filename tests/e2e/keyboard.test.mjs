// The keyboard-only journey: a whole session with no mouse, with visible focus at every step.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { useApp, waitSaved, assertNoErrors } from './helpers.mjs';

const app = useApp();
const BAD = resolve(import.meta.dirname, '../fixtures/bad/truncated.json');

/** The focused element's name as a user hears it, and whether its focus can be seen. */
const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return { name: '', visible: false };
  const name = (el.labels?.[0]?.textContent ?? el.getAttribute('aria-label') ?? el.textContent ?? '').trim();
  // A file input is drawn by its label, which carries the ring.
  const drawn = el.type === 'file' ? el.nextElementSibling : el;
  const style = getComputedStyle(drawn);
  const visible = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
  return { name, visible, tag: el.tagName };
});

/** Tabs forward (never more than `limit` times) until the focused control is named `name`. */
async function tabTo(page, name, { limit = 200, back = false } = {}) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    assert.ok(f.visible || f.tag === 'H1', `focus is visible on "${f.name}"`);
    if (name instanceof RegExp ? name.test(f.name) : f.name === name) return;
  }
  assert.fail(`could not reach "${name}" with Tab`);
}

test('a whole session with the keyboard alone', async () => {
  const context = await app.context();
  const page = await app.open(context);
  const type = (text) => page.keyboard.type(text);

  // Define
  await tabTo(page, 'Define your partnership');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Define your partnership' }).waitFor();
  await tabTo(page, 'Partnership name');
  await type('Keyboard Coalition');
  await tabTo(page, 'How do you define your partnership?');
  await type('Agencies who work together.');

  // Functions
  await tabTo(page, 'Functions', { back: true });
  await page.keyboard.press('Enter');
  await tabTo(page, 'Share information and resources');
  await page.keyboard.press('Space');
  assert.equal(await page.getByLabel('Share information and resources').isChecked(), true);

  // Membership: two members
  await tabTo(page, 'Membership', { back: true });
  await page.keyboard.press('Enter');
  for (const org of ['Alpha Keys', 'Beta Keys']) {
    await tabTo(page, 'Add member organization');
    await page.keyboard.press('Enter');
    // Focus moves into the new item's first field.
    await page.waitForFunction(() => document.activeElement?.labels?.[0]?.textContent === 'Organization name');
    await type(org);
  }
  assert.equal(await page.locator('.item').count(), 2);

  // Leadership: assign a role
  await tabTo(page, 'Leadership structure', { back: true });
  await page.keyboard.press('Enter');
  await tabTo(page, 'Add role');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.tagName === 'SELECT');
  await page.keyboard.press('ArrowDown'); // Coordinator
  await tabTo(page, 'Member organization');
  await page.keyboard.press('ArrowDown'); // Alpha Keys
  await page.keyboard.press('ArrowDown');
  const role = page.getByRole('region', { name: /Coordinator/ });
  await role.waitFor();
  assert.equal(await role.getByLabel('Member organization').inputValue() !== '', true);

  // Management: a goal and an action item
  await tabTo(page, 'Partnership management', { back: true });
  await page.keyboard.press('Enter');
  await tabTo(page, 'Add goal');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA');
  await type('Train 100 officers');
  await tabTo(page, 'Add action item');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA');
  await type('Book the trainer');
  await waitSaved(page);

  // Export
  await tabTo(page, 'Export plan', { back: true });
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.match(download.suggestedFilename(), /^keyboard-coalition-/);

  // Import a bad file and read the error
  // Subscribe before reaching the control: Playwright turns on file-chooser interception with a
  // message it does not wait for, so a listener added in the same breath as the key press can
  // miss the chooser (it did in CI).
  const chooserOpened = page.waitForEvent('filechooser');
  await tabTo(page, 'Import plan');
  await page.keyboard.press('Enter');
  const chooser = await chooserOpened;
  await chooser.setFiles({ name: 'truncated.json', mimeType: 'application/json', buffer: readFileSync(BAD) });
  const alert = page.getByRole('alert').filter({ hasText: 'Could not open “truncated.json”' });
  await alert.waitFor();

  // Undo the last edit (the action item's text) from the keyboard
  await page.keyboard.press('Control+z');
  assert.equal(await page.getByRole('region', { name: 'Untitled action item' }).count(), 1);
  assertNoErrors(page);
  await context.close();
});
