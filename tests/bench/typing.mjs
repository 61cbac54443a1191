// Typing latency with the large plan open, and how often typing writes to storage.
//
// For each of KEYSTROKES keystrokes (one character typed at the end of a field, one every
// KEY_INTERVAL_MS or as soon as the previous one is on screen, whichever is later), the page
// records (keyProbe, installed before the app):
//   down    performance.now() in a capture `keydown` listener on window (the first listener to
//           see the key),
//   done    performance.now() when the app has handled the keystroke: the app's `input`
//           listeners are wrapped so that, when one returns, a microtask is queued after the
//           reactive effects it started (Leptos runs them from a microtask queued while the
//           listener ran); that microtask forces style and layout (getBoundingClientRect) and
//           records the time. So done − down is "keydown → DOM updated and laid out", without
//           the wait for the next frame,
//   frame   performance.now() in a task posted from the next requestAnimationFrame: after the
//           frame that shows the keystroke (includes waiting for vsync: rarely below a few ms),
//   stamp   the event's timeStamp (when the browser received the key): stamp → down is the input
//           delay, e.g. while an autosave blocks the main thread.
// The latency reported is done − down (p50 and p95 over the keystrokes of one run; median over
// RUNS runs). Beside it: done − stamp (with input delay), frame − down, and done − down over only
// the keystrokes during which no autosave ran (none overlapped stamp..done): the cost of the
// keystroke itself. At `done` the page also checks that the DOM reflects the keystroke: the
// field's value ends with the typed text (Define), and the member's heading shows the new name
// (Membership); a keystroke failing that is counted, as is a run where no app listener was seen.
//
// Storage writes: every localStorage.setItem is logged (storageProbe). Counted from the first
// keydown to the last keystroke's `done`, and in total 1.5 s later (after the final save).
import { RUNS, expectOpenPlan, largePlanAt, loadFirstScreen, median, ms, percentile, round1, settle, sleep, withContext } from './lib.mjs';

export const KEYSTROKES = 100;
export const KEY_INTERVAL_MS = 100; // about 10 characters a second: fast typing
/** A run stops early after this long (the bench must finish in minutes even when every
 *  keystroke takes half a second); the keystrokes typed are reported. */
export const RUN_CAP_MS = Number(process.env.BENCH_TYPING_CAP_MS ?? 20_000);
const TEXT = 'The partnership meets every quarter and reports to all members in writing. ';

/** Runs in the page before the app: timestamps every keystroke (see the comment above). */
export function keyProbe() {
  const keys = (window.__keys = []);
  let current = null;
  const afterTask = (fn) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = fn;
    ch.port2.postMessage(0);
  };
  addEventListener(
    'keydown',
    (e) => {
      current = { key: e.key, stamp: e.timeStamp, down: performance.now() };
      keys.push(current);
    },
    true,
  );
  addEventListener(
    'input',
    () => {
      const rec = current;
      if (!rec || rec.input !== undefined) return;
      rec.input = performance.now();
      afterTask(() => (rec.task = performance.now()));
      requestAnimationFrame(() => afterTask(() => (rec.frame = performance.now())));
    },
    true,
  );
  // Every `input` listener the app adds is wrapped: when it returns, a microtask is queued. The
  // app's reactive effects were queued (as microtasks, by wasm-bindgen-futures) while the
  // listener ran, so this one runs after them: the DOM then reflects the keystroke.
  window.__inputListeners = 0;
  const wrapped = new WeakMap();
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    if (type !== 'input' || !listener) return add.call(this, type, listener, options);
    let w = wrapped.get(listener);
    if (!w) {
      w = function (e) {
        try {
          return typeof listener === 'function' ? listener.call(this, e) : listener.handleEvent(e);
        } finally {
          const rec = current;
          if (rec && rec.input !== undefined) {
            queueMicrotask(() => {
              document.documentElement.getBoundingClientRect(); // style and layout, as a frame would
              rec.done = performance.now();
              rec.ok = window.__keyCheck ? window.__keyCheck() : true;
            });
          }
        }
      };
      wrapped.set(listener, w);
      window.__inputListeners++;
    }
    return add.call(this, type, w, options);
  };
  EventTarget.prototype.removeEventListener = function (type, listener, options) {
    return remove.call(this, type, (type === 'input' && wrapped.get(listener)) || listener, options);
  };
}

