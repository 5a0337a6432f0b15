#!/usr/bin/env node
// Draws build/icon.png (512×512 RGBA) from the same shapes as build/icon.svg, with no image
// library: each pixel is 4×4 supersampled against the shapes, then written as a PNG with zlib.
// electron-builder turns this one PNG into the Linux, macOS (icns) and Windows (ico) icons.
// Run `node build/make-icon.mjs` after changing the design; the PNG is committed.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const NAVY = [0x1f, 0x3a, 0x5f];
const AMBER = [0xf2, 0xb6, 0x32];
const TEAL = [0x2a, 0x9d, 0x8f];
const WHITE = [0xff, 0xff, 0xff];

const inRoundedSquare = (x, y) => {
  const [lo, hi, r] = [16, 496, 96];
  if (x < lo || x > hi || y < lo || y > hi) return false;
  const cx = Math.min(Math.max(x, lo + r), hi - r);
  const cy = Math.min(Math.max(y, lo + r), hi - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const inShield = (x, y) => {
  if (y < 96 || y > 432) return false;
  const half = y <= 280 ? 120 : 120 * Math.sqrt(Math.max(0, 1 - ((y - 280) / 152) ** 2));
  return Math.abs(x - 256) <= half;
};
const inCircle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const left = inCircle(218, 236, 50);
const right = inCircle(294, 236, 50);

/** The colour at a point, or null for transparent: later shapes paint over earlier ones. */
function colourAt(x, y) {
  if (!inRoundedSquare(x, y)) return null;
  if (left(x, y) && right(x, y)) return WHITE;
  if (right(x, y)) return TEAL;
  if (left(x, y)) return NAVY;
  return inShield(x, y) ? AMBER : NAVY;
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) {
    const sum = [0, 0, 0, 0];
    for (let sy = 0; sy < 4; sy++)
      for (let sx = 0; sx < 4; sx++) {
        const c = colourAt(x + (sx + 0.5) / 4, y + (sy + 0.5) / 4);
        if (!c) continue;
        for (let i = 0; i < 3; i++) sum[i] += c[i];
        sum[3] += 1;
      }
    const at = y * (SIZE * 4 + 1) + 1 + x * 4;
    for (let i = 0; i < 3; i++) raw[at + i] = sum[3] ? Math.round(sum[i] / sum[3]) : 0;
    raw[at + 3] = Math.round((sum[3] / 16) * 255);
  }
}

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
};
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, deflate, no filter set, no interlace
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('./icon.png', import.meta.url), png);
console.log(`wrote build/icon.png (${png.length} bytes)`);
