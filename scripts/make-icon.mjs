#!/usr/bin/env node
// Draws build/icon.png (256×256): a blue rounded square with a white "A". electron-builder
// turns it into the Windows .ico. Only node:zlib, so it runs on a fresh machine without
// packages; the output is deterministic, and the PNG is committed beside this script.
// Run: node scripts/make-icon.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

const SIZE = 256;
const BLUE = [0x1f, 0x4e, 0x8c];
const WHITE = [0xff, 0xff, 0xff];
const SAMPLES = 4; // 4×4 supersampling for smooth edges

// --- shape: coverage tests in pixel coordinates ------------------------------------------------

function insideRoundedSquare(x, y, margin = 8, radius = 44) {
  const lo = margin;
  const hi = SIZE - margin;
  if (x < lo || x > hi || y < lo || y > hi) return false;
  const cx = Math.min(Math.max(x, lo + radius), hi - radius);
  const cy = Math.min(Math.max(y, lo + radius), hi - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

// The "A": two legs meeting at the top and a crossbar, drawn as thick strokes.
const STROKE = 15;
const apex = [128, 52];
const strokes = [
  [apex, [70, 206]],
  [apex, [186, 206]],
  [[95, 156], [161, 156]],
];

function insideLetter(x, y) {
  return y <= 206 + STROKE / 2 && strokes.some(([a, b]) => distanceToSegment(x, y, a, b) <= STROKE);
}

// --- raster ------------------------------------------------------------------------------------

function pixel(x, y) {
  let square = 0;
  let letter = 0;
  for (let sy = 0; sy < SAMPLES; sy += 1) {
    for (let sx = 0; sx < SAMPLES; sx += 1) {
      const px = x + (sx + 0.5) / SAMPLES;
      const py = y + (sy + 0.5) / SAMPLES;
      if (insideRoundedSquare(px, py)) {
        square += 1;
        if (insideLetter(px, py)) letter += 1;
      }
    }
  }
  const alpha = square / SAMPLES ** 2;
  const white = square === 0 ? 0 : letter / square;
  const rgb = BLUE.map((c, i) => Math.round(c + (WHITE[i] - c) * white));
  return [...rgb, Math.round(alpha * 255)];
}

function rasterRgba() {
  // Each row starts with filter byte 0 (none).
  const rows = Buffer.alloc(SIZE * (1 + SIZE * 4));
  for (let y = 0; y < SIZE; y += 1) {
    const row = y * (1 + SIZE * 4);
    for (let x = 0; x < SIZE; x += 1) rows.set(pixel(x, y), row + 1 + x * 4);
  }
  return rows;
}

// --- PNG encoder (RFC 2083): signature, IHDR, IDAT, IEND ---------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

export function encodePng(width, height, rows) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  header[10] = 0; // compression
  header[11] = 0; // filter
  header[12] = 0; // no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = join(import.meta.dirname, '..', 'build', 'icon.png');
mkdirSync(join(out, '..'), { recursive: true });
writeFileSync(out, encodePng(SIZE, SIZE, rasterRgba()));
console.log(`build/icon.png geschrieben (${SIZE}×${SIZE})`);
