// Opening each screen with the large plan open: from the overview, `location.hash` is set to the
// section's route (as a click on its link does) and the time runs until the new page's lists
// are drawn and laid out: the section's <h1> is in <main> and the frame after it has been
// painted (requestAnimationFrame, then a task). Median of RUNS fresh contexts per section.
// The app moves focus to the new heading, which forces style and layout at once, so a page
// too big to lay out shows here.
import { RUNS, expectOpenPlan, largePlanAt, loadFirstScreen, median, ms, round1, runsText, settle, withContext } from './lib.mjs';

export const SECTIONS = [
  ['membership', 'Membership'],
  ['leadership', 'Leadership structure'],
  ['management', 'Partnership management'],
  ['funding', 'Funding'],
  ['print', 'Printable plan'],
];

async function openOnce(browser, appUrl, route, title) {
  const large = largePlanAt(1);
  return withContext(browser, appUrl, { seed: large.entries }, async ({ page }) => {
    await loadFirstScreen(page, appUrl + '#/');
    await expectOpenPlan(page, large.envelope.plan.name);
    await settle(page, 200);
    const out = await page.evaluate(
      ([route, title]) =>
        new Promise((done) => {
          const start = performance.now();
          location.hash = `#/${route}`;
          const check = () => {
            if (document.querySelector('main h1')?.textContent.trim() !== title) return requestAnimationFrame(check);
            requestAnimationFrame(() =>
              setTimeout(() => done({ ms: performance.now() - start, elements: document.getElementsByTagName('*').length }), 0),
            );
          };
          check();
        }),
      [route, title],
    );
    if (page.errors.length) throw new Error(`page errors opening ${route}: ${page.errors.join('; ')}`);
    return out;
  });
}

export async function measureSections(browser, appUrl) {
  console.log(`\nOpening a screen with the large plan open (median of ${RUNS}; overview -> the page drawn)`);
  const out = {};
  for (const [route, title] of SECTIONS) {
    const runs = [];
    for (let r = 0; r < RUNS; r++) runs.push(await openOnce(browser, appUrl, route, title));
    const times = runs.map((r) => round1(r.ms));
    out[route] = { median: median(times), runs: times, elements: runs[0].elements };
    console.log(`  ${title.padEnd(24)} ${ms(out[route].median).padStart(9)}  ${runs[0].elements} elements  runs: ${runsText(times)}`);
  }
  return out;
}
