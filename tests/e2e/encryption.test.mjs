// Passphrase-protected export and import (reliability.md, table D): known answers against an
// independent implementation (Node's crypto), fresh salt and IV per export, a single message for
// a wrong passphrase or any damage, parameters refused before any key derivation, and the
// passphrase dialog's keyboard and screen-reader behaviour.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  useApp, waitSaved, assertNoErrors, storageSnapshot, storageItem, openPlanKey, makePlan, readDownload,
} from './helpers.mjs';
import { PASSPHRASE, open as nodeOpen } from '../fixtures/encrypted/make.mjs';

const app = useApp();
const FIXTURES = resolve(import.meta.dirname, '../fixtures');
const ENCRYPTED = resolve(FIXTURES, 'encrypted');
const WRONG = 'Wrong passphrase or damaged file.';
const FIELDS = ['format', 'version', 'kdf', 'iterations', 'salt', 'cipher', 'iv', 'ciphertext'];

/** Counts calls to WebCrypto's SubtleCrypto methods (run before the app loads). */
function countSubtleCalls() {
  window.subtleCalls = { importKey: 0, deriveKey: 0, deriveBits: 0, encrypt: 0, decrypt: 0 };
  for (const name of Object.keys(window.subtleCalls)) {
    const original = SubtleCrypto.prototype[name];
    SubtleCrypto.prototype[name] = function counted(...args) {
      window.subtleCalls[name] += 1;
      return original.apply(this, args);
    };
  }
}

async function counted(options = {}) {
  const context = await app.context(options);
  await context.addInitScript(countSubtleCalls);
  return context;
}

const subtleCalls = (page) => page.evaluate(() => ({ ...window.subtleCalls }));


/** Picks a file with the "Import plan" control, as a user would. */
const pick = (page, name, buffer) => page.getByLabel('Import plan').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(buffer) });

const unlockRegion = (page) => page.getByRole('region', { name: 'This plan is protected' });
const previewRegion = (page) => page.getByRole('region', { name: 'Open this plan?' });
const exportDialog = (page) => page.getByRole('dialog', { name: 'Export encrypted' });


async function exportPlain(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export plan' }).click(),
  ]);
  return { name: download.suggestedFilename(), text: await readDownload(download) };
}

/** "Export encrypted" with `passphrase` typed twice; resolves to the downloaded file. */
async function exportEncrypted(page, passphrase) {
  await page.getByRole('button', { name: 'Export encrypted' }).click();
  const dialog = exportDialog(page);
  await dialog.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await dialog.getByLabel('Passphrase again', { exact: true }).fill(passphrase);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Export', exact: true }).click(),
  ]);
  const file = { name: download.suggestedFilename(), text: await readDownload(download) };
  await dialog.waitFor({ state: 'hidden' });
  return file;
}

/** Picks a protected file and, if the app asks, enters `passphrase`; returns the region. */
async function tryUnlock(page, name, buffer, passphrase) {
  await pick(page, name, buffer);
  const region = unlockRegion(page);
  await region.filter({ hasText: `“${name}”` }).waitFor();
  const field = region.getByLabel('Passphrase for this file');
  if (await field.count()) {
    await field.fill(passphrase);
    await field.press('Enter');
  }
  return region;
}

const withoutSavedAt = (text) => text.replace(/"saved_at": "[^"]*"/, '"saved_at": "…"');
const b64 = (s) => Buffer.from(s, 'base64');

