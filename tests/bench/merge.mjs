// Merge (issue #20): two copies of the large plan, each with 200 changes of its own, merged.
//
// Mine: the large plan (schema 2, plan_id shared) stored in the context, with 200 action items'
// "what" edited and stamped by device "mine". Theirs: the same plan as an exported file, with 200
// other action items' "what" edited and stamped by device "theirs" (and their sender label).
// No ancestor is on the device, so the merge goes by the stamps (two-way): both sides' changes
// are made apart on different items, so none is a conflict, and 200 changes are listed.
//
// In the page (mergeProbe, installed before the app): review_ms = from the click on "Merge into
// this plan" (a capture listener) to the MutationObserver callback that first finds the review's
// summary (.merge-summary) in the DOM: the merge itself and the review's rendering. apply_ms =
// from the click on "Apply merge" to the callback that finds the "Merged …" status: resolving,
// the undoable replace and the redraw (the save that follows is autosave's, measured apart).
// Median of RUNS fresh contexts.
import { RUNS, largePlanAt, loadFirstScreen, median, ms, round1, settle, withContext, expectOpenPlan } from './lib.mjs';
import { storageEntries } from './large-plan.mjs';

export const CHANGES = 200;

/** Runs in the page before the app. */
export function mergeProbe() {
  window.__merge = {};
  const watch = (name, found) => {
    const seen = () => {
      if (found()) {
        window.__merge[`${name}_end`] = performance.now();
        observer.disconnect();
      }
    };
    const observer = new MutationObserver(seen);
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  };
  addEventListener(
    'click',
    (e) => {
      const text = e.target?.textContent ?? '';
      if (text === 'Merge into this plan') {
        window.__merge.review_start = performance.now();
        watch('review', () => document.querySelector('.merge-summary'));
      } else if (text === 'Apply merge') {
        window.__merge.apply_start = performance.now();
        watch('apply', () => [...document.querySelectorAll('[role="status"]')].some((s) => s.textContent.includes('Merged ')));
      }
    },
    true,
  );
}

/** The large plan as schema 2, with `count` action items from `from` edited by `device`. */
function copyWith(envelope, device, from, count) {
  const e = structuredClone(envelope);
  e.schema_version = 2;
  const plan = e.plan;
  plan.plan_id = plan.id;
  plan.export_id = '';
  plan.taken_in = [];
  plan.stamps = {};
  plan.tombstones = {};
  for (const a of plan.actions.slice(from, from + count)) {
    a.what = `${a.what} (edited on ${device})`;
    plan.stamps[`actions/${a.id}`] = { v: { [device]: 1 }, at: plan.modified, by: device };
  }
  plan.stamps = Object.fromEntries(Object.entries(plan.stamps).sort(([a], [b]) => (a < b ? -1 : 1)));
  return e;
}

export async function measureMerge(browser, appUrl) {
  const { envelope } = largePlanAt(1);
  if (envelope.plan.actions.length < 2 * CHANGES) throw new Error('the large plan has too few action items');
  const mine = copyWith(envelope, 'mine', 0, CHANGES);
  const theirs = copyWith(envelope, 'fiscal agent', CHANGES, CHANGES);
  const buffer = Buffer.from(JSON.stringify(theirs, null, 2));
  const runs = [];
  for (let r = 0; r < RUNS; r++) {
    runs.push(
      await withContext(browser, appUrl, { probes: [mergeProbe], seed: storageEntries(mine) }, async ({ page }) => {
        await loadFirstScreen(page, appUrl);
        await expectOpenPlan(page, 'Bench Valley');
        await settle(page, 200);
        await page.locator('#import-file').setInputFiles({ name: 'bench-theirs.json', mimeType: 'application/json', buffer });
        const preview = page.getByRole('region', { name: 'Open this plan?' });
        await preview.getByRole('button', { name: 'Merge into this plan' }).click();
        await page.waitForFunction(() => window.__merge.review_end !== undefined, null, { timeout: 120_000, polling: 50 });
        const summary = await page.locator('.merge-summary').textContent();
        if (!summary.startsWith(`${CHANGES} changes`) || !summary.includes('none need you')) {
          throw new Error(`unexpected merge summary: ${summary}`);
        }
        await settle(page, 100);
        await page.getByRole('button', { name: 'Apply merge' }).click();
        await page.waitForFunction(() => window.__merge.apply_end !== undefined, null, { timeout: 120_000, polling: 50 });
        const t = await page.evaluate(() => window.__merge);
        if (page.errors.length) throw new Error(`page errors while merging: ${page.errors.join('; ')}`);
        return { review_ms: round1(t.review_end - t.review_start), apply_ms: round1(t.apply_end - t.apply_start) };
      }),
    );
  }
  const out = {
    changes_each_side: CHANGES,
    review_ms: median(runs.map((r) => r.review_ms)),
    apply_ms: median(runs.map((r) => r.apply_ms)),
    runs,
  };
  console.log(`\nMerge of two copies of the large plan, ${CHANGES} changes each side (median of ${RUNS}, fresh context each)`);
  console.log(`  review shown ${ms(out.review_ms)}   apply ${ms(out.apply_ms)}   runs: ${runs.map((r) => `${r.review_ms}/${r.apply_ms}`).join(', ')}`);
  return out;
}
