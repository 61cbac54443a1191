// Growth: start-up and save with the large plan at 1×, 2×, 4× and 8× (every list and answer
// length times the scale: about 2, 4, 8 and 16 M characters).
//
// From 2× up the plan (and its backup) no longer fit in localStorage (Chromium allows 5,242,880
// UTF-16 units per origin), so at every scale, 1× included, the page gets an in-memory
// `localStorage` with no quota (memoryStorageShim, filled before load from window.name). The
// shim's set-up time is reported; being plain JS it is cheaper than the real storage, so these
// figures are for growth, not for comparison with the start-up and save sections.
//
// Each run is one fresh context: start-up (navigation → first screen, as in startup.mjs), then
// an in-app move to "Define your partnership" and two edits, each saved by the autosave timer;
// the second save is reported (save_ms as in save.mjs: timer fires → plan-key setItem returns).
// Start-up growth is judged on the plan's share of start-up, measured in the page from the app's
// first storage call to the first screen (reading, decoding and checking the plan, and the
// first render: 40–60 ms with an empty plan), as the fixed cost of fetching and compiling the
// app would otherwise hide a superlinear part. Growth is "no faster than linear" when
// time(8×) / time(1×) ≤ 8 × 1.25.
import { RUNS, expectOpenPlan, largePlanAt, loadFirstScreen, median, ms, round1, settle, withContext } from './lib.mjs';
import { keyProbe } from './typing.mjs';
import { editAndSave, focusVision } from './save.mjs';

export const SCALES = [1, 2, 4, 8];
export const LINEAR_SLACK = 1.25;

async function runAt(browser, appUrl, entries, planName) {
  return withContext(browser, appUrl, { shim: entries, probes: [keyProbe] }, async ({ page }) => {
    const startup_ms = await loadFirstScreen(page, appUrl, 300_000);
    // The plan's share, measured in the page: the app's first storage call → first screen.
    const from_storage_ms = await page.evaluate(() => window.__firstScreen - (window.__storageLog[0]?.start ?? window.__firstScreen));
    const withSave = planName !== null;
    if (withSave) await expectOpenPlan(page, planName);
    const shim_setup_ms = await page.evaluate(() => window.__shimSetupMs);
    let save = null;
    if (withSave) {
      await settle(page, 300);
      await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Define your partnership' }).click();
      await focusVision(page);
      await settle(page, 100);
      // The second save: the first one after a load also runs not-yet-optimized code.
      await editAndSave(page);
      await settle(page, 100);
      save = await editAndSave(page);
    }
    if (page.errors.length) throw new Error(`page errors: ${page.errors.join('; ')}`);
    return { startup_ms: round1(startup_ms), from_storage_ms: round1(from_storage_ms), shim_setup_ms: round1(shim_setup_ms), save_ms: save?.save_ms, encode_ms: save?.encode_ms, flush_ms: save?.flush_ms };
  });
}

export async function measureGrowth(browser, appUrl) {
  console.log(`\nGrowth with plan size (in-memory storage; median of ${RUNS} runs per scale)`);
  // Interleaved (empty, 1x, 2x, 4x, 8x, empty, ...), so that load from other work on the
  // machine falls on every scale alike.
  const empty = [];
  const runsAt = Object.fromEntries(SCALES.map((s) => [s, []]));
  for (let r = 0; r < RUNS; r++) {
    empty.push(await runAt(browser, appUrl, {}, null));
    for (const scale of SCALES) {
      const plan = largePlanAt(scale);
      runsAt[scale].push(await runAt(browser, appUrl, plan.entries, plan.envelope.plan.name));
    }
  }
  const baseline = median(empty.map((x) => x.startup_ms));
  const baselineFromStorage = median(empty.map((x) => x.from_storage_ms));
  console.log(`  empty plan: start-up ${ms(baseline)} (first storage call -> first screen ${ms(baselineFromStorage)})`);
  const scales = {};
  for (const scale of SCALES) {
    const runs = runsAt[scale];
    const startup = median(runs.map((x) => x.startup_ms));
    scales[scale] = {
      chars: largePlanAt(scale).compact.length,
      startup_ms: startup,
      startup_net_ms: median(runs.map((x) => x.from_storage_ms)),
      save_ms: median(runs.map((x) => x.save_ms)),
      encode_ms: median(runs.map((x) => x.encode_ms)),
      shim_setup_ms: median(runs.map((x) => x.shim_setup_ms)),
      runs,
    };
    const s = scales[scale];
    console.log(
      `  ${String(scale).padStart(2)}x (${(s.chars / 1e6).toFixed(1)} M chars): start-up ${ms(s.startup_ms)} ` +
        `(storage -> first screen ${ms(s.startup_net_ms)}), save ${ms(s.save_ms)} (encode ${ms(s.encode_ms)}), shim set-up ${ms(s.shim_setup_ms)}`,
    );
  }
  const lo = scales[SCALES[0]];
  const hi = scales[SCALES.at(-1)];
  const factor = SCALES.at(-1) / SCALES[0];
  const limit = factor * LINEAR_SLACK;
  const ratio = (k) => hi[k] / lo[k];
  const out = {
    empty_startup_ms: baseline,
    empty_runs: empty.map((x) => x.startup_ms),
    empty_from_storage_ms: baselineFromStorage,
    scales,
    limit,
    startup_ratio: ratio('startup_ms'),
    startup_net_ratio: ratio('startup_net_ms'),
    save_ratio: ratio('save_ms'),
  };
  // The last doubling alone (2x when linear): the top of the range shows a superlinear part first.
  const prev = scales[SCALES.at(-2)];
  out.last_doubling = { startup_net: hi.startup_net_ms / prev.startup_net_ms, save: hi.save_ms / prev.save_ms };
  out.startup_linear = out.startup_net_ratio <= limit;
  out.save_linear = out.save_ratio <= limit;
  console.log(
    `  ${SCALES.at(-1)}x / ${SCALES[0]}x: start-up ${out.startup_ratio.toFixed(1)}x (storage -> first screen ${out.startup_net_ratio.toFixed(1)}x), ` +
      `save ${out.save_ratio.toFixed(1)}x; linear means <= ${limit}x. ${SCALES.at(-2)}x -> ${SCALES.at(-1)}x: ` +
      `${out.last_doubling.startup_net.toFixed(1)}x and ${out.last_doubling.save.toFixed(1)}x (linear: 2x)`,
  );
  return out;
}