test('known answer: the app opens the file Node made, and shows the plan before changing anything', async () => {
  const context = await counted();
  const page = await app.open(context);
  const fixture = readFileSync(resolve(ENCRYPTED, 'plan-v1.protected.json'));
  await pick(page, 'plan-v1.protected.json', fixture);
  const region = unlockRegion(page);
  await region.waitFor();
  assert.match(await region.textContent(), /“plan-v1\.protected\.json” is protected with a passphrase/);
  const field = region.getByLabel('Passphrase for this file');
  assert.equal(await field.getAttribute('type'), 'password');
  assert.equal(await field.getAttribute('autocomplete'), 'current-password');
  // Focus moves to the passphrase field when the region appears.
  await page.waitForFunction(() => document.activeElement?.id === 'unlock-pass');
  await page.keyboard.type(PASSPHRASE);
  await page.keyboard.press('Enter');

  const preview = previewRegion(page);
  await preview.waitFor();
  assert.match(await preview.textContent(), /“Fictional Valley Anti-Trafficking Partnership” from plan-v1\.protected\.json/);
  assert.equal(await region.count(), 0, 'the passphrase region is gone');
  assert.equal((await subtleCalls(page)).deriveKey, 1);
  await preview.getByRole('button', { name: 'Open as a new plan' }).click();
  await waitSaved(page);
  const opened = JSON.parse(await storageItem(page, await openPlanKey(page))).plan;
  const original = JSON.parse(readFileSync(resolve(FIXTURES, 'plan-v1.json'), 'utf8')).plan;
  assert.deepEqual(opened, original, 'the decrypted plan is plan-v1.json exactly');
  assertNoErrors(page);
  await context.close();
});

