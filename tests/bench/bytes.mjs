// Bytes shipped: every file in dist/, raw and gzip -9, and the total.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { kb } from './lib.mjs';

export const BUDGET_GZIP = 320 * 1024; // "320 KB" = 320 KiB (issue #14; was 250)

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
