// Where the time goes: a CPU profile (CDP Profiler, 100 µs sampling) of one scenario with the
// large plan, summarized as the functions with the most self and total time.
//
//   node tests/bench/profile.mjs startup|startup-empty|define|membership|save|open:<route> [top]
//
// open:<route> (e.g. open:management) profiles going from the overview to that section.
//
// BENCH_SCALE=8 profiles start-up with the plan at 8× (in the in-memory storage of growth.mjs).
//
// The release build's wasm has no function names. For readable names, profile a copy whose wasm
// keeps them (built from the same cargo output, without wasm-opt). Build with the glue left in
// its own file (`PP_INLINE=0 make build`, see .ci/inline.mjs), then:
//   wasm-bindgen --target web --keep-debug --no-typescript --out-dir /tmp/named \
//       target/wasm32-unknown-unknown/release/partnership-planner.wasm
//   cp -r dist /tmp/dist-named, copy /tmp/named/partnership-planner{.js,_bg.wasm} over the hashed
//   .js and _bg.wasm there, and drop the integrity=… attributes from its index.html; then
//   DIST_DIR=/tmp/dist-named node tests/bench/profile.mjs membership
// Without wasm-opt the code is a little slower, but the shape of the profile is the same.
import { resolve } from 'node:path';
import { launch } from '../e2e/browser.mjs';
import { serve } from '../e2e/server.mjs';
import { expectOpenPlan, largePlanAt, loadFirstScreen, openContext, settle } from './lib.mjs';
import { editAndSave, focusVision } from './save.mjs';
import { keyProbe } from './typing.mjs';

const DIST = resolve(process.env.DIST_DIR ?? resolve(import.meta.dirname, '../../dist'));
const [scenario = 'membership', topArg = '25'] = process.argv.slice(2);
const TOP = Number(topArg);

function summarize(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n) => {
    const f = n.callFrame;
    const fn = f.functionName || '(anonymous)';
    return f.url ? `${fn} (${f.url.split('/').pop().replace(/-[0-9a-f]{16}/, '')})` : fn;
  };
  const self = new Map();
  const total = new Map();
  let all = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    const leaf = byId.get(id);
    if (['(idle)', '(program)'].includes(leaf.callFrame.functionName)) return;
    all += dt;
    self.set(name(leaf), (self.get(name(leaf)) ?? 0) + dt);
    const seen = new Set();
    for (let n = leaf; n; n = byId.get(parent.get(n.id))) seen.add(name(n));
    for (const s of seen) total.set(s, (total.get(s) ?? 0) + dt);
  });
  const top = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, TOP);
  console.log(`\nbusy (non-idle) time sampled: ${all.toFixed(0)} ms`);
  console.log('\nself time');
  for (const [n, t] of top(self)) console.log(`  ${t.toFixed(1).padStart(9)} ms  ${n}`);
  console.log('\ntotal time (function on the stack)');
  for (const [n, t] of top(total)) console.log(`  ${t.toFixed(1).padStart(9)} ms  ${n}`);
}

async function main() {
  const app = await serve(DIST);
  const browser = await launch();
  try {
    const scale = Number(process.env.BENCH_SCALE ?? 1);
    if (scale !== 1 && scenario !== 'startup') throw new Error('BENCH_SCALE is for the startup scenario');
    const large = largePlanAt(scale);
    const empty = scenario === 'startup-empty';
    const where = empty ? {} : scale === 1 ? { seed: large.entries } : { shim: large.entries };
    const { context, page } = await openContext(browser, app.url, { ...where, probes: [keyProbe] });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    const open = scenario.startsWith('open:') ? scenario.slice(5) : null;
    const hash = open ? '#/' : { startup: '#/', 'startup-empty': '#/', define: '#/define', membership: '#/membership', save: '#/define' }[scenario];
    if (!hash) throw new Error(`unknown scenario ${scenario}`);
    if (open) {
      await loadFirstScreen(page, app.url + hash);
      await expectOpenPlan(page, large.envelope.plan.name);
      await settle(page, 300);
      await cdp.send('Profiler.start');
      await page.evaluate((route) => { location.hash = `#/${route}`; }, open);
      await page.waitForFunction(() => !/Overview/.test(document.querySelector('main h1')?.textContent ?? 'Overview'));
      await settle(page, 300);
    } else if (scenario === 'startup' || empty) {
      if (scale === 1) await page.goto(app.url + 'robots.txt'); // same origin: the profiler survives the navigation
      await cdp.send('Profiler.start');
      await loadFirstScreen(page, app.url + hash);
    } else {
      await loadFirstScreen(page, app.url + hash);
      await expectOpenPlan(page, large.envelope.plan.name);
      const field = scenario === 'membership' ? `#members-${large.envelope.plan.members[0].id}-name` : '#q-define-vision';
      await page.waitForSelector(field);
      await settle(page, 500);
      if (scenario === 'save') await focusVision(page);
      else await page.focus(field);
      await cdp.send('Profiler.start');
      if (scenario === 'save') for (let i = 0; i < 3; i++) await editAndSave(page);
      else for (const ch of 'typing twenty chars') await page.keyboard.type(ch);
      await settle(page, scenario === 'save' ? 0 : 600);
    }
    const { profile } = await cdp.send('Profiler.stop');
    console.log(`profile of "${scenario}" (${DIST})`);
    summarize(profile);
    await context.close();
  } finally {
    await browser.close();
    await app.close();
  }
}

main().catch((err) => {
  console.error(`profile failed: ${err.stack ?? err}`);
  process.exitCode = 1;
});
