// Draws the home-screen icons (public/icon-180.png, -192, -512) from public/icon.svg in headless
// Chromium. Run by hand when the icon changes: `node .ci/icons.mjs` (needs tests/node_modules).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launch } from '../tests/e2e/browser.mjs';

const dir = resolve(import.meta.dirname, '../public');
const svg = readFileSync(resolve(dir, 'icon.svg'), 'utf8');
const browser = await launch();
for (const size of [180, 192, 512]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<body style="margin:0">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body>`);
  await page.screenshot({ path: resolve(dir, `icon-${size}.png`) });
  await page.close();
}
await browser.close();
