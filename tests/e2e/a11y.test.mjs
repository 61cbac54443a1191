// Accessibility (reliability.md §5, table G): axe-core with the WCAG 2.0/2.1/2.2 A and AA tags
// finds no violation on any route, empty and with a full plan, in light and dark schemes, at
// 320 px, and in every state the app can be in (import preview and refusal, storage full, two
// tabs in conflict, an unreadable stored plan, a removed list item, a field in error). Beside
// axe, which misses some things (§5.2), direct checks: visible labels, 24×24 targets
// (WCAG 2.2 2.5.8), reflow at 320 px and at 200% zoom, visible keyboard focus, reduced motion.
//
// One browser for the file; one context per scheme or viewport; routes are visited by setting
// `location.hash` within a page, so axe is injected once per document.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  useApp, waitSaved, assertNoErrors, LIBRARY_KEY, PLAN_PREFIX, fillStorage,
} from './helpers.mjs';
import { runAxe, filterAllowed, summarize, AXE_VERSION } from './axe.mjs';

const app = useApp();
const FIXTURES = resolve(import.meta.dirname, '../fixtures');
const FIXTURE = readFileSync(resolve(FIXTURES, 'plan-v1.json'));
const SCHEMES = ['light', 'dark'];

/** The routes the issue names, with their page headings (= their navigation link text). */
const ROUTES = [
  ['#/', 'Overview'],
  ['#/define', 'Define your partnership'],
  ['#/functions', 'Functions'],
  ['#/membership', 'Membership'],
  ['#/leadership', 'Leadership structure'],
  ['#/management', 'Partnership management'],
  ['#/funding', 'Funding'],
  ['#/trust', 'Trust and sustainability'],
  ['#/survivors', 'Survivor engagement'],
  ['#/plans', 'Your plans'],
  ['#/resources', 'Resources'],
  ['#/print', 'Printable plan'],
  ['#/mou', 'MOU draft'],
];

/**
 * Violations accepted for now, each with the reason and where it is written up. An entry:
 * { rule: 'axe-rule-id', where: /light full #\/print/ (optional), target: /selector/ (optional),
 *   why: 'see a11y report: …' }. Keep it empty: every entry is a known defect.
 */
const ALLOW = [];

/** Fields accepted without a visible <label>: none. (Kept as a list so an exception, if ever
 * needed, is named and justified here.) */
const LABEL_ALLOW = [];

/** Pages linked from within other pages rather than from the navigation: checked when the app
 * has them (an unknown route shows the overview). */
const OFF_NAV = [['#/glossary', 'Glossary']];

/** Every route: the named ones, any other the navigation links to (a new page is checked as
 * soon as it is linked), and the off-navigation pages the app has. */
async function routes(page) {
  const linked = await page.locator('nav a[href^="#/"]').evaluateAll(
    (links) => links.map((a) => [a.getAttribute('href'), a.textContent.trim()]),
  );
  const hrefs = linked.map(([h]) => h);
  for (const [hash] of ROUTES) assert.ok(hrefs.includes(hash), `the navigation links to ${hash}`);
  const all = [...ROUTES, ...linked.filter(([h]) => !ROUTES.some(([r]) => r === h))];
  for (const [hash, title] of OFF_NAV) {
    if (all.some(([h]) => h === hash)) continue;
    await page.evaluate((h) => { location.hash = h; }, hash);
    const heading = page.getByRole('heading', { level: 1, name: title, exact: true });
    if (await heading.waitFor({ timeout: 2000 }).then(() => true, () => false)) all.push([hash, title]);
  }
  return all;
}

/** Shows a route by its hash, as a user's link or bookmark would, and waits for its heading. */
async function visit(page, [hash, title]) {
  await page.evaluate((h) => { location.hash = h; }, hash);
  await page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
  // Lists are tables whose rows open their forms (issue 15): open each table's first row, so
  // the checks see a form of every list as well as the tables.
  const opened = await page.evaluate(() => {
    const buttons = [...document.querySelectorAll('table.items-table')]
      .map((t) => t.querySelector('tbody .row-open[aria-expanded="false"]'))
      .filter(Boolean);
    for (const b of buttons) b.click();
    return buttons.length;
  });
  if (opened) await page.waitForFunction((n) => document.querySelectorAll('.editor-row').length >= n, opened);
}

