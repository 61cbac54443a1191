// En español (issue #18): the whole app in English and Spanish, chosen by the user. Checked
// against the catalogue itself (lang/es/*.json: every English text the app shows, with its
// Spanish), never a hand list: on every route in Spanish no English text of the catalogue is
// shown, the choice survives a reload, a Spanish browser starts in Spanish, the printable plan
// and the MOU print in Spanish, axe finds nothing in Spanish at 1280 and 320 px and nothing
// overflows, and a plan exported in Spanish is the same file as in English.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { useApp, assertNoErrors, readDownload, waitSaved } from './helpers.mjs';
import { openCoalition, coalitionPlan } from './fixtures.mjs';
import { runAxe, summarize, AXE_VERSION } from './axe.mjs';

const app = useApp();

const LANG_DIR = resolve(import.meta.dirname, '../../lang/es');
/** The catalogue: English → Spanish, every area. */
const CATALOGUE = Object.assign({}, ...readdirSync(LANG_DIR).filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(resolve(LANG_DIR, f), 'utf8'))));
const squash = (s) => s.replace(/\s+/g, ' ').trim();

/** The Spanish of an English text the app shows; fails if the catalogue has none. */
function es(english) {
  const spanish = CATALOGUE[english];
  assert.ok(spanish, `the catalogue has Spanish for ${JSON.stringify(english)}`);
  return spanish;
}

/**
 * What must not be seen in Spanish: each entry whose Spanish differs, as its longest fixed run
 * of words (a template's text between placeholders, when that run is long enough to be telling),
 * unless the same words also occur in some Spanish text (names, acronyms, words both languages
 * share).
 */
