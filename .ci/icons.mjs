// Draws the home-screen icons (public/icon-180.png, -192, -512) from public/icon.svg in headless
// Chromium, then stores each with a small palette (blends of the icon's three colours), which
// keeps the edges smooth at a fifth of the bytes of Chromium's own PNG. Run by hand when the
// icon changes: `node .ci/icons.mjs` (needs tests/node_modules).
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { deflateSync, inflateSync } from 'node:zlib';
import { launch } from '../tests/e2e/browser.mjs';

const dir = resolve(import.meta.dirname, '../public');
const svg = readFileSync(resolve(dir, 'icon.svg'), 'utf8');
const INKS = [[0xff, 0xff, 0xff], [0x1d, 0x4e, 0x89], [0x2a, 0x7f, 0x62]];
const STEPS = 6;

/** Every blend of two inks in STEPS steps: the colours anti-aliased edges need. */
function palette() {
  const out = [];
  const seen = new Set();
  for (let a = 0; a < INKS.length; a++) {
    for (let b = a + 1; b < INKS.length; b++) {
      for (let s = 0; s <= STEPS; s++) {
        const c = INKS[a].map((v, i) => Math.round(v + ((INKS[b][i] - v) * s) / STEPS));
        if (!seen.has(String(c))) {
          seen.add(String(c));
          out.push(c);
        }
      }
    }
  }
  return out;
}

/** The RGB(A) pixels of an 8-bit, non-interlaced PNG. */
function decode(png) {
  let pos = 8;
  let width;
  let height;
  let channels;
  const data = [];
  while (pos < png.length) {
    const length = png.readUInt32BE(pos);
    const type = png.toString('latin1', pos + 4, pos + 8);
    const body = png.subarray(pos + 8, pos + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      channels = { 2: 3, 6: 4 }[body[9]];
      if (body[8] !== 8 || !channels || body[12] !== 0) throw new Error('unexpected PNG');
    } else if (type === 'IDAT') {
      data.push(body);
    }
    pos += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x];
      const a = x >= channels ? out[y * stride + x - channels] : 0;
      const b = y > 0 ? out[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? out[(y - 1) * stride + x - channels] : 0;
      const p = a + b - c;
      const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
      const paeth = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      out[y * stride + x] = (v + [0, a, b, (a + b) >> 1, paeth][filter]) & 0xff;
    }
  }
  return { width, height, channels, pixels: out };
}

function chunk(type, body) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
  return Buffer.concat([head, body, crc]);
}

function crc32(buf) {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/** An 8-bit indexed PNG of `image`, each pixel the nearest colour of `colours`. */
function encodeIndexed({ width, height, channels, pixels }, colours) {
  const rows = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * channels;
      let best = 0;
      let bestDistance = Infinity;
      colours.forEach((c, i) => {
        const d = (c[0] - pixels[at]) ** 2 + (c[1] - pixels[at + 1]) ** 2 + (c[2] - pixels[at + 2]) ** 2;
        if (d < bestDistance) [best, bestDistance] = [i, d];
      });
      rows[y * (width + 1) + 1 + x] = best;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 3, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('PLTE', Buffer.from(colours.flat())),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const browser = await launch();
const colours = palette();
for (const size of [180, 192, 512]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<body style="margin:0">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body>`);
  const shot = await page.screenshot();
  writeFileSync(resolve(dir, `icon-${size}.png`), encodeIndexed(decode(shot), colours));
  await page.close();
}
await browser.close();