test('known answer: Node decrypts what the app exports, and it is the app\'s plain export', async () => {
  const context = await app.context();
  const page = await app.open(context);
  await makePlan(page, 'Front Range Coalition');
  const passphrase = 'river stones at dawn — ünïcödé';
  const sealed = await exportEncrypted(page, passphrase);
  const plain = await exportPlain(page);

  const today = new Date().toISOString().slice(0, 10);
  assert.match(sealed.name, /^partnership-plan-\d{4}-\d\d-\d\d-\d{4}\.protected\.json$/, 'the name says nothing of the plan, only the date and time');
  assert.ok(sealed.name.includes(today.slice(0, 4)), sealed.name);
  assert.match(sealed.text, /^\{\n {2}"format": "partnership-plan-encrypted",\n {2}"version": 1,\n/);
  const file = JSON.parse(sealed.text);
  assert.deepEqual(Object.keys(file), FIELDS, 'the documented fields, in order');
  assert.equal(file.kdf, 'PBKDF2-SHA256');
  assert.equal(file.cipher, 'AES-256-GCM');
  assert.equal(file.iterations, 600000);
  assert.equal(b64(file.salt).length, 16);
  assert.equal(b64(file.iv).length, 12);
  assert.equal(b64(file.salt).toString('base64'), file.salt, 'canonical base64');

  const plaintext = nodeOpen(sealed.text, passphrase.normalize('NFC'));
  assert.equal(Buffer.byteLength(plaintext) % 4096, 0, `padded to 4 KiB (${Buffer.byteLength(plaintext)} bytes)`);
  assert.ok(Buffer.byteLength(plaintext) > Buffer.byteLength(plain.text), 'padding was added');
  assert.match(plaintext.slice(plaintext.trimEnd().length), /^\n? +$/, 'padded with trailing spaces only');
  assert.equal(withoutSavedAt(plaintext.trimEnd()), withoutSavedAt(plain.text.trimEnd()), 'the plaintext is the plain export');
  assert.equal(JSON.parse(plaintext).plan.name, 'Front Range Coalition');
  // The key is derived from the passphrase's NFC form (the decomposed form is other bytes).
  assert.throws(() => nodeOpen(sealed.text, passphrase.normalize('NFD')));
  assert.throws(() => nodeOpen(sealed.text, 'river stones at dawn'));
  assertNoErrors(page);
  await context.close();
});

test('two encrypted exports of one plan differ in salt, IV and ciphertext', async () => {
  const context = await app.context();
  const page = await app.open(context);
  await makePlan(page, 'Twice Exported');
  const passphrase = 'same words both times';
  const a = JSON.parse((await exportEncrypted(page, passphrase)).text);
  const b = JSON.parse((await exportEncrypted(page, passphrase)).text);
  assert.notEqual(a.salt, b.salt);
  assert.notEqual(a.iv, b.iv);
  assert.notEqual(a.ciphertext, b.ciphertext);
  const plan = (f) => JSON.parse(nodeOpen(JSON.stringify(f), passphrase)).plan;
  assert.deepEqual(plan(a), plan(b), 'both hold the same plan');
  assertNoErrors(page);
  await context.close();
});

test('a wrong passphrase, a flipped bit anywhere, or truncation fails with one message and changes nothing', async () => {
  const context = await counted();
  const page = await app.open(context);
  await makePlan(page, 'Precious Plan');
  const before = await storageSnapshot(page);
  const goodText = readFileSync(resolve(ENCRYPTED, 'plan-v1.protected.json'), 'utf8');
  const good = JSON.parse(goodText);

  // Wrong passphrase: the message, the field keeps focus and is marked invalid, and a retry works.
  let region = await tryUnlock(page, 'plan-v1.protected.json', goodText, 'correct horse battery stapler');
  const alert = region.getByRole('alert');
  await alert.filter({ hasText: WRONG }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'unlock-pass');
  assert.equal(await region.getByLabel('Passphrase for this file').getAttribute('aria-invalid'), 'true');
  assert.equal(await previewRegion(page).count(), 0);
  await region.getByLabel('Passphrase for this file').fill(PASSPHRASE.toUpperCase());
  await region.getByRole('button', { name: 'Unlock' }).click();
  await alert.filter({ hasText: WRONG }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'unlock-pass', 'focus back on the field after clicking Unlock');
  await region.getByLabel('Passphrase for this file').fill(PASSPHRASE);
  await region.getByRole('button', { name: 'Unlock' }).click();
  await previewRegion(page).waitFor();
  await previewRegion(page).getByRole('button', { name: 'Cancel' }).click();

  // Damage, each opened with the RIGHT passphrase.
  const flip = (buf, i, bit = 0) => {
    const out = Buffer.from(buf);
    out[(i + out.length) % out.length] ^= 1 << bit;
    return out.toString('base64');
  };
  const ct = b64(good.ciphertext);
  const damaged = {
    'salt-first-byte': { ...good, salt: flip(b64(good.salt), 0) },
    'salt-last-byte': { ...good, salt: flip(b64(good.salt), -1, 7) },
    'iv-first-byte': { ...good, iv: flip(b64(good.iv), 0) },
    'iv-last-byte': { ...good, iv: flip(b64(good.iv), -1, 7) },
    'ciphertext-first-byte': { ...good, ciphertext: flip(ct, 0) },
    'ciphertext-middle-byte': { ...good, ciphertext: flip(ct, ct.length >> 1, 3) },
    'ciphertext-last-byte-of-tag': { ...good, ciphertext: flip(ct, -1, 7) },
    'ciphertext-first-byte-of-tag': { ...good, ciphertext: flip(ct, -16) },
    'ciphertext-truncated-by-1': { ...good, ciphertext: ct.subarray(0, -1).toString('base64') },
    'ciphertext-one-byte-appended': { ...good, ciphertext: Buffer.concat([ct, Buffer.from([0])]).toString('base64') },
    'tag-only': { ...good, ciphertext: ct.subarray(-16).toString('base64') },
    'iterations-600001': { ...good, iterations: 600001 },
    'iterations-599999': { ...good, iterations: 599999 },
    'iterations-bit-17': { ...good, iterations: 600000 ^ (1 << 17) },
    // Still within range (1,648,576 rounds): derived, then refused by the tag.
    'iterations-bit-20': { ...good, iterations: 600000 ^ (1 << 20) },
  };
  const refused = {
    'version-bit-1': [{ ...good, version: 1 ^ 2 }, 'protection format 3'],
    'version-bit-0': [{ ...good, version: 1 ^ 1 }, 'protection format 0'],
    'kdf-bit': [{ ...good, kdf: 'PBKDF2-SHA257' }, 'key derivation Partnership Planner does not support (“PBKDF2-SHA257”)'],
    'cipher-bit': [{ ...good, cipher: 'AES-256-GCL' }, 'cipher Partnership Planner does not support (“AES-256-GCL”)'],
    'iterations-bit-19': [{ ...good, iterations: 600000 ^ (1 << 19) }, 'asks for 75,712 key-derivation rounds'],
    'iterations-bit-23': [{ ...good, iterations: 600000 ^ (1 << 23) }, 'asks for 8,988,608 key-derivation rounds'],
    'iterations-bit-24': [{ ...good, iterations: 600000 ^ (1 << 24) }, 'asks for 17,377,216 key-derivation rounds'],
    'salt-shortened': [{ ...good, salt: b64(good.salt).subarray(1).toString('base64') }, '“salt” is 15 bytes long and must be 16'],
    'iv-char-out-of-alphabet': [{ ...good, iv: `${good.iv.slice(0, -1)}-` }, '“iv” is not valid base64'],
    'ciphertext-one-char-removed': [{ ...good, ciphertext: `${good.ciphertext.slice(0, -4)}${good.ciphertext.slice(-4, -1)}` }, '“ciphertext” is not valid base64'],
    'extra-field': [{ ...good, note: 'hello' }, 'a field Partnership Planner does not know (“note”)'],
  };
  for (const [what, file] of Object.entries(damaged)) {
    const name = `${what}.protected.json`;
    region = await tryUnlock(page, name, JSON.stringify(file, null, 2), PASSPHRASE);
    await region.getByRole('alert').filter({ hasText: WRONG }).waitFor({ timeout: 10_000 });
    assert.equal(await previewRegion(page).count(), 0, name);
  }
  for (const [what, [file, message]] of Object.entries(refused)) {
    const name = `${what}.protected.json`;
    region = await tryUnlock(page, name, JSON.stringify(file, null, 2), PASSPHRASE);
    await region.getByRole('alert').filter({ hasText: message }).waitFor();
    assert.match(await region.getByRole('alert').textContent(), /Nothing was changed\./, name);
    assert.equal(await region.getByLabel('Passphrase for this file').count(), 0, `${name}: no passphrase asked`);
    assert.equal(await previewRegion(page).count(), 0, name);
  }
  // A flipped bit in "format", and a file cut short, are not protected plans at all: the
  // ordinary import refusal.
  for (const [name, text] of [
    ['format-bit.protected.json', goodText.replace('partnership-plan-encrypted', 'partnership-plan-encrypte' + 'e')],
    ['cut-short.protected.json', goodText.slice(0, -2)],
  ]) {
    await pick(page, name, text);
    const message = page.locator('.import-alert').filter({ hasText: `Could not open “${name}”` });
    await message.waitFor();
    assert.match(await message.textContent(), /Nothing was changed\./);
    assert.equal(await unlockRegion(page).count(), 0, name);
  }
  // Cancel leaves nothing behind.
  await tryUnlock(page, 'plan-v1.protected.json', goodText, '');
  await unlockRegion(page).getByRole('button', { name: 'Cancel' }).click();
  assert.equal(await unlockRegion(page).count(), 0);

  const calls = await subtleCalls(page);
  assert.equal(calls.deriveKey, 3 + Object.keys(damaged).length, 'one derivation per attempt with sound parameters');
  assert.deepEqual(await storageSnapshot(page), before, 'storage is byte-identical');
  assertNoErrors(page);
  await context.close();
});

test('unreasonable parameters are refused before any key derivation', async () => {
  const context = await counted();
  const page = await app.open(context);
  await makePlan(page, 'Careful Plan');
  const before = await storageSnapshot(page);
  const cases = {
    'iterations-1': 'asks for 1 key-derivation rounds; Partnership Planner accepts 100,000 to 2,000,000.',
    'iterations-99999': 'asks for 99,999 key-derivation rounds',
    'iterations-2000001': 'asks for 2,000,001 key-derivation rounds',
    // More than a phone can bear on every attempt: refused with a clear message, not derived.
    'iterations-3000000': 'asks for 3,000,000 key-derivation rounds; Partnership Planner accepts 100,000 to 2,000,000.',
    'iterations-2pow53': 'asks for 9,007,199,254,740,992 key-derivation rounds',
    'iterations-fraction': 'asks for 600000.5 key-derivation rounds',
    'salt-15-bytes': '“salt” is 15 bytes long and must be 16',
    'iv-16-bytes': '“iv” is 16 bytes long and must be 12',
    'cipher-unknown': 'cipher Partnership Planner does not support (“ChaCha20-Poly1305”)',
    'kdf-unknown': 'key derivation Partnership Planner does not support (“scrypt”)',
    'version-2': 'uses protection format 2',
    'base64-noncanonical': '“salt” is not valid base64',
  };
  const timings = [];
  for (const [what, message] of Object.entries(cases)) {
    const name = `${what}.protected.json`;
    const started = Date.now();
    await pick(page, name, readFileSync(resolve(ENCRYPTED, name)));
    const region = unlockRegion(page).filter({ hasText: `“${name}”` });
    await region.getByRole('alert').filter({ hasText: message }).waitFor();
    timings.push(Date.now() - started);
    assert.equal(await region.getByLabel('Passphrase for this file').count(), 0, `${name}: no passphrase asked`);
    // Focus lands on the region's heading, so the refusal is read next.
    await page.waitForFunction(() => document.activeElement?.id === 'unlock-heading');
    assert.deepEqual(await subtleCalls(page), { importKey: 0, deriveKey: 0, deriveBits: 0, encrypt: 0, decrypt: 0 }, name);
  }
  // Quick (no derivation happened; a 3,000,000-round derivation alone takes a second or more).
  assert.ok(Math.max(...timings) < 2000, `refusals took ${timings.join(', ')} ms`);
  await unlockRegion(page).getByRole('button', { name: 'Cancel' }).click();
  // Still responsive, and storage untouched.
  await page.getByRole('link', { name: 'Funding', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Funding' }).waitFor();
  assert.deepEqual(await storageSnapshot(page), before, 'storage is byte-identical');
  // Negative control: the counter does see a real derivation.
  await tryUnlock(page, 'plan-v1.protected.json', readFileSync(resolve(ENCRYPTED, 'plan-v1.protected.json')), PASSPHRASE);
  await previewRegion(page).waitFor();
  assert.equal((await subtleCalls(page)).deriveKey, 1);
  assertNoErrors(page);
  await context.close();
});

test('the passphrase dialog: labels, validation tied to fields, show/paste, Escape, focus back', async () => {
  const context = await app.context({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await app.open(context);
  let downloads = 0;
  page.on('download', () => { downloads += 1; });
  const opener = page.getByRole('button', { name: 'Export encrypted' });
  await opener.click();
  const dialog = exportDialog(page);
  await dialog.waitFor();
  assert.equal(await dialog.evaluate((d) => d.open && d.matches(':modal')), true, 'a modal <dialog>');
  const first = dialog.getByLabel('Passphrase', { exact: true });
  const second = dialog.getByLabel('Passphrase again', { exact: true });
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'seal-pass', 'focus starts in the first field');
  for (const field of [first, second]) {
    assert.equal(await field.getAttribute('type'), 'password');
    assert.equal(await field.getAttribute('autocomplete'), 'new-password');
  }
  const text = await dialog.textContent();
  assert.match(text, /by phone or in person, never in the same email/);
  assert.match(text, /A forgotten passphrase cannot be recovered/);
  const exportButton = dialog.getByRole('button', { name: 'Export', exact: true });

  const errorFor = async (field) => {
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    const ids = (await field.getAttribute('aria-describedby')).split(' ');
    const error = page.locator(`[id="${ids[ids.length - 1]}"]`);
    assert.equal(await error.getAttribute('role'), 'alert', 'announced');
    return (await error.textContent()).trim();
  };
  await exportButton.click();
  assert.equal(await errorFor(first), 'Enter a passphrase.');
  await first.fill('seven77');
  await exportButton.click();
  assert.match(await errorFor(first), /too short: use at least 8 characters/);
  await first.fill('correct horse battery stapler');
  await second.fill('correct horse battery staplr');
  await exportButton.click();
  const mismatch = dialog.getByRole('alert').filter({ hasText: 'The two passphrases do not match.' });
  await mismatch.waitFor();
  assert.equal(await errorFor(second), 'The two passphrases do not match.');
  assert.equal(await first.getAttribute('aria-invalid'), null, 'the first field is fine');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'seal-again', 'focus on the field to fix');

  // "Show passphrases" by keyboard.
  const show = dialog.getByLabel('Show passphrases');
  await show.focus();
  await page.keyboard.press('Space');
  assert.equal(await first.getAttribute('type'), 'text');
  assert.equal(await second.getAttribute('type'), 'text');
  assert.equal(await first.getAttribute('spellcheck'), 'false', 'shown text is not sent to spell checkers');
  await page.keyboard.press('Space');
  assert.equal(await first.getAttribute('type'), 'password');
  // Paste is allowed (password managers and SC 3.3.8).
  await page.evaluate(() => navigator.clipboard.writeText('pasted passphrase words'));
  await second.fill('');
  await second.focus();
  await page.keyboard.press('Control+V');
  assert.equal(await second.inputValue(), 'pasted passphrase words');

  // Escape closes it; focus returns to the button; nothing was downloaded.
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Export encrypted');
  // Reopened, it starts empty; Cancel closes it the same way.
  await page.keyboard.press('Enter');
  await dialog.waitFor();
  assert.equal(await first.inputValue(), '');
  assert.equal(await second.inputValue(), '');
  assert.equal(await dialog.getByRole('alert').filter({ hasText: 'do not match' }).count(), 0);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Export encrypted');
  assert.equal(downloads, 0);
  assertNoErrors(page);
  await context.close();
});

test('protecting shows progress, and a 600,000-round export stays under a second at 4x CPU throttling', async () => {
  const context = await app.context();
  const page = await app.open(context);
  await makePlan(page, 'Slow Phone Coalition');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.getByRole('button', { name: 'Export encrypted' }).click();
  const dialog = exportDialog(page);
  await dialog.getByLabel('Passphrase', { exact: true }).fill('quiet river lantern morning');
  await dialog.getByLabel('Passphrase again', { exact: true }).fill('quiet river lantern morning');
  // Record whether the button ever said "Protecting…" while disabled (it may last only a moment).
  await dialog.evaluate((d) => {
    const button = d.querySelector('button[type=submit]');
    window.sawProtecting = false;
    new MutationObserver(() => {
      if (button.textContent.trim() === 'Protecting…' && button.disabled) window.sawProtecting = true;
    }).observe(button, { attributes: true, childList: true, characterData: true, subtree: true });
  });
  const started = Date.now();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Export', exact: true }).click(),
  ]);
  const elapsed = Date.now() - started;
  assert.equal(await page.evaluate(() => window.sawProtecting), true, 'showed "Protecting…" on a disabled button');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  assert.ok(elapsed < 1000, `protecting took ${elapsed} ms at 4x throttling`);
  console.log(`# export encrypted at 4x CPU throttling: ${elapsed} ms`);
  await dialog.waitFor({ state: 'hidden' });
  await page.getByRole('status').filter({ hasText: 'protected with a passphrase' }).waitFor();
  assert.equal(JSON.parse(nodeOpen(await readDownload(download), 'quiet river lantern morning')).plan.name, 'Slow Phone Coalition');
  assertNoErrors(page);
  await context.close();
});

test('"Export encrypted" runs the contact-details check first, like "Export plan"', async () => {
  const context = await app.context();
  const page = await app.open(context, '#/survivors');
  await page.getByLabel('How will survivor experts be paid?').fill('Ask Maria on (720) 555-0134 about the stipend');
  await waitSaved(page);
  const opener = page.getByRole('button', { name: 'Export encrypted' });
  await opener.click();
  const check = page.getByRole('region', { name: 'Check before you export' });
  await check.waitFor();
  assert.equal(await exportDialog(page).isVisible(), false, 'no dialog before the check is answered');
  await check.getByRole('button', { name: 'Cancel' }).click();
  assert.equal(await exportDialog(page).isVisible(), false);
  await opener.click();
  await check.getByRole('button', { name: 'Export anyway' }).click();
  const dialog = exportDialog(page);
  await dialog.waitFor();
  await dialog.getByLabel('Passphrase', { exact: true }).fill('checked and still sent');
  await dialog.getByLabel('Passphrase again', { exact: true }).fill('checked and still sent');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Export', exact: true }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^partnership-plan-\d{4}-\d\d-\d\d-\d{4}\.protected\.json$/);
  assert.match(nodeOpen(await readDownload(download), 'checked and still sent'), /555-0134/);
  assertNoErrors(page);
  await context.close();
});

test('a weak passphrase or the plan\'s name is refused; "Suggest a passphrase" fills a strong one', async () => {
  const context = await app.context();
  const page = await app.open(context);
  await makePlan(page, 'Mountain Coalition');
  let downloads = 0;
  page.on('download', () => { downloads += 1; });
  await page.getByRole('button', { name: 'Export encrypted' }).click();
  const dialog = exportDialog(page);
  const first = dialog.getByLabel('Passphrase', { exact: true });
  const second = dialog.getByLabel('Passphrase again', { exact: true });
  const meter = dialog.locator('#seal-strength');
  const exportButton = dialog.getByRole('button', { name: 'Export', exact: true });
  assert.match(await first.getAttribute('aria-describedby'), /seal-strength/, 'the meter describes the field');
  for (const [weak, message] of [
    ['Coalition2026!', /among the first that anyone would try/],
    ['Summer2026!', /too easy to guess: one computer could find it in about/],
    ['mountain coalition 2026', /contains the plan’s name/],
    ['asdfghjkl1234', /too easy to guess/],
  ]) {
    await first.fill(weak);
    await second.fill(weak);
    if (!/name|first/.test(String(message))) assert.match(await meter.textContent(), /^Strength: weak\./, weak);
    await exportButton.click();
    await dialog.getByRole('alert').filter({ hasText: message }).waitFor();
    assert.equal(await first.getAttribute('aria-invalid'), 'true', weak);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'seal-pass', weak);
  }
  await first.fill('kelp tiger oboe vista');
  assert.match(await meter.textContent(), /^Strength: fair\./);
  await dialog.getByRole('button', { name: 'Suggest a passphrase' }).click();
  const suggested = await first.inputValue();
  assert.match(suggested, /^[a-z]{3,5}( [a-z]{3,5}){5}$/, suggested);
  assert.equal(await second.inputValue(), suggested, 'both fields are filled');
  assert.equal(await first.getAttribute('type'), 'text', 'shown, so it can be written down');
  assert.match(await meter.textContent(), /^Strength: strong\./);
  await dialog.getByRole('status').filter({ hasText: 'six random words' }).waitFor();
  await dialog.getByRole('button', { name: 'Suggest a passphrase' }).click();
  assert.notEqual(await first.inputValue(), suggested, 'a new one each time');
  const chosen = await first.inputValue();
  assert.equal(downloads, 0, 'nothing was exported with a refused passphrase');
  const [download] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
  assert.equal(JSON.parse(nodeOpen(await readDownload(download), chosen)).plan.name, 'Mountain Coalition');
  assertNoErrors(page);
  await context.close();
});