/** Picks a file with the toolbar's "Import plan" control. */
const pick = (page, name, buffer) => page.getByLabel('Import plan', { exact: true })
  .setInputFiles({ name, mimeType: 'application/json', buffer });

/** Imports tests/fixtures/plan-v1.json (a plan with every section filled) as a new plan. */
async function openFullPlan(page) {
  await pick(page, 'plan-v1.json', FIXTURE);
  const preview = page.getByRole('region', { name: 'Open this plan?' });
  await preview.getByRole('button', { name: 'Open as a new plan' }).click();
  await page.getByRole('status').filter({ hasText: 'as a new plan' }).waitFor();
  await waitSaved(page);
}

/** Runs axe and adds any violation not on the allowlist to `failures`. */
async function axeCheck(page, where, failures) {
  const violations = filterAllowed(await runAxe(page), where, ALLOW);
  if (violations.length) failures.push(summarize(violations, where));
}

function assertNone(failures, what) {
  assert.equal(failures.length, 0, `${what} (axe-core ${AXE_VERSION}):\n${failures.join('\n')}`);
}

/** Fails with every line listed (deepEqual would cut a long list short). */
function assertEmpty(list, what) {
  assert.equal(list.length, 0, `${what}:\n${list.join('\n')}`);
}

// ---- in-page measurements (run with page.evaluate) ----

/** Every rendered input/select/textarea must take its name from a visible <label>. */
function labelProblems() {
  const shown = (el) => {
    if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return false;
    const r = el.getBoundingClientRect();
    return r.width > 2 && r.height > 2;
  };
  const describe = (el) => `${el.localName}${el.type && el.localName === 'input' ? `[type=${el.type}]` : ''}${el.id ? `#${el.id}` : ''}`;
  const problems = [];
  let count = 0;
  for (const el of document.querySelectorAll('input, select, textarea')) {
    if (el.type === 'hidden' || !el.checkVisibility()) continue;
    count += 1;
    const labels = [...(el.labels ?? [])].filter((l) => shown(l) && l.textContent.trim());
    const ariaLabel = el.getAttribute('aria-label');
    if (!labels.length) {
      const other = [ariaLabel && `aria-label "${ariaLabel}"`, el.getAttribute('aria-labelledby') && 'aria-labelledby',
        el.placeholder && `placeholder "${el.placeholder}"`, el.title && `title "${el.title}"`].filter(Boolean);
      problems.push(`${describe(el)}: no visible <label>${other.length ? ` (only ${other.join(', ')})` : ''}`);
      continue;
    }
    if (ariaLabel !== null) problems.push(`${describe(el)}: aria-label "${ariaLabel}" replaces its visible label "${labels[0].textContent.trim()}"`);
    const by = el.getAttribute('aria-labelledby');
    if (by && !by.split(/\s+/).some((id) => labels.some((l) => l.id === id))) {
      problems.push(`${describe(el)}: aria-labelledby="${by}" replaces its visible label "${labels[0].textContent.trim()}"`);
    }
  }
  return { count, problems };
}

/**
 * WCAG 2.2 2.5.8: every rendered button, link, form control or other tab stop is at least
 * `min`×`min` CSS px (its bounding box, as Playwright's boundingBox measures it). Links inside a
 * sentence or block of text (their paragraph or list item holds other text) are exempt by the
 * criterion's "inline" exception and are returned apart.
 */
function targetProblems(min) {
  const selector = 'button, a[href], input:not([type="hidden"]), select, textarea, summary, '
    + '[role="button"], [role="link"], [role="checkbox"], [role="radio"], [tabindex]:not([tabindex="-1"])';
  const squash = (s) => s.replace(/\s+/g, ' ').trim();
  const describe = (el) => {
    const name = el.getAttribute('aria-label') || squash(el.textContent) || el.id || el.getAttribute('href') || '';
    return `${el.localName}${el.type && el.localName === 'input' ? `[type=${el.type}]` : ''}${el.id ? `#${el.id}` : ''}${el.className ? `.${String(el.className).trim().split(/\s+/).join('.')}` : ''} "${name.slice(0, 50)}"`;
  };
  const small = [];
  const inline = [];
  let count = 0;
  for (const el of document.querySelectorAll(selector)) {
    if (!el.checkVisibility()) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    count += 1;
    if (r.width >= min - 0.01 && r.height >= min - 0.01) continue;
    const size = `${Math.round(r.width * 10) / 10}×${Math.round(r.height * 10) / 10}`;
    if (el.localName === 'a') {
      const block = el.closest('p, li, dd, dt, td, th, figcaption, blockquote, label');
      if (block && squash(block.textContent) !== squash(el.textContent)) {
        inline.push(`${describe(el)} ${size} (in text)`);
        continue;
      }
    }
    small.push(`${describe(el)} is ${size}`);
  }
  return { count, small, inline };
}

