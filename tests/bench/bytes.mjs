// Bytes shipped: every file in dist/, raw and gzip -9, and the total.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { kb } from './lib.mjs';

// Issue #14 set "320 KB" (320 KiB; it was 250) for the features of its day, and asked each later
// feature to report its own cost: the change in the shipped total when it landed, measured with
// this file's gzip -9, listed here and in docs/performance.md. The budget is their sum.
export const LATER_FEATURES = [
  {
    date: '2026-12-01',
    issue: 19,
    what: 'safety across tabs, lock screen, passphrase rule and word list, export check, link hosts, framing check',
    kib: 31.2,
  },
  {
    date: '2026-12-02',
    issue: 17,
    what: 'meetings (agenda, minutes, print), calendar file, members and action items CSV out, roster import preview, yearly report; the csv crate',
    kib: 72.1,
  },
  {
    date: '2026-12-02',
    issue: 15,
    what: 'dashboard, charts, print, MOU',
    kib: 41.5,
  },
  {
    date: '2026-12-02',
    issue: 15,
    what: 'tables: sortable, filterable list tables with rows that open their forms, the new plan fields (notes, grant period, report dates, …), readable dates, glossary acronyms, email check',
    kib: 37.7,
  },
  {
    date: '2026-12-02',
    issue: 20,
    what: 'merging emailed copies: stamps and tombstones, model::merge, the #/merge review, ancestors',
    kib: 70.8,
  },
  {
    date: '2026-12-02',
    issue: 16,
    what: 'offline: service worker (sw.js), first screen with Quick exit (boot.js), update notice, manifest and icons',
    kib: 11.0,
  },
  {
    date: '2026-12-02',
    issue: 21,
    what: 'ask every member: self-assessment rounds, invitation and response files, aggregates, meeting mode',
    kib: 44.5,
  },
  {
    date: '2026-12-02',
    issue: 18,
    what: 'English and Spanish: the catalogue (lang/es/*.json, 46.3 KB, fetched only in Spanish), tr/tr!/trn!, Intl formats, the switch (wasm +30.8 KB)',
    kib: 77.1,
  },
  {
    date: '2026-12-02',
    issue: 16,
    what: 'split wasm (decision 0009): pages in parts loaded when first opened and precached by the worker after the first screen; a first visit waits for the main module only (369 KB of 636 KB)',
    kib: 99.0,
  },
];
export const BUDGET_GZIP = Math.round((320 + LATER_FEATURES.reduce((sum, f) => sum + f.kib, 0)) * 1024);

async function listFiles(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(path)));
    else if (entry.isFile()) out.push(path);
  }
  return out.sort();
}

export async function measureBytes(root) {
  const files = [];
  for (const file of await listFiles(root)) {
    const body = await readFile(file);
    files.push({ path: relative(root, file), raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
  }
  const total_gzip = files.reduce((sum, f) => sum + f.gzip, 0);
  const total_raw = files.reduce((sum, f) => sum + f.raw, 0);

  const width = Math.max(5, ...files.map((f) => f.path.length));
  console.log('\nBytes (dist/)');
  console.log(`  ${'file'.padEnd(width)}  ${'raw'.padStart(10)}  ${'gzip -9'.padStart(10)}`);
  for (const f of files) console.log(`  ${f.path.padEnd(width)}  ${kb(f.raw).padStart(10)}  ${kb(f.gzip).padStart(10)}`);
  console.log(`  ${'total'.padEnd(width)}  ${kb(total_raw).padStart(10)}  ${kb(total_gzip).padStart(10)}`);
  return { files, total_raw, total_gzip };
}