/** Runs in the page: focuses the field (caret at the end) and sets what `done` checks:
 *  'value'   the focused field is `arg` and its value ends with the key just typed;
 *  'heading' member `arg`'s heading shows its name as typed (cut at 80 characters, as the app
 *            does). (No `new Function`: the app's CSP forbids eval.) */
function installCheck([field, check, arg]) {
  const el = document.querySelector(field);
  el.focus();
  el.setSelectionRange(el.value.length, el.value.length);
  window.__keyCheck =
    check === 'value'
      ? () => document.activeElement.id === arg && document.activeElement.value.endsWith(window.__keys.at(-1).key)
      : () => {
          const v = document.getElementById(`members-${arg}-name`).value.trim();
          const want = v.length > 80 ? v.slice(0, 80) + '\u2026' : v;
          return document.getElementById(`members-${arg}-heading`).textContent.trim().startsWith(want);
        };
}

/** Types KEYSTROKES characters into the focused field; returns per-key records and storage counts. */
async function typeAndRecord(page) {
  const first = await page.evaluate(() => ({ keys: window.__keys.length, log: window.__storageLog.length }));
  const begin = Date.now();
  for (let i = 0; i < KEYSTROKES && Date.now() - begin < RUN_CAP_MS; i++) {
    const started = Date.now();
    await page.keyboard.type(TEXT[i % TEXT.length]);
    await page.waitForFunction((n) => window.__keys[n]?.frame !== undefined && window.__keys[n].done !== undefined, first.keys + i, {
      polling: 'raf',
      timeout: 60_000,
    });
    const wait = KEY_INTERVAL_MS - (Date.now() - started);
    if (wait > 0) await sleep(wait);
  }
  const countWrites = (from, until) =>
    page.evaluate(
      ([from, until]) => {
        const writes = window.__storageLog.slice(from).filter((e) => e.op === 'setItem' && e.start <= until);
        return { setItem: writes.length, plan_writes: writes.filter((e) => e.key.startsWith('partnership-planner:plan:')).length };
      },
      [from, until],
    );
  const keys = await page.evaluate((n) => window.__keys.slice(n), first.keys);
  // The autosave callbacks (timer callbacks that wrote the plan key), to tell apart keystrokes
  // that had to wait for one.
  const saves = await page.evaluate(() => {
    const ids = new Set(window.__storageLog.filter((e) => e.op === 'setItem' && e.key.startsWith('partnership-planner:plan:') && e.timer >= 0).map((e) => e.timer));
    return [...ids].map((i) => [window.__timers[i].start, window.__timers[i].end]);
  });
  for (const k of keys) k.overlapsSave = saves.some(([a, b]) => a < k.done && b > k.stamp);
  const during = await countWrites(first.log, keys.at(-1).done);
  await sleep(1_500);
  const total = await countWrites(first.log, Infinity);
  return { keys, during, total, typing_ms: keys.at(-1).done - keys[0].down };
}

function summarize(keys) {
  const lat = keys.map((k) => k.done - k.down);
  const withDelay = keys.map((k) => k.done - k.stamp);
  const frame = keys.map((k) => k.frame - k.down);
  return {
    keystrokes: keys.length,
    p50: round1(percentile(lat, 50)),
    p95: round1(percentile(lat, 95)),
    max: round1(Math.max(...lat)),
    with_input_delay_p95: round1(percentile(withDelay, 95)),
    with_input_delay_max: round1(Math.max(...withDelay)),
    // Keystrokes during which no autosave ran: the cost of the keystroke itself.
    without_save_p95: round1(percentile(keys.filter((k) => !k.overlapsSave).map((k) => k.done - k.down), 95)),
    overlapping_save: keys.filter((k) => k.overlapsSave).length,
    to_frame_p50: round1(percentile(frame, 50)),
    to_frame_p95: round1(percentile(frame, 95)),
    not_reflected: keys.filter((k) => !k.ok).length,
  };
}

/** One page: `hash` to open, `open` the row button that opens the item's form (if any), `field`
 *  selector to type into, `check` (see installCheck) at `done`. */