/** The page's width beyond the viewport, and the innermost elements that stick out. */
function overflow() {
  const width = document.documentElement.clientWidth;
  const out = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.right <= width + 0.5 || !el.checkVisibility()) continue;
    const childOut = [...el.children].some((c) => c.getBoundingClientRect().right > width + 0.5);
    if (!childOut) out.push(`${el.localName}${el.id ? `#${el.id}` : ''}${el.className ? `.${String(el.className).trim().split(/\s+/).join('.')}` : ''} right=${Math.round(r.right)}`);
  }
  return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, offenders: out.slice(0, 8) };
}

// ---- axe: every route, empty and full, in both schemes ----

for (const colorScheme of SCHEMES) {
  test(`axe: every route, empty plan and full plan (${colorScheme})`, async (t) => {
    const context = await app.context({ colorScheme });
    const page = await app.open(context);
    assert.equal(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), colorScheme === 'dark');
    const failures = [];
    const all = await routes(page);
    t.diagnostic(`axe-core ${AXE_VERSION} on ${all.map(([h]) => h).join(' ')}`);
    for (const route of all) {
      await visit(page, route);
      await axeCheck(page, `${colorScheme} empty ${route[0]}`, failures);
    }
    await visit(page, ROUTES[0]);
    await openFullPlan(page);
    for (const route of all) {
      await visit(page, route);
      await axeCheck(page, `${colorScheme} full ${route[0]}`, failures);
    }
    assertNone(failures, 'axe violations');
    assertNoErrors(page);
    await context.close();
  });

  test(`axe: import preview, refusal, opened, replaced and undone (${colorScheme})`, async () => {
    const context = await app.context({ colorScheme });
    const page = await app.open(context);
    const failures = [];
    // The welcome (nothing stored yet) is a state of its own.
    await page.getByRole('region', { name: 'Welcome' }).waitFor();
    await axeCheck(page, `${colorScheme} welcome`, failures);

    for (const bad of ['truncated.json', 'newer-version.json']) {
      await pick(page, bad, readFileSync(resolve(FIXTURES, 'bad', bad)));
      await page.getByRole('alert').filter({ hasText: `Could not open “${bad}”` }).waitFor();
      await axeCheck(page, `${colorScheme} import refusal ${bad}`, failures);
    }

    await pick(page, 'plan-v1.json', FIXTURE);
    const preview = page.getByRole('region', { name: 'Open this plan?' });
    await preview.waitFor();
    await axeCheck(page, `${colorScheme} import preview (empty plan open)`, failures);
    await preview.getByRole('button', { name: 'Open as a new plan' }).click();
    await page.getByRole('status').filter({ hasText: 'as a new plan' }).waitFor();
    await waitSaved(page);
    await axeCheck(page, `${colorScheme} opened as a new plan`, failures);

    // A preview against a full open plan lists the differences; replacing offers an undo.
    await visit(page, ['#/define', 'Define your partnership']);
    await page.getByLabel('What is your vision?').fill('A changed vision, so the file differs.');
    await pick(page, 'plan-v1.json', FIXTURE);
    await preview.waitFor();
    await axeCheck(page, `${colorScheme} import preview (differences)`, failures);
    await preview.getByRole('button', { name: 'Replace this plan' }).click();
    const replaced = page.getByRole('status').filter({ hasText: 'Replaced this plan with' });
    await replaced.waitFor();
    await axeCheck(page, `${colorScheme} import replaced (undo offered)`, failures);
    await replaced.getByRole('button', { name: 'Undo import' }).click();
    await page.getByRole('status').filter({ hasText: 'Import undone' }).waitFor();
    await axeCheck(page, `${colorScheme} import undone`, failures);

    assertNone(failures, 'axe violations');
    assertNoErrors(page);
    await context.close();
  });

  test(`axe: a field in error and a removed list item (${colorScheme})`, async () => {
    const context = await app.context({ colorScheme });
    const page = await app.open(context);
    await openFullPlan(page);
    const failures = [];

    await visit(page, ['#/funding', 'Funding']);
    const amount = page.getByLabel('Amount (US dollars)').first();
    const was = await amount.inputValue();
    await amount.fill('lots');
    await page.locator('.field-error').first().waitFor();
    await axeCheck(page, `${colorScheme} field in error (funding amount)`, failures);
    await amount.fill(was);

    await visit(page, ['#/membership', 'Membership']);
    await page.getByRole('button', { name: /^Remove member organization: / }).first().click();
    const undo = page.getByRole('status').filter({ hasText: /^Removed / });
    await undo.waitFor();
    await axeCheck(page, `${colorScheme} list item removed (undo bar)`, failures);
    await undo.getByRole('button', { name: 'Undo remove' }).click();

    assertNone(failures, 'axe violations');
    assertNoErrors(page);
    await context.close();
  });

  test(`axe: storage full, and two tabs (synced, then in conflict) (${colorScheme})`, async () => {
    const context = await app.context({ colorScheme });
    const a = await app.open(context);
    await openFullPlan(a);
    const failures = [];

    // Storage full: the banner asks for an export; the screen keeps the text.
    await visit(a, ['#/define', 'Define your partnership']);
    const vision = a.getByLabel('What is your vision?');
    const was = await vision.inputValue();
    const fillers = await fillStorage(a, 20_000);
    await vision.fill('y'.repeat(60_000));
    await a.getByRole('alert').filter({ hasText: "This device's storage is full" }).waitFor();
    await axeCheck(a, `${colorScheme} storage full`, failures);
    await a.evaluate((n) => { for (let i = 0; i < n; i++) localStorage.removeItem(`filler-${i}`); }, fillers);
    await vision.fill(was);
    await waitSaved(a);

    // A second tab on the same plan: an edit in A shows up in B with a status message.
    const b = await app.open(context, '#/define');
    await vision.fill('Seen in both tabs');
    await waitSaved(a);
    await b.getByRole('status').filter({ hasText: 'Updated with changes saved in another tab' }).waitFor();
    await axeCheck(b, `${colorScheme} synced from another tab`, failures);

    // B in the background with unsaved typing while A saves: B must ask which to keep.
    await b.evaluate(() => Object.defineProperty(document, 'hidden', { get: () => true, configurable: true }));
    await b.getByLabel('What is your mission?').fill('Typed in the stale tab');
    await a.getByLabel('What is your mission?').fill('Saved in the current tab');
    await waitSaved(a);
    const conflict = b.getByRole('alert').filter({ hasText: 'This plan was changed in another tab or window' });
    await conflict.waitFor();
    await axeCheck(b, `${colorScheme} conflict between tabs`, failures);
    await conflict.getByRole('button', { name: 'Load the other version' }).click();

    assertNone(failures, 'axe violations');
    assertNoErrors(a);
    await context.close();
  });

  test(`axe: an unreadable stored plan, with and without a backup (${colorScheme})`, async () => {
    const failures = [];
    const text = FIXTURE.toString('utf8');
    const id = JSON.parse(text).plan.id;
    for (const withBackup of [true, false]) {
      const context = await app.context({ colorScheme });
      await context.addInitScript(([id, text, lib, prefix, withBackup]) => {
        if (sessionStorage.getItem('seeded')) return;
        localStorage.setItem(`${prefix}${id}`, text.slice(0, 200));
        if (withBackup) localStorage.setItem(`partnership-planner:backup:${id}`, text);
        localStorage.setItem(lib, JSON.stringify({ open: id, plans: [] }));
        sessionStorage.setItem('seeded', '1');
      }, [id, text, LIBRARY_KEY, PLAN_PREFIX, withBackup]);
      const page = await app.open(context);
      const notice = page.getByRole('alert').filter({ hasText: 'Your saved plan could not be read' });
      await notice.waitFor();
      if (withBackup) await notice.getByRole('button', { name: 'Restore previous version' }).waitFor();
      await axeCheck(page, `${colorScheme} unreadable stored plan (${withBackup ? 'with' : 'no'} backup)`, failures);
      await context.close();
    }
    assertNone(failures, 'axe violations');
  });
}

