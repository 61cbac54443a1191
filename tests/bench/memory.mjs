// Memory: the size of the wasm's linear memory with the large plan, after opening every screen
// and making SAVES edits, each saved. Budgeted (issue #14): at most 32 MiB.
//
// Linear memory only grows (memory.grow; it is never given back), so its size at the end is the
// most the app's Rust heap, stack and data ever needed during the scenario. It is read from the
// WebAssembly.Memory object itself, found without knowing the glue's names: wasmMemoryProbe,
// installed before the app loads, wraps WebAssembly.instantiate, instantiateStreaming and the
// Instance constructor, and keeps every Memory the instance exports (or imports). Its
// `buffer.byteLength` is the current size. Also reported, not budgeted: the size right after
// the first screen and after the screens, and V8's JS heap in use (CDP Runtime.getHeapUsage)
// at the end.
//
// The scenario, in one fresh context (the figure hardly moves between runs: the same plan, the
// same screens and edits): the large plan (scale 1) in storage; load on the overview; every
// screen opened in turn (location.hash, then the screen's <h1> waited for and two frames): the
// overview's `#/…` links, then any further ones found on the screens opened; then, on Define,
// SAVES times: one character typed into "What is your vision?" and its autosave waited for
// (save.mjs's editAndSave).
import { expectOpenPlan, largePlanAt, loadFirstScreen, settle, withContext } from './lib.mjs';
import { editAndSave, focusVision } from './save.mjs';
import { keyProbe } from './typing.mjs';

export const SAVES = 20;
export const BUDGET_WASM_MEMORY = 32 * 1024 * 1024; // 32 MiB
export const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** In the page, before the app: window.__wasmMemories collects every WebAssembly.Memory an
 *  instance exports or imports, however the glue instantiates the module. */
export function wasmMemoryProbe() {
  const memories = (window.__wasmMemories = []);
  const keep = (instance, imports) => {
    const found = [
      ...Object.values(instance?.exports ?? {}),
      ...Object.values(imports ?? {}).flatMap((m) => (m && typeof m === 'object' ? Object.values(m) : [])),
    ];
    for (const v of found) if (v instanceof WebAssembly.Memory && !memories.includes(v)) memories.push(v);
  };
  const W = WebAssembly;
  const instantiate = W.instantiate;
  W.instantiate = async function (source, imports, ...rest) {
    const r = await instantiate.call(this, source, imports, ...rest);
    keep(r instanceof W.Instance ? r : r.instance, imports);
    return r;
  };
  const streaming = W.instantiateStreaming;
  if (streaming) {
    W.instantiateStreaming = async function (source, imports, ...rest) {
      const r = await streaming.call(this, source, imports, ...rest);
      keep(r.instance, imports);
      return r;
    };
  }
  const Instance = W.Instance;
  W.Instance = new Proxy(Instance, {
    construct(target, args, newTarget) {
      const instance = Reflect.construct(target, args, newTarget);
      keep(instance, args[1]);
      return instance;
    },
  });
}

/** The largest linear memory the page's wasm has, in bytes (throws when none was seen). */
async function wasmBytes(page) {
  const sizes = await page.evaluate(() => (window.__wasmMemories ?? []).map((m) => m.buffer.byteLength));
  if (sizes.length === 0) throw new Error("the wasm's memory was not found (wasmMemoryProbe saw no instance)");
  return Math.max(...sizes);
}

export async function measureMemory(browser, appUrl) {
  const large = largePlanAt(1);
  const out = await withContext(browser, appUrl, { seed: large.entries, probes: [keyProbe, wasmMemoryProbe] }, async ({ context, page }) => {
    await loadFirstScreen(page, appUrl + '#/');
    await expectOpenPlan(page, large.envelope.plan.name);
    await settle(page, 300);
    const after_load = await wasmBytes(page);

    // Every screen: the links on the overview, then those found on each screen opened (by their
    // first path segment: #/glossary/mou is the glossary), each opened once; Define last.
    const linked = () => page.evaluate(() => [...document.querySelectorAll('a[href^="#/"]')]
      .map((a) => a.getAttribute('href').replace(/^(#\/[^/?]*).*$/, '$1')));
    const routes = [...new Set(await linked())];
    if (routes.length < 8) throw new Error(`expected a link to every section on the overview, found ${routes}`);
    for (let i = 0; i < routes.length && i < 60; i++) {
      await page.evaluate((hash) => { location.hash = hash; }, routes[i]);
      await page.waitForFunction(() => document.querySelector('main h1'), null, { timeout: 60_000 });
      await settle(page, 100);
      for (const r of await linked()) if (!routes.includes(r)) routes.push(r);
    }
    await page.evaluate(() => { location.hash = '#/define'; });
    const after_screens = await wasmBytes(page);

    await focusVision(page);
    for (let i = 0; i < SAVES; i++) await editAndSave(page);
    await settle(page, 300);
    const after_saves = await wasmBytes(page);
    if (page.errors.length) throw new Error(`page errors: ${page.errors.join('; ')}`);
    const cdp = await context.newCDPSession(page);
    const heap = await cdp.send('Runtime.getHeapUsage');
    return { after_load, after_screens, after_saves, js_heap_used: heap.usedSize, screens: routes, saves: SAVES };
  });
  console.log(`\nMemory with the large plan (one run): wasm linear memory after the first screen ${mib(out.after_load)}, ` +
    `after opening ${out.screens.length} screens ${mib(out.after_screens)}, after ${out.saves} saves ${mib(out.after_saves)}; ` +
    `JS heap in use ${mib(out.js_heap_used)}`);
  return out;
}
