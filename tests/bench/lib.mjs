// Shared pieces of the benchmark: statistics, formatting, fresh browser contexts, the in-page
// probes (installed with addInitScript, so they run before any of the app's scripts), putting a
// plan in storage before load, and CPU throttling.
import { largePlan, storageEntries } from './large-plan.mjs';

export const RUNS = Number(process.env.BENCH_RUNS ?? 5);
export const SEED = 1;

// --- statistics and formatting ---------------------------------------------------------------

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
/** Nearest-rank percentile (p in 0..100). */
export const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};
export const round1 = (x) => Math.round(x * 10) / 10;
/** { runs, median, min } of a list of times. */
export const stats = (runs) => ({ runs, median: median(runs), min: Math.min(...runs) });
export const kb = (bytes) => (bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`);
export const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
export const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : 'n/a');
export const runsText = (xs) => xs.map((x) => x.toFixed(1)).join(', ');
export const sleep = (t) => new Promise((ok) => setTimeout(ok, t));
export const verdict = (ok) => (ok ? 'PASS' : 'FAIL');

// --- the large plan --------------------------------------------------------------------------

const plans = new Map();
/** The generated envelope at `scale`, with its compact and pretty texts (cached). */
export function largePlanAt(scale = 1) {
  if (!plans.has(scale)) {
    const envelope = largePlan({ seed: SEED, scale });
    plans.set(scale, {
      envelope,
      entries: storageEntries(envelope),
      compact: JSON.stringify(envelope),
      pretty: JSON.stringify(envelope, null, 2),
    });
  }
  return plans.get(scale);
}

// --- in-page probes (each runs in the page, before the app) ----------------------------------

/** What firstScreenProbe writes on the console (it runs in the page, so it spells it out). */
const FIRST_SCREEN = 'pp-bench: first screen';

/** Sets window.__firstScreen (ms since navigation start) when the first screen is in the DOM:
 *  a <main> heading and the section navigation. The app mounts in one task, so this is the end
 *  of that task (a MutationObserver callback runs at its microtask checkpoint). Then it writes
 *  FIRST_SCREEN on the console, which loadFirstScreen waits for. */
export function firstScreenProbe() {
  const check = () => {
    if (window.__firstScreen !== undefined) return;
    if (document.querySelector('main h1') && document.querySelector('nav[aria-label="Sections"] a')) {
      window.__firstScreen = performance.now();
      observer.disconnect();
      console.debug('pp-bench: first screen');
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', check);
}

/** Logs every localStorage call ({op, key, len, start, end, timer}) in window.__storageLog, and
 *  every timer callback ({delay, scheduled, start, end}) in window.__timers; `timer` ties a storage
 *  call to the setTimeout callback it ran in (the autosave timer, for saves). */
export function storageProbe() {
  const log = (window.__storageLog = []);
  const timers = (window.__timers = []);
  window.__timerNow = null;
  const wrap = (target, name) => {
    const orig = target[name];
    target[name] = function (...args) {
      const start = performance.now();
      try {
        return orig.apply(this, args);
      } finally {
        log.push({
          op: name,
          key: String(args[0]),
          len: name === 'setItem' ? String(args[1]).length : undefined,
          start,
          end: performance.now(),
          timer: window.__timerNow ? timers.indexOf(window.__timerNow) : -1,
        });
      }
    };
  };
  window.__wrapStorage = (target) => ['setItem', 'getItem', 'removeItem'].forEach((n) => wrap(target, n));
  window.__wrapStorage(Storage.prototype);
  const origSetTimeout = window.setTimeout;
  window.setTimeout = function (fn, delay, ...rest) {
    if (typeof fn !== 'function') return origSetTimeout.call(this, fn, delay, ...rest);
    const rec = { delay, scheduled: performance.now() };
    return origSetTimeout.call(
      this,
      function (...a) {
        rec.start = performance.now();
        timers.push(rec);
        const prev = window.__timerNow;
        window.__timerNow = rec;
        try {
          return fn.apply(this, a);
        } finally {
          rec.end = performance.now();
          window.__timerNow = prev;
        }
      },
      delay,
      ...rest,
    );
  };
}

/** An in-memory `localStorage` with no quota, for plans too large for the real one (growth).
 *  Its content arrives in window.name (set by a same-origin page just before the navigation,
 *  see seedViaWindowName), which survives a same-origin navigation in the same tab. The time
 *  the shim took to set up is kept in window.__shimSetupMs. */
export function memoryStorageShim() {
  const t0 = performance.now();
  const MARK = 'pp-bench-storage:';
  const data = new Map();
  const name = window.name;
  if (name.startsWith(MARK)) {
    const nl = name.indexOf('\n');
    const header = JSON.parse(name.slice(MARK.length, nl));
    let at = nl + 1;
    for (const [key, len] of header) {
      data.set(key, name.slice(at, at + len));
      at += len;
    }
    window.name = '';
  }
  const storage = {
    get length() {
      return data.size;
    },
    key: (i) => [...data.keys()][i] ?? null,
    getItem: (k) => (data.has(String(k)) ? data.get(String(k)) : null),
    setItem: (k, v) => void data.set(String(k), String(v)),
    removeItem: (k) => void data.delete(String(k)),
    clear: () => data.clear(),
  };
  if (window.__wrapStorage) window.__wrapStorage(storage);
  Object.defineProperty(window, 'localStorage', { get: () => storage, configurable: true });
  window.__shimSetupMs = performance.now() - t0;
}

// --- contexts, storage and throttling --------------------------------------------------------

/**
 * A fresh context (empty storage and cache) and a page in it, with the probes installed.
 * `seed`: storage entries ({key: text}) written before the app loads, from a separate page of the
 * same origin (robots.txt), checked from a third and both closed before the measured page opens,
 * so the measured load pays for reading the plan (as a returning user's does), not for writing it
 * nor for parsing it as a literal in an init script (an init script that wrote it, even guarded
 * to run once, would be parsed again on every load). `shim`: entries for the in-memory storage
 * instead (growth).
 * `throttle`: CPU slowdown rate (Emulation.setCPUThrottlingRate) for the measured page.
 * `warm`: the page first opens robots.txt of the same origin, so the measured navigation starts
 * in a renderer process that already exists (as Chromium's spare renderer does for a new tab),
 * keeping process start-up out of the figure (always so with `shim`).
 */
export async function openContext(browser, baseUrl, options = {}) {
  const context = await browser.newContext({ acceptDownloads: true });
  try {
    return { context, page: await preparePage(context, baseUrl, options) };
  } catch (err) {
    await context.close();
    throw err;
  }
}

async function preparePage(context, baseUrl, { seed, shim, throttle = 1, probes = [], warm = false }) {
  await context.addInitScript(firstScreenProbe);
  await context.addInitScript(storageProbe);
  for (const p of probes) await context.addInitScript(p);
  if (shim) await context.addInitScript(memoryStorageShim);
  if (seed) {
    const seeder = await context.newPage();
    await seeder.goto(baseUrl + 'robots.txt');
    await seeder.evaluate((entries) => {
      for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
    }, seed);
    // The writes reach the browser's copy of the origin's storage asynchronously; a page closed
    // too early can lose them. Wait until another page sees every one, then close both.
    const checker = await context.newPage();
    await checker.goto(baseUrl + 'robots.txt');
    const lengths = Object.fromEntries(Object.entries(seed).map(([k, v]) => [k, v.length]));
    for (let i = 0; ; i++) {
      const ok = await checker.evaluate((want) => Object.entries(want).every(([k, n]) => localStorage.getItem(k)?.length === n), lengths);
      if (ok) break;
      if (i === 100) throw new Error('seeded storage never became visible to another page');
      await sleep(50);
    }
    await checker.close();
    await seeder.close();
  }
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  if (throttle !== 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  }
  if (warm && !shim) await page.goto(baseUrl + 'robots.txt');
  if (shim) {
    // window.name survives the same-origin navigation that follows.
    await page.goto(baseUrl + 'robots.txt');
    const keys = Object.keys(shim);
    const header = JSON.stringify(keys.map((k) => [k, shim[k].length]));
    await page.evaluate((text) => (window.name = text), `pp-bench-storage:${header}\n${keys.map((k) => shim[k]).join('')}`);
  }
  return page;
}

/** Loads `url` in `page` and waits for the first screen; returns ms since navigation start.
 *  Nothing is evaluated in the page until the probe has said so on the console: Playwright's
 *  `waitForFunction` (and any `evaluate`) first injects Playwright's own script, which took
 *  ~15 ms of the page's main thread to parse, in the middle of the app's start-up. */
export async function loadFirstScreen(page, url, timeout = 120_000) {
  const told = page.waitForEvent('console', { predicate: (m) => m.text() === FIRST_SCREEN, timeout });
  await Promise.all([told, page.goto(url, { timeout, waitUntil: 'commit' })]);
  return page.evaluate(() => window.__firstScreen);
}

/** Throws unless the header names the plan `name` (a stored plan the app could not read would
 *  be set aside and replaced by an empty one, silently making the measurement meaningless). */
export async function expectOpenPlan(page, name) {
  const shown = await page.evaluate(() => document.querySelector('.plan-name')?.textContent ?? '');
  if (!shown.includes(name)) {
    const alert = await page.evaluate(() => [...document.querySelectorAll('[role="alert"]')].map((e) => e.textContent).join(' '));
    throw new Error(`the stored plan did not open (header: "${shown}"; alerts: "${alert}")`);
  }
}

/** Runs `fn({context, page})` in a fresh context, closing it afterwards. */
export async function withContext(browser, baseUrl, options, fn) {
  const { context, page } = await openContext(browser, baseUrl, options);
  try {
    return await fn({ context, page });
  } finally {
    await context.close();
  }
}

/** Waits for the next two frames in the page (the DOM settles, pending timers get a chance). */
export const settle = (page, extraMs = 0) =>
  page.evaluate(
    (t) => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, t)))),
    extraMs,
  );