// ---- small screens: 320 px (WCAG 1.4.10 Reflow) and 1280 px at 200% zoom ----

test('320 px wide: axe, no horizontal scrolling and 24 px targets on every route (full plan)', async () => {
  const context = await app.context({ viewport: { width: 320, height: 640 } });
  const page = await app.open(context);
  await openFullPlan(page);
  const failures = [];
  const scroll = [];
  const targets = [];
  for (const route of await routes(page)) {
    await visit(page, route);
    await axeCheck(page, `320px full ${route[0]}`, failures);
    const o = await page.evaluate(overflow);
    if (o.scrollWidth > 320) scroll.push(`${route[0]}: scrollWidth ${o.scrollWidth} > 320; sticking out: ${o.offenders.join(', ')}`);
    const t = await page.evaluate(targetProblems, 24);
    targets.push(...t.small.map((s) => `${route[0]}: ${s}`));
  }
  // A state with wide content: the import preview's table.
  await pick(page, 'plan-v1.json', FIXTURE);
  await page.getByRole('region', { name: 'Open this plan?' }).waitFor();
  await axeCheck(page, '320px import preview', failures);
  const o = await page.evaluate(overflow);
  if (o.scrollWidth > 320) scroll.push(`import preview: scrollWidth ${o.scrollWidth} > 320; sticking out: ${o.offenders.join(', ')}`);
  assertEmpty([...failures, ...scroll, ...targets],
    `at 320 px: axe-core ${AXE_VERSION} violations, sideways scrolling, targets under 24×24 CSS px`);
  assertNoErrors(page);
  await context.close();
});

