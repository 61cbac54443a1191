// Helpers for the privacy tests: the expected Content Security Policy, an independent way to
// hash the inline loader, and recorders for CSP violations and for every network request the
// page makes or tries to make.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { DIST } from './server.mjs';

export { DIST };
export const SRC = resolve(import.meta.dirname, '../../src');

/** The policy's directives, in order, for the script sources (the loader's hash source,
 * `'sha256-…'`, after 'self' for the first screen's boot.js) and the style sources (the inline
 * stylesheet's). The service worker and the manifest are files of the same origin. */
export const expectedDirectives = (scripts, styles) => [
  "default-src 'none'",
  `script-src ${scripts} 'wasm-unsafe-eval'`,
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  `style-src ${styles}`,
  "img-src 'self' data:",
  "form-action 'none'",
  "base-uri 'none'",
];

/** A CSP hash source for a script's text, as the browser computes it. */
export const sha256Source = (text) =>
  `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

export const builtIndex = () => readFileSync(resolve(DIST, 'index.html'), 'utf8');

/** The built page's inline elements of one kind (`script` or `style`): their text, as the HTML
 * parser reads it (raw text up to the end tag). */
export const inlineTexts = (html, tag) =>
  [...html.matchAll(new RegExp(`<${tag}\\b((?:[^>"']|"[^"]*"|'[^']*')*)>([\\s\\S]*?)</${tag}\\s*>`, 'gi'))]
    .filter((m) => !/\ssrc\s*=/i.test(` ${m[1]}`))
    .map((m) => m[2]);

/** The built page's loader: its one inline module script, which holds the JS glue. */
export const builtLoader = () => inlineTexts(builtIndex(), 'script')[0] ?? '';

/** Files shipped in dist/, as the URL paths a page would request them by. */
export const builtAssets = () => new Set(['/', ...readdirSync(DIST, { recursive: true }).map((f) => `/${f}`)]);

/**
 * Installs, before any page script runs, two in-page collectors:
 * - `window.__cspViolations`: every `securitypolicyviolation` event;
 * - `window.__netAttempts`: every call to an API that can send data (fetch, XMLHttpRequest,
 *   sendBeacon, WebSocket, EventSource). These are logged before the browser decides, so an
 *   attempt the CSP blocks is still seen; the browser's `request` event does not fire for a
 *   fetch that `connect-src` blocks.
 * `window.__loaded = true` (set by the test) marks entries as made after the load.
 */
export async function installCollectors(context) {
  await context.addInitScript(() => {
    const violations = (window.__cspViolations = []);
    const attempts = (window.__netAttempts = []);
    window.addEventListener('securitypolicyviolation', (e) => violations.push({
      directive: e.effectiveDirective || e.violatedDirective,
      blocked: e.blockedURI,
      sample: e.sample,
      loaded: !!window.__loaded,
    }), true);
    const log = (api, url) => {
      let href;
      try { href = new URL(String(url), location.href).href; } catch { href = String(url); }
      attempts.push({ api, url: href, loaded: !!window.__loaded });
    };
    const fetch0 = window.fetch;
    window.fetch = function fetch(input, init) {
      log('fetch', input instanceof Request ? input.url : input);
      return fetch0.call(this, input, init);
    };
    const open0 = XMLHttpRequest.prototype.open;
    XMLHttpRequest.prototype.open = function open(method, url, ...rest) {
      log('XMLHttpRequest', url);
      return open0.call(this, method, url, ...rest);
    };
    const beacon0 = Navigator.prototype.sendBeacon;
    Navigator.prototype.sendBeacon = function sendBeacon(url, data) {
      log('sendBeacon', url);
      return beacon0.call(this, url, data);
    };
    for (const name of ['WebSocket', 'EventSource']) {
      const Ctor = window[name];
      window[name] = new Proxy(Ctor, {
        construct(target, args) {
          log(name, args[0]);
          return Reflect.construct(target, args);
        },
      });
    }
  });
}

/** Marks the load as finished in the page: what the collectors see from now on is "after". */
export const markLoaded = (page) => page.evaluate(() => { window.__loaded = true; });

export const violations = (page) => page.evaluate(() => window.__cspViolations);
export const attempts = (page) => page.evaluate(() => window.__netAttempts);

/** A page's code in the split build (docs/decisions/0009-split-wasm.md): `split_<group>-<hash>.wasm`
 * or `chunk_<n>-<hash>.wasm`, a file of the build with no query. A page opened for the first
 * time fetches its code; once the service worker has installed (which is part of the load, see
 * waitLoaded), the worker answers that fetch from its cache and nothing reaches the network:
 * the server's log, which the tests keep checking in full, shows it. */
export const isPagePart = (url) => {
  const u = new URL(url.replace(/^GET /, ''));
  return !u.search && /^\/(?:split|chunk)_\w+-[0-9a-f]{16}\.wasm$/.test(u.pathname);
};

/** The page's requests and fetch attempts after the load without its pages' code (isPagePart):
 *  GETs the service worker answered. The server's log is left as it is. */
export const withoutPageParts = ({ requests, attempts: tried, ...rest }) => ({
  ...rest,
  requests: requests.filter((r) => !(r.startsWith('GET ') && isPagePart(r))),
  attempts: tried.filter((a) => !(a.api === 'fetch' && isPagePart(a.url))),
});

/**
 * Records the browser's network requests for `page` (Playwright's `request` event) and the
 * static server's log. `since()` returns what both saw after the last `mark()`.
 */
export function recordRequests(page, server) {
  const seen = [];
  page.on('request', (r) => seen.push(`${r.method()} ${r.url()}`));
  let page0 = 0;
  let server0 = server.requests.length;
  return {
    mark() {
      page0 = seen.length;
      server0 = server.requests.length;
    },
    since: () => ({ page: seen.slice(page0), server: server.requests.slice(server0) }),
    all: () => ({ page: [...seen], server: [...server.requests] }),
  };
}

/** Waits for the first screen, for the service worker to have stored this build's files and to
 * control the page (its downloads are part of the load: docs/offline.md), and for the network to
 * go quiet (the favicon comes late). */
export async function waitLoaded(page) {
  await page.getByRole('navigation', { name: 'Sections' }).waitFor();
  await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', null, { timeout: 30_000 });
  await page.waitForLoadState('networkidle');
}

/** The scripts of the build that are not the wasm's glue: the first screen's boot-*.js and the
 * service worker, sw.js. */
export const isGlueFile = (name) => name.endsWith('.js') && name !== 'sw.js' && !/^boot-[\w]+\.js$/.test(name);

/** The browser's own check for a new version (docs/offline.md): when a page the worker controls
 * has been opened, the browser fetches sw.js again, about a second later. It is a GET of a file
 * of the build that carries nothing of the plan. Returns the server log without those. */
export const withoutUpdateChecks = (server) => server.filter((r) => r !== '/sw.js');
