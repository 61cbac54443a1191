// axe-core for the end-to-end tests: injects the pinned axe-core (tests/package.json) into a
// page and returns its WCAG violations with readable one-line summaries.
//
// The app's strict CSP (`script-src 'self' 'sha256-…'`) blocks `page.addScriptTag({ content })`,
// so axe's source is run with `page.evaluate`, which goes through the DevTools protocol and is
// not subject to the page's CSP. It is injected once per document (a hash navigation keeps it).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');
export const AXE_VERSION = JSON.parse(readFileSync(require.resolve('axe-core/package.json'), 'utf8')).version;
const AXE_SOURCE = readFileSync(AXE_PATH, 'utf8');

/** WCAG 2.0, 2.1 and 2.2 level A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Puts axe into the page unless it is already there (same document). */
export async function injectAxe(page) {
  const present = await page.evaluate(() => typeof window.axe?.run === 'function');
  if (!present) await page.evaluate(AXE_SOURCE);
  const version = await page.evaluate(() => window.axe?.version);
  if (version !== AXE_VERSION) throw new Error(`axe-core did not load in the page (got ${version})`);
}

/**
 * Runs axe on the whole document with the WCAG A/AA tags and returns the violations as plain
 * objects: { rule, impact, help, url, nodes: [{ target, html, summary }] }.
 */
export async function runAxe(page, { tags = WCAG_TAGS } = {}) {
  await injectAxe(page);
  return page.evaluate(async (values) => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      url: v.helpUrl,
      nodes: v.nodes.map((n) => ({
        target: n.target.map(String).join(' '),
        html: n.html.length > 160 ? `${n.html.slice(0, 157)}...` : n.html,
        summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
      })),
    }));
  }, tags);
}

/**
 * Drops the violations an allowlist accepts. Each entry: { rule, where (RegExp or string tested
 * against the `where` label), target (optional RegExp on the node's selector), why }. Returns
 * the violations left, with empty rules removed.
 */
export function filterAllowed(violations, where, allow = []) {
  const matches = (e, rule, target) => e.rule === rule
    && (e.where === undefined || (e.where instanceof RegExp ? e.where.test(where) : e.where === where))
    && (e.target === undefined || e.target.test(target));
  return violations
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !allow.some((e) => matches(e, v.rule, n.target))) }))
    .filter((v) => v.nodes.length > 0);
}

/** One line per failing node: "[where] rule (impact): help — selector — html — why". */
export function summarize(violations, where = '') {
  const lines = [];
  for (const v of violations) {
    for (const n of v.nodes) {
      lines.push(`${where ? `[${where}] ` : ''}${v.rule} (${v.impact}): ${v.help} — ${n.target} — ${n.html} — ${n.summary}`);
    }
  }
  return lines.join('\n');
}
