// Start-up: navigation start → first interactive screen (the app's <main> heading and section
// navigation in the DOM; see firstScreenProbe), median of STARTUP_RUNS fresh contexts, for
//   static  the app's rendered page saved as plain HTML without scripts (same server, same CSS),
//   empty   the app with empty storage,
//   large   the app with the large plan (scale 1) already in localStorage,
//   floor_static, floor  (when built: `make bench` builds it) the smallest Leptos page the probe
//           accepts (tests/bench/floor: a heading, a link, a button; built like the app, same CSS)
//           and its own static copy: the least any Leptos page takes, for reading the
//           empty plan's ratio. Reported, not budgeted (nor is any start-up figure now).
// each without throttling and with the CPU slowed 4× (Emulation.setCPUThrottlingRate). Each load
// is in a fresh context whose page has first opened robots.txt of the same origin (see `warm` in
// lib.mjs); the large plan is written to storage beforehand from another page (see `seed`).
import { cp, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve } from '../e2e/server.mjs';
import { RUNS, expectOpenPlan, firstScreenProbe, largePlanAt, loadFirstScreen, median, ms, round1, runsText, stats, withContext } from './lib.mjs';

export const THROTTLE = 4;
/** Loads of each kind: more than the other measurements' RUNS, because one load takes a second
 *  or two and a median of 5 moved by ±0.3× between runs on the 2-core build machine
 *  (2026-12-01) (BENCH_STARTUP_RUNS overrides). */
export const STARTUP_RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? Math.max(RUNS, 15));
/** The floor page's build (Makefile, `bench`); FLOOR_DIR overrides it. */
export const FLOOR_DIR = resolve(process.env.FLOOR_DIR ?? join(import.meta.dirname, '../../target/floor/dist'));

/** Copies `root` into `dir` and adds static.html: the app's rendered DOM without any scripts. */
async function writeStaticCopy(browser, root, appUrl, dir) {
  const html = await withContext(browser, appUrl, {}, async ({ page }) => {
    await loadFirstScreen(page, appUrl);
    return page.evaluate(() => {
      const doc = document.documentElement.cloneNode(true);
      const junk = 'script, link[rel="modulepreload"], link[rel="preload"], link[href$=".wasm"], link[href$=".js"]';
      for (const el of doc.querySelectorAll(junk)) el.remove();
      return '<!DOCTYPE html>\n' + doc.outerHTML;
    });
  });
  await cp(root, dir, { recursive: true });
  await writeFile(join(dir, 'static.html'), html);
}

/** Serves a static copy of the page at `url` (files from `root`) from a temporary folder; what
 *  undoes that goes into `cleanup`. */
async function serveStaticCopy(browser, root, url, cleanup) {
  const dir = await mkdtemp(join(tmpdir(), 'pp-bench-static-'));
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  await writeStaticCopy(browser, root, url, dir);
  const server = await serve(dir);
  cleanup.push(() => server.close());
  return server;
}

/** One load of `url` (origin `base`) in a fresh context; ms to the first screen. */
async function startupOnce(browser, base, url, options, planName) {
  const t = await withContext(browser, base, { warm: true, ...options }, async ({ page }) => {
    const t = await loadFirstScreen(page, url);
    if (page.errors.length) throw new Error(`page errors at start-up: ${page.errors.join('; ')}`);
    if (planName) await expectOpenPlan(page, planName);
    // The app's first storage call → first screen: reading the plan, decoding it, first render.
    const fromStorage = await page.evaluate(() => window.__firstScreen - (window.__storageLog[0]?.start ?? NaN));
    return [t, fromStorage];
  });
  return t.map(round1);
}