test('200% zoom (a 640×400 CSS px viewport): no horizontal scrolling on any route (full plan)', async () => {
  const context = await app.context({ viewport: { width: 640, height: 400 } });
  const page = await app.open(context);
  await openFullPlan(page);
  const scroll = [];
  for (const route of await routes(page)) {
    await visit(page, route);
    const o = await page.evaluate(overflow);
    if (o.scrollWidth > 640) scroll.push(`${route[0]}: scrollWidth ${o.scrollWidth} > 640; sticking out: ${o.offenders.join(', ')}`);
  }
  assertEmpty(scroll, 'the page scrolls sideways at 640 px');
  await context.close();
});

// ---- what axe does not check ----

test('every input, select and textarea on every route has a visible <label> (full plan)', async (t) => {
  const context = await app.context();
  const page = await app.open(context);
  await openFullPlan(page);
  const problems = [];
  let total = 0;
  for (const route of await routes(page)) {
    await visit(page, route);
    const { count, problems: p } = await page.evaluate(labelProblems);
    total += count;
    problems.push(...p.map((x) => `${route[0]}: ${x}`));
  }
  assert.ok(total > 100, `a full plan has many fields (${total})`);
  const allowed = (line) => LABEL_ALLOW.some((e) => line.startsWith(`${e.route}: `)
    && e.control.test(line.slice(e.route.length + 2)) && line.includes('no visible <label>'));
  for (const e of LABEL_ALLOW) {
    if (!problems.some((p) => allowed(p) && p.startsWith(`${e.route}: `))) {
      t.diagnostic(`LABEL_ALLOW entry for ${e.route} ${e.control} is no longer needed: remove it`);
    }
  }
  assertEmpty(problems.filter((p) => !allowed(p)), 'fields without a visible label');
  await context.close();
});


