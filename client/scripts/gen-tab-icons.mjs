// Draws the four tab-bar icons (81×81 PNG, inactive grey and active blue) without any network
// or image library: each icon is an inside(x, y) test, supersampled for smooth edges.
// Run: node client/scripts/gen-tab-icons.mjs
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SIZE = 81;
const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'assets', 'tabbar');
const COLORS = { inactive: [0x8a, 0x94, 0xa3], active: [0x1f, 0x5f, 0xbf] };

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

function png(inside, [r, g, b]) {
  const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE);
  const S = 4;
  for (let y = 0; y < SIZE; y++) {
    raw[y * (SIZE * 4 + 1)] = 0;
    for (let x = 0; x < SIZE; x++) {
      let hits = 0;
      for (let sy = 0; sy < S; sy++)
        for (let sx = 0; sx < S; sx++) if (inside(x + (sx + 0.5) / S, y + (sy + 0.5) / S)) hits++;
      const o = y * (SIZE * 4 + 1) + 1 + x * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = Math.round((hits / (S * S)) * 255);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIZE, 0);
  ihdr.writeUInt32BE(SIZE, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const inCircle = (x, y, cx, cy, r) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const inRing = (x, y, cx, cy, r, w) => inCircle(x, y, cx, cy, r) && !inCircle(x, y, cx, cy, r - w);
const inRect = (x, y, x0, y0, x1, y1) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const inRoundRect = (x, y, x0, y0, x1, y1, rad) => {
  const cx = Math.min(Math.max(x, x0 + rad), x1 - rad);
  const cy = Math.min(Math.max(y, y0 + rad), y1 - rad);
  return inRect(x, y, x0, y0, x1, y1) && (x - cx) ** 2 + (y - cy) ** 2 <= rad * rad;
};
const inRoundRectOutline = (x, y, x0, y0, x1, y1, rad, w) =>
  inRoundRect(x, y, x0, y0, x1, y1, rad) && !inRoundRect(x, y, x0 + w, y0 + w, x1 - w, y1 - w, Math.max(0, rad - w));
// Below the roof line: |x - 40.5| <= (y - top) for an isosceles roof.
const inRoof = (x, y, top, bottom, w) => {
  const d = y - top;
  return y <= bottom && Math.abs(x - 40.5) <= d && Math.abs(x - 40.5) >= d - w * 1.41;
};

const ICONS = {
  // A house: roof outline and a body with a door.
  home: (x, y) =>
    inRoof(x, y, 10, 40, 6) ||
    (inRoundRectOutline(x, y, 18, 36, 63, 70, 4, 6) && !inRect(x, y, 33, 52, 48, 71)) ||
    inRoundRectOutline(x, y, 33, 50, 48, 70, 2, 5) && !inRect(x, y, 38, 55, 43, 71),
  // 信易+: a plus inside a ring.
  incentives: (x, y) =>
    inRing(x, y, 40.5, 40.5, 31, 6) || inRect(x, y, 37, 24, 44, 57) || inRect(x, y, 24, 37, 57, 44),
  // 信易贷: a wallet / bank card with a stripe.
  loans: (x, y) =>
    inRoundRectOutline(x, y, 10, 19, 71, 62, 8, 6) || inRect(x, y, 10, 31, 71, 37) || inRoundRect(x, y, 48, 46, 62, 53, 3),
  // 我的: a person.
  mine: (x, y) => inRing(x, y, 40.5, 27, 14, 6) || (inRoundRectOutline(x, y, 14, 46, 67, 90, 24, 6) && y <= 70),
};

mkdirSync(OUT, { recursive: true });
for (const [name, inside] of Object.entries(ICONS)) {
  writeFileSync(join(OUT, `${name}.png`), png(inside, COLORS.inactive));
  writeFileSync(join(OUT, `${name}-active.png`), png(inside, COLORS.active));
}
console.log(`wrote ${Object.keys(ICONS).length * 2} icons to ${OUT}`);