const ALL_SPANISH = squash(Object.values(CATALOGUE).join('\n'));
const word = (s) => new RegExp(`(?<![\\p{L}\\p{N}])${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u');
const PROBES = Object.entries(CATALOGUE)
  .filter(([en, sp]) => en !== sp)
  // `context::English` (trc!): the English shown is after the context.
  .map(([key]) => [key, key.includes('::') ? key.slice(key.indexOf('::') + 2) : key])
  .map(([key, en]) => {
    const parts = squash(en).split(/\{[A-Za-z0-9_]+\}/).map((p) => p.trim()).filter((p) => /\p{L}/u.test(p));
    const longest = parts.sort((a, b) => b.length - a.length)[0] ?? '';
    return { en: key, probe: parts.length === 1 && !/\{/.test(en) ? squash(en) : longest };
  })
  .filter(({ en, probe }) => probe && (probe === squash(en) || probe.length >= 12))
  .filter(({ probe }) => !word(probe).test(ALL_SPANISH))
  .map(({ en, probe }) => ({ en, probe, re: word(probe) }));

/** The page's visible text: what is rendered, and the names and hints of its elements. */
const pageText = (page) => page.evaluate(() => {
  const parts = [document.body.innerText, document.title];
  for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [alt], option, [aria-description]')) {
    if (!el.checkVisibility() && el.localName !== 'option') continue;
    for (const a of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description']) {
      if (el.getAttribute(a)) parts.push(el.getAttribute(a));
    }
    if (el.localName === 'option') parts.push(el.textContent);
  }
  return parts.join('\n');
});

/** The plan's own text (the fixture's, written in English by its authors): not the app's words,
 *  so it is taken out of the page's text before looking. Longest first. */
const PLAN_TEXT = (() => {
  const out = new Set();
  const walk = (v) => {
    if (typeof v === 'string') { if (/\p{L}{3}/u.test(v)) out.add(squash(v)); } else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(coalitionPlan());
  return [...out].sort((a, b) => b.length - a.length);
})();

/** English texts of the catalogue on the page. */
async function englishOn(page) {
  let text = squash(await pageText(page));
  for (const own of PLAN_TEXT) text = text.split(own).join(' \u0000 ');
  return PROBES.filter(({ re }) => re.test(text)).map(({ en }) => en);
}

/** Every route with its English heading; in Spanish its heading is the catalogue's Spanish. */
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
  ['#/meetings', 'Meetings'],
  ['#/report', 'Yearly report'],
  ['#/plans', 'Your plans'],
  ['#/resources', 'Resources'],
  ['#/safety', 'Safety and privacy'],
  ['#/glossary', 'Glossary'],
  ['#/print', 'Printable plan'],
  ['#/print/summary', 'Two-page summary'],
  ['#/mou', 'MOU draft'],
  ['#/assessment', 'Ask every member'],
  ['#/answer', 'Answer a self-assessment'],
  ['#/merge', 'Merge a colleague\u2019s copy'],
];

/** Shows a route as a bookmark would, waits for its Spanish heading, opens each table's first
 *  row (so forms are checked as well as tables). */
async function visit(page, [hash, title]) {
  await page.evaluate((h) => { location.hash = h; }, hash);
  await page.getByRole('heading', { level: 1, name: es(title), exact: true }).waitFor();
  await page.evaluate(() => {
    for (const t of document.querySelectorAll('table.items-table')) {
      t.querySelector('tbody .row-open[aria-expanded="false"]')?.click();
    }
  });
}

/** Switches with the visible switch, as a person would. */
async function choose(page, name) {
  await page.getByRole('button', { name, exact: true }).first().click();
  await page.waitForFunction((lang) => document.documentElement.lang === lang, name === 'Español' ? 'es' : 'en');
}

test('the routes and their headings are in the catalogue (the test checks every page)', () => {
  for (const [, title] of ROUTES) es(title);
  assert.ok(PROBES.length > 500, `${PROBES.length} English texts to look for`);
});

test('on every route in Spanish no English text of the catalogue is shown; reload keeps Spanish; English comes back', async () => {
  const { context, page } = await openCoalition(app);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  // Negative control: in English the check finds the catalogue's English.
  assert.ok((await englishOn(page)).length > 10, 'the probe sees English in English');
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await choose(page, 'Español');
  // Choosing Spanish fetches the Spanish words, the app's own files, and nothing else.
  const own = new URL(app.url).origin;
  assert.ok(requests.length > 0 && requests.every((u) => u.startsWith(`${own}/lang/es/`) && u.endsWith('.json')),
    `only the Spanish words are fetched: ${requests.join(', ')}`);
  // The choice is the user's, kept in the app's settings (no cookie).
  const settings = await page.evaluate(() => JSON.parse(localStorage.getItem('partnership-planner:settings')));
  assert.equal(settings.language, 'es');
  assert.equal((await context.cookies()).length, 0);
  const found = [];
  const shown = {};
  for (const route of ROUTES) {
    await visit(page, route);
    shown[route[0]] = squash(await pageText(page));
    for (const en of await englishOn(page)) found.push(`${route[0]}: ${JSON.stringify(en)}`);
  }
  assert.deepEqual(found, [], `English left in Spanish:\n${found.join('\n')}`);
  // Dates and money as Spanish writes them (Intl, es-US).
  assert.match(shown['#/management'], /\b\d{1,2} de (enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre) de \d{4}\b/);
  assert.match(shown['#/funding'], /\$25,000\b/);
  await visit(page, ROUTES[0]);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: es('Overview'), exact: true }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'es');
  await choose(page, 'English');
  await page.getByRole('heading', { level: 1, name: 'Overview', exact: true }).waitFor();
  await page.reload();
  await page.getByRole('navigation', { name: 'Sections' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assertNoErrors(page);
  await context.close();
});

test('a Spanish browser starts in Spanish, an English one in English, and the choice wins over both', async () => {
  const context = await app.context({ locale: 'es-US' });
  const page = await context.newPage();
  await page.goto(app.url);
  await page.getByRole('navigation', { name: es('Sections') }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'es');
  assert.equal(await page.getByRole('button', { name: 'Español', exact: true }).first().getAttribute('aria-pressed'), 'true');
  await choose(page, 'English');
  await page.reload();
  await page.getByRole('navigation', { name: 'Sections' }).waitFor();
  await context.close();
  const english = await app.context({ locale: 'en-US' });
  const page2 = await app.open(english);
  assert.equal(await page2.evaluate(() => document.documentElement.lang), 'en');
  await english.close();
});

test('the printable plan, the summary and the MOU print in Spanish', async () => {
  const { context, page } = await openCoalition(app);
  await choose(page, 'Español');
  const found = [];
  for (const route of [['#/print', 'Printable plan'], ['#/print/summary', 'Two-page summary'], ['#/mou', 'MOU draft']]) {
    await visit(page, route);
    await page.emulateMedia({ media: 'print' });
    for (const en of await englishOn(page)) found.push(`${route[0]}: ${JSON.stringify(en)}`);
    const pdf = await page.pdf({ format: 'Letter' });
    assert.ok(pdf.length > 1000, `${route[0]} prints`);
    await page.emulateMedia({ media: 'screen' });
  }
  assert.deepEqual(found, [], `English left in the Spanish print-outs:\n${found.join('\n')}`);
  await context.close();
});

test('axe finds nothing in Spanish on every route, at 1280 px and at 320 px, and nothing overflows at 320 px or at 200% zoom', async () => {
  const failures = [];
  const overflows = [];
  // 640 px is a 1280 px window at 200% zoom: the same CSS layout width.
  for (const width of [1280, 640, 320]) {
    const { context, page } = await openCoalition(app, '#/', { viewport: { width, height: 900 } });
    await choose(page, 'Español');
    for (const route of ROUTES) {
      await visit(page, route);
      if (width !== 640) {
        const violations = await runAxe(page);
        if (violations.length) failures.push(summarize(violations, `${width}px ${route[0]}`));
      }
      if (width !== 1280) {
        const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (wide > 1) overflows.push(`${width}px ${route[0]}: ${wide}px wider than the screen`);
      }
    }
    await context.close();
  }
  assert.equal(failures.length, 0, `axe-core ${AXE_VERSION} in Spanish:\n${failures.join('\n')}`);
  assert.deepEqual(overflows, []);
});

test('a plan exported in Spanish is the same file as in English, and opens in English', async () => {
  const { context, page } = await openCoalition(app);
  const exportPlan = async (name) => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name, exact: true }).click(),
    ]);
    return JSON.parse(await readDownload(download));
  };
  const english = await exportPlan('Export plan');
  await choose(page, 'Español');
  const spanish = await exportPlan(es('Export plan'));
  // What differs between two exports of the same plan: when and which export it was.
  const plain = (file) => JSON.stringify(file, (k, v) => (['saved_at', 'export_id'].includes(k) ? undefined : v));
  assert.equal(plain(spanish), plain(english));
  await context.close();
  // Opened on an English device, it is the same plan.
  const other = await app.context({ locale: 'en-US' });
  const page2 = await app.open(other);
  await page2.getByLabel('Import plan', { exact: true }).setInputFiles({ name: 'plan.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(spanish)) });
  await page2.getByRole('region', { name: 'Open this plan?' }).getByRole('button', { name: 'Open as a new plan' }).click();
  await waitSaved(page2);
  await page2.getByRole('heading', { level: 1, name: 'Overview', exact: true }).waitFor();
  assertNoErrors(page2);
  await other.close();
});

test('before the app has loaded, a Spanish visit shows Quick exit in Spanish', async () => {
  const context = await app.context({ locale: 'es-MX' });
  let release;
  const held = new Promise((ok) => { release = ok; });
  await context.route(/_bg\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  const page = await context.newPage();
  await page.goto(app.url);
  const exit = page.getByRole('link', { name: es('Quick exit'), exact: true });
  await exit.waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'es');
  assert.equal(await page.getByRole('status').textContent(), 'Abriendo su plan…');
  release();
  // The app takes over in Spanish.
  await page.getByRole('button', { name: es('Quick exit'), exact: true }).waitFor();
  await context.close();
});