async function typingRuns(browser, appUrl, { hash, field, check, checkArg, open }) {
  const large = largePlanAt(1);
  const runs = [];
  for (let r = 0; r < RUNS; r++) {
    runs.push(
      await withContext(browser, appUrl, { seed: large.entries, probes: [keyProbe] }, async ({ page }) => {
        const first_screen_ms = await loadFirstScreen(page, appUrl + hash);
        await expectOpenPlan(page, large.envelope.plan.name);
        // Lists are tables (issue 15): the item's row opens its form first.
        if (open) await page.click(open, { timeout: 60_000 });
        await page.waitForSelector(field, { timeout: 60_000 });
        await settle(page, 500);
        await page.evaluate(installCheck, [field, check, checkArg]);
        if (!(await page.evaluate(() => window.__inputListeners))) {
          throw new Error('the app added no `input` listener through addEventListener: keyProbe cannot see it handle keys');
        }
        const { keys, during, total, typing_ms } = await typeAndRecord(page);
        if (page.errors.length) throw new Error(`page errors while typing: ${page.errors.join('; ')}`);
        return { first_screen_ms: round1(first_screen_ms), typing_ms: round1(typing_ms), ...summarize(keys), writes_during: during, writes_total: total };
      }),
    );
  }
  const med = (k) => median(runs.map((r) => r[k]));
  return {
    p50: med('p50'),
    p95: med('p95'),
    with_input_delay_p95: med('with_input_delay_p95'),
    with_input_delay_max: med('with_input_delay_max'),
    max: med('max'),
    without_save_p95: med('without_save_p95'),
    overlapping_save: med('overlapping_save'),
    to_frame_p95: med('to_frame_p95'),
    first_screen_ms: med('first_screen_ms'),
    setitem_during: median(runs.map((r) => r.writes_during.setItem)),
    plan_writes_during: median(runs.map((r) => r.writes_during.plan_writes)),
    typing_ms: med('typing_ms'),
    keystrokes: med('keystrokes'),
    runs,
  };
}

export async function measureTyping(browser, appUrl) {
  const { envelope } = largePlanAt(1);
  const member = envelope.plan.members[0].id;
  const action = envelope.plan.actions[0].id;
  const pages = {
    define: {
      label: 'Define: "What is your vision?"',
      hash: '#/define',
      field: '#q-define-vision',
      check: 'value',
      checkArg: 'q-define-vision',
    },
    membership: {
      label: `Membership: first member's "Organization name" (${envelope.plan.members.length} members)`,
      hash: '#/membership',
      field: `#members-${member}-name`,
      open: `#members-${member}-open`,
      check: 'heading',
      checkArg: member,
    },
    management: {
      label: `Management: the first action item's "What needs to be done" (${envelope.plan.actions.length} action items)`,
      hash: '#/management',
      field: `#actions-${action}-what`,
      open: `#actions-${action}-open`,
      check: 'value',
      checkArg: `actions-${action}-what`,
    },
  };
  const out = {};
  console.log(`\nTyping ${KEYSTROKES} characters, large plan open (median of ${RUNS} runs; latency = keydown -> DOM updated)`);
  for (const [name, spec] of Object.entries(pages)) {
    const r = await typingRuns(browser, appUrl, spec);
    out[name] = r;
    const bad = r.runs.reduce((n, x) => n + x.not_reflected, 0);
    console.log(
      `  ${spec.label}; the page opened in ${ms(r.first_screen_ms)}\n` +
        `    keydown -> DOM updated: p50 ${ms(r.p50)}  p95 ${ms(r.p95)}  max ${ms(r.max)}; ` +
        `p95 of the ${r.keystrokes - r.overlapping_save} keystrokes no autosave overlapped ${ms(r.without_save_p95)}\n` +
        `    with input delay: p95 ${ms(r.with_input_delay_p95)}  max ${ms(r.with_input_delay_max)};  ` +
        `keydown -> next frame: p95 ${ms(r.to_frame_p95)}\n` +
        `    storage during ${r.keystrokes} keystrokes${r.keystrokes < KEYSTROKES ? ` (run stopped at ${RUN_CAP_MS / 1000} s)` : ''} ` +
        `(${(r.typing_ms / 1000).toFixed(1)} s): ${r.setitem_during} setItem calls, ` +
        `${r.plan_writes_during} plan writes${bad ? `; ${bad} keystrokes not reflected in the DOM at "done"` : ''}`,
    );
  }
  return out;
}