test('every button, link and form control is at least 24×24 CSS px (WCAG 2.2 2.5.8, full plan)', async () => {
  const context = await app.context();
  const page = await app.open(context);
  await openFullPlan(page);
  const small = [];
  let total = 0;
  const measure = async (where) => {
    const t = await page.evaluate(targetProblems, 24);
    total += t.count;
    small.push(...t.small.map((s) => `${where}: ${s}`));
  };
  for (const route of await routes(page)) {
    await visit(page, route);
    await measure(route[0]);
  }
  // Controls that only appear in a state.
  await visit(page, ['#/membership', 'Membership']);
  await page.getByRole('button', { name: /^Remove member organization: / }).first().click();
  const undo = page.getByRole('status').filter({ hasText: /^Removed / });
  await undo.waitFor();
  await measure('undo bar');
  await undo.getByRole('button', { name: 'Undo remove' }).click();
  await pick(page, 'plan-v1.json', FIXTURE);
  await page.getByRole('region', { name: 'Open this plan?' }).waitFor();
  await measure('import preview');
  assert.ok(total > 100, `many targets measured (${total})`);
  assertEmpty(small, 'targets smaller than 24×24 CSS px');
  await context.close();
});

/** Focus after a Tab: is it shown (outline or box-shadow, :focus-visible), and is the control
 * not entirely hidden under something else, such as a fixed button (WCAG 2.2 2.4.11)? */
function focusState() {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  // The file input is transparent over its label, which shows its focus.
  const shown = el.matches('.file-button input[type="file"]') ? el.nextElementSibling : el;
  const s = getComputedStyle(shown);
  const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
  const shadow = s.boxShadow !== 'none' && s.boxShadow !== '';
  const name = el.getAttribute('aria-label') || el.labels?.[0]?.textContent || el.textContent || el.id;
  const r = shown.getBoundingClientRect();
  let seen = 0;
  const over = new Set();
  for (const x of [r.left + 1, r.left + r.width / 2, r.right - 1]) {
    for (const y of [r.top + 1, r.top + r.height / 2, r.bottom - 1]) {
      const hit = document.elementFromPoint(x, y);
      if (hit && (el.contains(hit) || shown.contains(hit) || hit.contains(el))) seen += 1;
      else if (hit) over.add(`${hit.localName}${hit.className ? `.${String(hit.className).trim().split(/\s+/).join('.')}` : ''}`);
    }
  }
  return {
    key: `${el.localName}#${el.id}|${name.replace(/\s+/g, ' ').trim().slice(0, 60)}`,
    indicator: outline || shadow,
    focusVisible: el.matches(':focus-visible'),
    style: `outline ${s.outlineStyle} ${s.outlineWidth}, box-shadow ${s.boxShadow}`,
    hidden: seen === 0 ? [...over].join(', ') || 'outside the viewport' : null,
  };
}

for (const [colorScheme, viewport] of [['light', undefined], ['dark', undefined], ['light', { width: 320, height: 640 }]]) {
  const size = viewport ? `, ${viewport.width} px` : '';
  test(`keyboard focus is visible and not hidden, forwards and backwards (${colorScheme}${size})`, async () => {
    const context = await app.context({ colorScheme, ...(viewport ? { viewport } : {}) });
    const page = await app.open(context);
    await openFullPlan(page);
    const unseen = [];
    const hidden = [];
    const seen = new Set();
    /** Presses `key` `presses` times from the current focus and checks each control focused. */
    const tabThrough = async (where, presses, key = 'Tab') => {
      for (let i = 0; i < presses; i++) {
        await page.keyboard.press(key);
        const f = await page.evaluate(focusState);
        if (!f) continue;
        if (f.hidden) hidden.push(`${where} (${key}): ${f.key} is entirely hidden under ${f.hidden}`);
        if (seen.has(f.key)) continue;
        seen.add(f.key);
        if (!f.indicator || !f.focusVisible) unseen.push(`${where}: ${f.key} (${f.style}; :focus-visible ${f.focusVisible})`);
      }
    };
    // From the top of the page: skip link, toolbar, navigation, then the overview.
    await page.reload();
    await page.getByRole('navigation', { name: 'Sections' }).waitFor();
    await tabThrough('#/ from the top', 40);
    // Within pages with many kinds of control, from their heading down, then back up.
    for (const route of [['#/define', 'Define your partnership'], ['#/membership', 'Membership'],
      ['#/management', 'Partnership management'], ['#/trust', 'Trust and sustainability'],
      ['#/plans', 'Your plans'], ['#/resources', 'Resources'], ['#/mou', 'MOU draft']]) {
      await visit(page, route);
      await page.locator('main h1').focus();
      await tabThrough(route[0], 30);
      await tabThrough(route[0], 30, 'Shift+Tab');
    }
    assert.ok(seen.size > 100, `many controls were focused (${seen.size})`);
    assertEmpty([...unseen, ...new Set(hidden)], 'focus not visible, or the focused control entirely hidden');
    await context.close();
  });
}