export async function measureStartup(browser, root, appUrl) {
  const cleanup = [];
  try {
    const staticServer = await serveStaticCopy(browser, root, appUrl, cleanup);
    const large = largePlanAt(1);
    const kinds = {
      static: [staticServer.url, staticServer.url + 'static.html', {}, null],
      empty: [appUrl, appUrl, {}, null],
      large: [appUrl, appUrl, { seed: large.entries }, large.envelope.plan.name],
    };
    if ((await stat(FLOOR_DIR).catch(() => null))?.isDirectory()) {
      const floorServer = await serve(FLOOR_DIR);
      cleanup.push(() => floorServer.close());
      const floorStatic = await serveStaticCopy(browser, FLOOR_DIR, floorServer.url, cleanup);
      kinds.floor_static = [floorStatic.url, floorStatic.url + 'static.html', {}, null];
      kinds.floor = [floorServer.url, floorServer.url, {}, null];
    } else {
      console.log(`\n(no floor page at ${FLOOR_DIR}: \`make bench\` builds it; measuring without it)`);
    }
    const out = {};
    for (const throttle of [1, THROTTLE]) {
      // Interleaved (static, empty, large, ..., static, ...), so that load from other work on the
      // machine falls on every kind alike.
      const times = Object.fromEntries(Object.keys(kinds).map((k) => [k, []]));
      const fromStorage = { empty: [], large: [] };
      for (let i = 0; i < STARTUP_RUNS; i++) {
        for (const [kind, [base, url, options, name]] of Object.entries(kinds)) {
          const [t, s] = await startupOnce(browser, base, url, { ...options, throttle }, name);
          times[kind].push(t);
          fromStorage[kind]?.push(s);
        }
      }
      const row = Object.fromEntries(Object.entries(times).map(([k, t]) => [k, stats(t)]));
      row.empty.from_storage_ms = median(fromStorage.empty);
      row.large.from_storage_ms = median(fromStorage.large);
      row.empty_ratio = row.empty.median / row.static.median;
      row.large_ratio = row.large.median / row.static.median;
      if (row.floor) row.floor_ratio = row.floor.median / row.floor_static.median;
      out[`cpu_${throttle}x`] = row;
      console.log(`\nStart-up to first screen, CPU ${throttle}x (median of ${STARTUP_RUNS}, fresh context each)`);
      for (const k of Object.keys(kinds)) {
        const against = k === 'floor' ? 'floor_static' : k.endsWith('static') ? null : 'static';
        const ratio = against ? `  (${(row[k].median / row[against].median).toFixed(2)}x ${against})` : '';
        const split = row[k].from_storage_ms === undefined ? '' : `; first storage call -> first screen ${ms(row[k].from_storage_ms)}`;
        console.log(`  ${k.padEnd(12)} ${ms(row[k].median).padStart(10)}${ratio.padEnd(22)}  runs: ${runsText(row[k].runs)}${split}`);
      }
    }
    out.large_plan_chars = large.compact.length;
    return out;
  } finally {
    for (const undo of cleanup.reverse()) await undo();
  }
}

// ---------------------------------------------------------------------------------------------
// The waits people have (issue #16), with budgets:
//   first visit, slow mobile (150 ms round trip, 1.6 Mbps down, 750 kbps up, CPU 4×, files
//     gzip-compressed as the bench server sends them): the shell with Quick exit painted
//     (first contentful paint: index.html's first screen) ≤ 1.0 s; the plan usable ≤ 3.0 s;
//   repeat visit served by the worker, network off, CPU 4×: usable ≤ 1.0 s; and unthrottled,
//     its first screen ≤ 2× the floor page's (measured above; the floor page has no field).
// "Usable": the app's first screen is in the DOM (firstScreenProbe) and a field accepts typing:
// the moment the header shows a letter typed into "Partnership name" as soon as the first
// screen was there (the time Playwright takes to send it is included, so it is on the safe
// side). Each load is a fresh context; the repeat visit's first visit (which installs the
// worker) is not measured.

export const SLOW_MOBILE = { latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };
export const OFFLINE_BUDGETS = { shell_ms: 1000, usable_ms: 3000, repeat_usable_ms: 1000, repeat_floor_ratio: 2 };

/** Records first-contentful-paint and whether Quick exit was in the page by then, and the
 *  moment the plan name in the header first shows the typed marker. */
