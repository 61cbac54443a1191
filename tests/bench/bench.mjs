// `make bench`: measures the release build in dist/ and writes bench/results.json.
//
//   node tests/bench/bench.mjs            (from the repository root)
//
// DIST_DIR overrides the build to measure (default: <repo>/dist); BENCH_OUT overrides where the
// JSON goes (default: <repo>/bench/results.json). Budgets are reported, not enforced: the exit code
// is non-zero only when a measurement could not be run.
//
// Each measurement is a separate async function returning a plain object that becomes one key of
// results.json; add new ones (typing latency, save, import, growth with a large plan) the same way.
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launch } from '../e2e/browser.mjs';
import { serve } from '../e2e/server.mjs';

const REPO = resolve(import.meta.dirname, '../..');
const DIST = resolve(process.env.DIST_DIR ?? join(REPO, 'dist'));
const OUT = resolve(process.env.BENCH_OUT ?? join(REPO, 'bench/results.json'));
const RUNS = 5;
const BUDGET_GZIP = 250 * 1024; // "250 KB" = 250 KiB

const kb = (bytes) => (bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x) => `${x.toFixed(1)} ms`;

async function listFiles(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(path)));
    else if (entry.isFile()) out.push(path);
  }
  return out.sort();
}

// --- a. bytes shipped ---------------------------------------------------------------------------

async function measureBytes(root) {
  const files = [];
  for (const file of await listFiles(root)) {
    const body = await readFile(file);
    files.push({ path: relative(root, file), raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
  }
  const total_gzip = files.reduce((sum, f) => sum + f.gzip, 0);

  const width = Math.max(5, ...files.map((f) => f.path.length));
  console.log('\nBytes (dist/)');
  console.log(`  ${'file'.padEnd(width)}  ${'raw'.padStart(10)}  ${'gzip -9'.padStart(10)}`);
  for (const f of files) console.log(`  ${f.path.padEnd(width)}  ${kb(f.raw).padStart(10)}  ${kb(f.gzip).padStart(10)}`);
  const totalRaw = files.reduce((sum, f) => sum + f.raw, 0);
  console.log(`  ${'total'.padEnd(width)}  ${kb(totalRaw).padStart(10)}  ${kb(total_gzip).padStart(10)}`);
  console.log(`  budget: total <= 250 KB gzipped ... ${total_gzip <= BUDGET_GZIP ? 'PASS' : 'FAIL'} (${kb(total_gzip)})`);
  return { files, total_gzip };
}

// --- b. start-up ---------------------------------------------------------------------------------

// Runs in the page before any of its own scripts. performance.now() counts from navigation start.
function firstScreenProbe() {
  const check = () => {
    if (window.__firstScreen !== undefined) return;
    if (document.querySelector('main h1') && document.querySelector('nav[aria-label="Sections"] a')) {
      window.__firstScreen = performance.now();
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', check);
}

/** Loads `url` in a fresh context (empty storage and cache), waits for the first screen, then
 *  returns `inspect(page)`. */
async function atFirstScreen(browser, url, inspect) {
  const context = await browser.newContext();
  try {
    await context.addInitScript(firstScreenProbe);
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => window.__firstScreen !== undefined, null, { timeout: 30_000 });
    return await inspect(page);
  } finally {
    await context.close();
  }
}

async function timeRuns(browser, url) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const t = await atFirstScreen(browser, url, (page) => page.evaluate(() => window.__firstScreen));
    runs.push(Math.round(t * 10) / 10);
  }
  return runs;
}

/** Copies `root` into `dir` and adds static.html: the app's rendered DOM without any scripts. */
async function writeStaticCopy(browser, root, appUrl, dir) {
  const html = await atFirstScreen(browser, appUrl, (page) =>
    page.evaluate(() => {
      const doc = document.documentElement.cloneNode(true);
      const junk = 'script, link[rel="modulepreload"], link[rel="preload"], link[href$=".wasm"], link[href$=".js"]';
      for (const el of doc.querySelectorAll(junk)) el.remove();
      return '<!DOCTYPE html>\n' + doc.outerHTML;
    }),
  );
  await cp(root, dir, { recursive: true });
  await writeFile(join(dir, 'static.html'), html);
}

async function measureStartup(browser, root, appUrl) {
  const staticDir = await mkdtemp(join(tmpdir(), 'pp-bench-static-'));
  let staticServer;
  try {
    await writeStaticCopy(browser, root, appUrl, staticDir);
    staticServer = await serve(staticDir);
    const app_ms = await timeRuns(browser, appUrl);
    const static_ms = await timeRuns(browser, staticServer.url + 'static.html');
    const app_median = median(app_ms);
    const static_median = median(static_ms);
    const ratio = app_median / static_median;

    console.log(`\nStart-up to first interactive screen (median of ${RUNS}, fresh context each)`);
    console.log(`  app     ${ms(app_median).padStart(10)}   runs: ${app_ms.map((x) => x.toFixed(1)).join(', ')}`);
    console.log(`  static  ${ms(static_median).padStart(10)}   runs: ${static_ms.map((x) => x.toFixed(1)).join(', ')}`);
    console.log(`  ratio app/static: ${ratio.toFixed(2)}x`);
    return { app_ms, app_median, static_ms, static_median, ratio };
  } finally {
    await staticServer?.close();
    await rm(staticDir, { recursive: true, force: true });
  }
}

// --- main ----------------------------------------------------------------------------------------

async function main() {
  if (!(await stat(DIST).catch(() => null))?.isDirectory()) {
    throw new Error(`${DIST} does not exist; build it first or set DIST_DIR`);
  }
  console.log(`Partnership Planner benchmark: ${DIST}`);
  const results = { date: new Date().toISOString() };
  results.bytes = await measureBytes(DIST);

  const app = await serve(DIST);
  let browser;
  try {
    browser = await launch();
    results.startup = await measureStartup(browser, DIST, app.url);
  } finally {
    await browser?.close();
    await app.close();
  }

  await mkdir(dirname(OUT), { recursive: true });
  await writeFile(OUT, JSON.stringify(results, null, 2) + '\n');
  console.log(`\nWrote ${OUT}`);
}

main().catch((err) => {
  console.error(`bench failed: ${err.stack ?? err}`);
  process.exitCode = 1;
});