test('a passphrase typed composed (NFC) or decomposed (NFD) opens the same file, older files too', async () => {
  const context = await app.context();
  const page = await app.open(context);
  await makePlan(page, 'Accented Plan');
  const nfc = 'café señora über naïve'.normalize('NFC');
  const nfd = nfc.normalize('NFD');
  assert.notEqual(nfc, nfd);
  // Typed decomposed, sealed with the composed form.
  const sealed = await exportEncrypted(page, nfd);
  assert.equal(JSON.parse(nodeOpen(sealed.text, nfc)).plan.name, 'Accented Plan');
  assert.throws(() => nodeOpen(sealed.text, nfd));
  for (const typed of [nfc, nfd]) {
    await tryUnlock(page, 'accented.protected.json', sealed.text, typed);
    await previewRegion(page).waitFor();
    await previewRegion(page).getByRole('button', { name: 'Cancel' }).click();
  }
  // A file made before normalization, from the decomposed bytes as typed: opened with the same
  // typing (NFC first, then the raw text).
  const { seal: nodeSeal } = await import('../fixtures/encrypted/make.mjs');
  const { randomBytes } = await import('node:crypto');
  const older = JSON.stringify(nodeSeal(readFileSync(resolve(FIXTURES, 'plan-v1.json')), nfd, { salt: randomBytes(16), iv: randomBytes(12) }), null, 2);
  await tryUnlock(page, 'older.protected.json', older, nfd);
  await previewRegion(page).filter({ hasText: 'Fictional Valley' }).waitFor();
  assertNoErrors(page);
  await context.close();
});