function paintProbe() {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.name === 'first-contentful-paint' && window.__fcp === undefined) {
        window.__fcp = e.startTime;
        window.__fcpQuickExit = [...document.querySelectorAll('.quick-exit')].some((q) => q.textContent === 'Quick exit');
      }
    }
  }).observe({ type: 'paint', buffered: true });
  const observer = new MutationObserver(() => {
    if (window.__echo === undefined && document.querySelector('.plan-name')?.textContent.includes('Zq')) {
      window.__echo = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

/** One measured load of `url` in `page`: { shell, usable }, ms since navigation start. */
async function usableLoad(page, url) {
  const first = await loadFirstScreen(page, `${url}#/define`);
  await page.locator('#plan-name').fill('Zq');
  await page.waitForFunction(() => window.__echo !== undefined);
  const { fcp, quickExit, echo } = await page.evaluate(() => ({ fcp: window.__fcp, quickExit: window.__fcpQuickExit, echo: window.__echo }));
  if (!quickExit) throw new Error('Quick exit was not on the first paint');
  if (page.errors.length) throw new Error(`page errors at start-up: ${page.errors.join('; ')}`);
  return { first, shell: round1(fcp), usable: round1(echo) };
}

async function freshPage(browser, url) {
  const context = await browser.newContext();
  await context.addInitScript(firstScreenProbe);
  await context.addInitScript(paintProbe);
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  // As the other start-up loads (lib.mjs, `warm`): the renderer exists before the measured load.
  await page.goto(`${url}robots.txt`);
  return { context, page };
}

async function firstVisitSlow(browser, url) {
  const { context, page } = await freshPage(browser, url);
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...SLOW_MOBILE });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
    return await usableLoad(page, url);
  } finally {
    await context.close();
  }
}

async function repeatVisitOffline(browser, url, throttle) {
  const { context, page: first } = await freshPage(browser, url);
  try {
    await first.goto(url, { waitUntil: 'commit', timeout: 120_000 });
    await first.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', null, { timeout: 60_000 });
    await context.setOffline(true);
    const page = await context.newPage();
    page.errors = [];
    page.on('pageerror', (e) => page.errors.push(e.message));
    await page.goto(`${url}robots.txt`); // from the worker's cache, offline
    await first.close();
    if (throttle !== 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    }
    return await usableLoad(page, url);
  } finally {
    await context.close();
  }
}

/** The budgeted start-up rows; `floorMs`: the floor page's unthrottled first screen. */
export async function measureOffline(browser, appUrl, floorMs) {
  const runs = { slow_shell: [], slow_usable: [], repeat_4x: [], repeat_1x: [], repeat_1x_first: [] };
  for (let i = 0; i < STARTUP_RUNS; i++) {
    const slow = await firstVisitSlow(browser, appUrl);
    runs.slow_shell.push(slow.shell);
    runs.slow_usable.push(slow.usable);
    runs.repeat_4x.push((await repeatVisitOffline(browser, appUrl, THROTTLE)).usable);
    const quick = await repeatVisitOffline(browser, appUrl, 1);
    runs.repeat_1x.push(quick.usable);
    runs.repeat_1x_first.push(quick.first);
  }
  const out = Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, stats(v)]));
  out.floor_ms = floorMs ?? null;
  // Like for like: the floor page has no field to type in, so its first screen against the app's.
  out.repeat_floor_ratio = floorMs ? out.repeat_1x_first.median / floorMs : null;
  console.log(`\nStart-up as people wait for it (median of ${STARTUP_RUNS}, fresh context each)`);
  console.log(`  first visit, slow mobile: Quick exit painted ${ms(out.slow_shell.median)}; usable ${ms(out.slow_usable.median)}`);
  console.log(`    runs: ${runsText(runs.slow_shell)} / ${runsText(runs.slow_usable)}`);
  console.log(`  repeat visit, worker, offline, CPU ${THROTTLE}x: usable ${ms(out.repeat_4x.median)}  runs: ${runsText(runs.repeat_4x)}`);
  console.log(`  repeat visit, worker, offline, CPU 1x: usable ${ms(out.repeat_1x.median)} (first screen ${ms(out.repeat_1x_first.median)})`
    + `${floorMs ? `, ${out.repeat_floor_ratio.toFixed(2)}x the floor page (${ms(floorMs)})` : ''}  runs: ${runsText(runs.repeat_1x)}`);
  return out;
}
