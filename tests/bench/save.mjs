// Save: the autosave of an edit to the large plan, measured in the page.
//
// The app saves from a setTimeout callback (the autosave timer, DELAY_MS after an edit). The
// storageProbe wraps window.setTimeout and every Storage method, so each storage call is tied to
// the timer callback it ran in. One character is typed into "What is your vision?"; the timer
// callback that writes the plan key (`partnership-planner:plan:<id>`) is the save. Reported:
//   save_ms    timer fires → the plan-key setItem returns: encoding the whole plan to JSON, the
//              revision check, reading the stored copy and writing it as the backup, and writing
//              the plan (the budget applies to this),
//   flush_ms   the whole timer callback: save_ms plus reading the write back, the revision and
//              library writes, the status update and (first save) measuring storage use,
//   encode_ms  timer fires → its first storage call (≈ serializing the plan; nothing else
//              runs before it),
//   storage_ms time spent inside localStorage calls during the callback,
//   debounce   keydown → timer fires (≈ DELAY_MS).
// Each run opens a fresh context with the large plan stored, then makes SAVES_PER_RUN edits, each
// after the previous save (the first save after a load also measures storage use and runs code
// not yet optimized by the JIT, so later ones are reported separately); medians over runs.
import { RUNS, expectOpenPlan, largePlanAt, loadFirstScreen, median, ms, round1, settle, sleep, withContext } from './lib.mjs';
import { keyProbe } from './typing.mjs';

export const SAVES_PER_RUN = 3;
const FIELD = '#q-define-vision';

/** In the page: the save that followed keystroke `keyIndex` (null until it has happened). */
function saveAfter([keyIndex, logFrom]) {
  const key = window.__keys[keyIndex];
  const log = window.__storageLog.slice(logFrom);
  const write = log.find((e) => e.op === 'setItem' && e.key.startsWith('partnership-planner:plan:') && e.timer >= 0);
  if (!key || !write) return null;
  const timer = window.__timers[write.timer];
  if (timer.end === undefined) return null;
  const inTimer = log.filter((e) => e.timer === write.timer);
  return {
    save_ms: write.end - timer.start,
    flush_ms: timer.end - timer.start,
    encode_ms: inTimer[0].start - timer.start,
    storage_ms: inTimer.reduce((t, e) => t + (e.end - e.start), 0),
    plan_setitem_ms: write.end - write.start,
    plan_chars: write.len,
    storage_calls: inTimer.map((e) => `${e.op} ${e.key.replace(/^partnership-planner:/, '').split(':')[0]} ${(e.end - e.start).toFixed(1)}`),
    debounce_ms: timer.start - key.down,
    timer_delay: timer.delay,
  };
}

/** Types one character at the end of FIELD and waits for the save that follows. */
export async function editAndSave(page) {
  const mark = await page.evaluate(() => [window.__keys.length, window.__storageLog.length]);
  await page.keyboard.type('x');
  const handle = await page.waitForFunction(saveAfter, mark, { timeout: 120_000, polling: 50 });
  const r = await handle.jsonValue();
  for (const k of Object.keys(r)) if (typeof r[k] === 'number') r[k] = round1(r[k]);
  return r;
}

/** Focuses the vision field, caret at the end (the page must be on #/define). */
export async function focusVision(page) {
  await page.waitForSelector(FIELD, { timeout: 60_000 });
  await page.evaluate((sel) => {
    const el = document.querySelector(sel);
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, FIELD);
}

export async function measureSave(browser, appUrl) {
  const large = largePlanAt(1);
  const runs = [];
  for (let r = 0; r < RUNS; r++) {
    runs.push(
      await withContext(browser, appUrl, { seed: large.entries, probes: [keyProbe] }, async ({ page }) => {
        await loadFirstScreen(page, appUrl + '#/define');
        await expectOpenPlan(page, large.envelope.plan.name);
        await settle(page, 300);
        await focusVision(page);
        const saves = [];
        for (let i = 0; i < SAVES_PER_RUN; i++) {
          saves.push(await editAndSave(page));
          await sleep(300);
        }
        const status = await page.getByRole('status', { name: 'Save status' }).textContent();
        if (!/^Saved at /.test(status)) throw new Error(`after saving, the status says "${status}"`);
        if (page.errors.length) throw new Error(`page errors while saving: ${page.errors.join('; ')}`);
        return saves;
      }),
    );
  }
  const later = runs.flatMap((saves) => saves.slice(1));
  const firsts = runs.map((saves) => saves[0]);
  const med = (xs, k) => round1(median(xs.map((x) => x[k])));
  const out = {
    save_ms: med(later, 'save_ms'),
    flush_ms: med(later, 'flush_ms'),
    encode_ms: med(later, 'encode_ms'),
    storage_ms: med(later, 'storage_ms'),
    first_save_ms: med(firsts, 'save_ms'),
    first_flush_ms: med(firsts, 'flush_ms'),
    debounce_ms: med(later, 'debounce_ms'),
    plan_chars: later[0].plan_chars,
    storage_calls: later[0].storage_calls,
    runs,
  };
  console.log(`\nSave of the large plan (${(out.plan_chars / 1e6).toFixed(2)} M chars; median of ${later.length} saves in ${RUNS} runs, first saves apart)`);
  console.log(
    `  timer fires -> plan written ${ms(out.save_ms)}  (encode ${ms(out.encode_ms)}, in storage calls ${ms(out.storage_ms)}); ` +
      `whole flush ${ms(out.flush_ms)}\n  first save after load: ${ms(out.first_save_ms)}, whole flush ${ms(out.first_flush_ms)}; ` +
      `keydown -> timer ${ms(out.debounce_ms)}\n  storage calls in one save: ${out.storage_calls.join(', ')}`,
  );
  return out;
}
