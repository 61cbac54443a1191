// Import: the large plan as an exported file (pretty-printed, as "Export plan" writes it) chosen
// with the "Import plan" file input, until the preview ("Open this plan?") is in the DOM.
//
// In the page (importProbe, installed before the app): t0 = performance.now() in a capture
// listener for the input's `change` event (Playwright's setInputFiles has already put the file
// in the input; the app reacts to `change`); t1 = performance.now() in a MutationObserver
// callback that first finds the preview's heading (#preview-heading, "Open this plan?") in the
// DOM. import_ms = t1 − t0: reading the file's bytes, checking and decoding them, comparing with
// the open plan (empty: a fresh context) and rendering the preview. Beside it, in the same page
// after the preview: JSON.parse of the same text (read from the same File object, not timed),
// the floor for any JSON import. Median of RUNS fresh contexts.
import { RUNS, largePlanAt, loadFirstScreen, median, mb, ms, round1, settle, withContext } from './lib.mjs';

/** Runs in the page before the app. */
export function importProbe() {
  window.__import = {};
  addEventListener(
    'change',
    (e) => {
      if (e.target?.type !== 'file') return;
      window.__import = { file: e.target.files[0], start: performance.now() };
      const seen = () => {
        if (document.getElementById('preview-heading') || document.querySelector('.import-alert .banner-error')) {
          window.__import.end = performance.now();
          window.__import.refused = document.querySelector('.import-alert')?.textContent || null;
          observer.disconnect();
        }
      };
      const observer = new MutationObserver(seen);
      observer.observe(document.body, { childList: true, subtree: true });
    },
    true,
  );
}

export async function measureImport(browser, appUrl) {
  const { pretty } = largePlanAt(1);
  const buffer = Buffer.from(pretty);
  const runs = [];
  for (let r = 0; r < RUNS; r++) {
    runs.push(
      await withContext(browser, appUrl, { probes: [importProbe] }, async ({ page }) => {
        await loadFirstScreen(page, appUrl);
        await settle(page, 200);
        await page.locator('#import-file').setInputFiles({ name: 'bench-large-plan.json', mimeType: 'application/json', buffer });
        await page.waitForFunction(() => window.__import.end !== undefined, null, { timeout: 120_000, polling: 50 });
        const refused = await page.evaluate(() => window.__import.refused);
        if (refused) throw new Error(`the app refused the generated plan: ${refused}`);
        await page.getByRole('region', { name: 'Open this plan?' }).waitFor();
        const r = await page.evaluate(async () => {
          const { file, start, end } = window.__import;
          const text = await file.text();
          const t0 = performance.now();
          const value = JSON.parse(text);
          const parse = performance.now() - t0;
          return { import_ms: end - start, parse_ms: parse, bytes: file.size, members: value.plan.members.length };
        });
        if (page.errors.length) throw new Error(`page errors while importing: ${page.errors.join('; ')}`);
        return { import_ms: round1(r.import_ms), parse_ms: round1(r.parse_ms), bytes: r.bytes };
      }),
    );
  }
  const import_ms = median(runs.map((r) => r.import_ms));
  const parse_ms = median(runs.map((r) => r.parse_ms));
  const out = { import_ms, parse_ms, ratio: import_ms / parse_ms, bytes: buffer.length, runs };
  console.log(`\nImport of a ${mb(buffer.length)} plan file -> preview shown (median of ${RUNS}, fresh context each)`);
  console.log(
    `  import ${ms(import_ms)}   JSON.parse of the same text ${ms(parse_ms)}   ratio ${out.ratio.toFixed(1)}x` +
      `   runs: ${runs.map((r) => r.import_ms).join(', ')}`,
  );
  return out;
}