test('prefers-reduced-motion: reduce: no transition or animation runs', async () => {
  const context = await app.context({ reducedMotion: 'reduce' });
  const page = await app.open(context);
  assert.equal(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches), true);
  await openFullPlan(page);
  const moving = [];
  let buttons = 0;
  for (const route of await routes(page)) {
    await visit(page, route);
    const r = await page.evaluate(() => {
      const out = [];
      const zero = (v) => v.split(',').every((d) => parseFloat(d) === 0);
      const all = document.querySelectorAll('button, a, input, select, textarea, summary, .banner, progress, meter');
      for (const el of all) {
        const s = getComputedStyle(el);
        if (!zero(s.transitionDuration) || (s.animationName !== 'none' && !zero(s.animationDuration))) {
          out.push(`${el.localName}${el.id ? `#${el.id}` : ''} "${(el.textContent || '').trim().slice(0, 30)}": transition ${s.transitionDuration}, animation ${s.animationName} ${s.animationDuration}`);
        }
      }
      const running = document.getAnimations().map((x) => x.constructor.name);
      return { out, running, buttons: document.querySelectorAll('button').length };
    });
    buttons += r.buttons;
    moving.push(...r.out.map((x) => `${route[0]}: ${x}`), ...r.running.map((x) => `${route[0]}: running ${x}`));
  }
  assert.ok(buttons > 50, `buttons were checked (${buttons})`);
  assertEmpty(moving, 'motion despite prefers-reduced-motion: reduce');
  await context.close();
});

// ---- axe: the passphrase dialog, the protected-file prompt and the export check ----

for (const colorScheme of SCHEMES) {
  test(`axe: passphrase dialog open, protected file prompt, export check (${colorScheme})`, async () => {
    const context = await app.context({ colorScheme });
    const page = await app.open(context, '#/define');
    const failures = [];
    await page.getByLabel('Partnership name').fill('Dialog Coalition');
    await waitSaved(page);

    // The dialog, with a validation error showing.
    const opener = page.getByRole('button', { name: 'Export encrypted' });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: 'Export encrypted' });
    await dialog.waitFor();
    await axeCheck(page, `${colorScheme} export dialog open`, failures);
    await dialog.getByLabel('Passphrase', { exact: true }).fill('short');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await axeCheck(page, `${colorScheme} export dialog with an error`, failures);
    // APG: focus stays in the dialog however far one tabs (it wraps)...
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      assert.ok(await page.evaluate(() => !!document.activeElement?.closest('dialog[open]')), 'focus stays in the dialog');
    }
    // ...Escape closes it and focus returns to the button that opened it.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Export encrypted');

    // A protected file waiting for its passphrase.
    await pick(page, 'plan-v1.protected.json', readFileSync(resolve(FIXTURES, 'encrypted', 'plan-v1.protected.json')));
    await page.getByRole('region', { name: 'This plan is protected' }).waitFor();
    await axeCheck(page, `${colorScheme} protected file prompt`, failures);
    await page.getByRole('region', { name: 'This plan is protected' }).getByRole('button', { name: 'Cancel' }).click();

    // The contact-details check before export.
    await page.getByLabel('What is your vision?').fill('Call 720 555 0134');
    await page.getByRole('button', { name: 'Export plan' }).click();
    await page.getByRole('region', { name: 'Check before you export' }).waitFor();
    await axeCheck(page, `${colorScheme} export check`, failures);

    // The lock screen.
    await visit(page, ['#/safety', 'Safety and privacy']);
    await page.getByRole('button', { name: 'Lock this device' }).click();
    await page.getByRole('heading', { level: 1, name: 'Partnership Planner is locked' }).waitFor();
    await axeCheck(page, `${colorScheme} lock screen`, failures);
    assertNone(failures, 'axe violations');
    await context.close();
  });
}
