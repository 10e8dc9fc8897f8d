import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inflateSync } from 'node:zlib';
import { CARD_HEIGHT, CARD_WIDTH, cachedCardPng, cardKey, encodePng, renderCardPng, renderCardSvg, titleSize } from '../../src/lib/share-card';

const LONG = 'How would you design a globally distributed, multi-tenant notification system with per-user preferences, retries and exactly-once delivery guarantees?';

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

describe('share card', () => {
  it('renders a 1200×630 PNG', async () => {
    const png = await renderCardPng({ kind: 'Roadmap', title: 'Backend Developer', facts: ['18 stages', '8–10 months'] });
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(pngSize(png)).toEqual({ width: CARD_WIDTH, height: CARD_HEIGHT });
  });

  it('wraps a long title onto several lines, every word drawn inside the card and above the facts', async () => {
    const svg = await renderCardSvg({ kind: 'Interview question', title: LONG, facts: ['senior', 'system design'] }, false);
    const texts = [...svg.matchAll(/<text x="([\d.]+)" y="([\d.]+)" width="([\d.]+)"[^>]*font-size="([\d.]+)"[^>]*>([^<]*)<\/text>/g)].map((m) => ({
      x: Number(m[1]),
      y: Number(m[2]),
      right: Number(m[1]) + Number(m[3]),
      size: Number(m[4]),
      text: m[5]!,
    }));
    const title = texts.filter((t) => t.size === titleSize(LONG));
    expect(new Set(title.map((t) => Math.round(t.y))).size).toBeGreaterThanOrEqual(2);
    expect(title.map((t) => t.text).join('').replace(/\s+/g, ' ').trim()).toBe(LONG);
    const factsTop = Math.min(...texts.filter((t) => t.text === 'senior').map((t) => t.y));
    for (const t of title) expect(t.y).toBeLessThan(factsTop);
    for (const t of texts) {
      expect(t.x, t.text).toBeGreaterThanOrEqual(0);
      expect(t.right, t.text).toBeLessThanOrEqual(CARD_WIDTH);
      expect(t.y, t.text).toBeLessThanOrEqual(CARD_HEIGHT);
    }
  });
});

describe('card cache', () => {
  const card = { kind: 'Topic', title: 'JSON Web Tokens', facts: ['About 3 h to learn', '4 resources'] };

  it('keys a card on everything it shows, and on nothing else', () => {
    expect(cardKey({ ...card })).toBe(cardKey(card));
    expect(cardKey({ ...card, extra: 'not drawn' } as typeof card)).toBe(cardKey(card));
    const changed = [{ ...card, kind: 'Roadmap' }, { ...card, title: 'JWT' }, { ...card, facts: ['About 4 h to learn', '4 resources'] }, { ...card, facts: ['About 3 h to learn'] }];
    expect(new Set([card, ...changed].map(cardKey)).size).toBe(5);
  });

  it('draws a card once and reads it back from the cache', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-card-cache-'));
    try {
      const drawn = await cachedCardPng(card, dir);
      expect(existsSync(join(dir, `${cardKey(card)}.png`))).toBe(true);
      expect((await cachedCardPng(card, dir)).equals(drawn)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** The chunks of a PNG by type (IDAT joined), read the way a decoder does: length, type, data, CRC. */
function pngChunks(png: Buffer): Map<string, Buffer> {
  const chunks = new Map<string, Buffer>();
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    chunks.set(type, chunks.has(type) ? Buffer.concat([chunks.get(type)!, data]) : data);
    at += 12 + length;
  }
  return chunks;
}

/**
 * RGBA pixels back from a non-interlaced PNG of colour type 6 (RGBA) or 3 (palette with tRNS) whose rows are
 * filtered with "none" or "up", the two filters encodePng writes.
 */
function decodePng(png: Buffer): { rgba: Uint8Array; colourType: number } {
  const chunks = pngChunks(png);
  const { width, height } = pngSize(png);
  const colourType = chunks.get('IHDR')![9]!;
  const rows = inflateSync(chunks.get('IDAT')!);
  const perPixel = colourType === 6 ? 4 : 1;
  const rgba = new Uint8Array(width * height * 4);
  const stride = width * perPixel + 1;
  for (let y = 0; y < height; y++) {
    const filter = rows[y * stride]!;
    expect([0, 2], 'filter "none" or "up"').toContain(filter);
    expect(filter === 2 && y === 0, '"up" on the first row').toBe(false);
    if (filter === 2) for (let x = 1; x < stride; x++) rows[y * stride + x] = (rows[y * stride + x]! + rows[(y - 1) * stride + x]!) & 255;
    for (let x = 0; x < width; x++) {
      const at = y * (width * perPixel + 1) + 1 + x * perPixel;
      const out = (y * width + x) * 4;
      if (colourType === 6) rgba.set(rows.subarray(at, at + 4), out);
      else {
        const k = rows[at]!;
        rgba.set([...chunks.get('PLTE')!.subarray(k * 3, k * 3 + 3), chunks.get('tRNS')?.[k] ?? 255], out);
      }
    }
  }
  return { rgba, colourType };
}

describe('encodePng', () => {
  it('writes few colours as a palette image that decodes to the same pixels, transparency included', () => {
    const colours = [[15, 26, 42, 255], [242, 245, 248, 255], [124, 184, 245, 128]];
    const rgba = Uint8Array.from(Array.from({ length: 5 * 3 }, (_, i) => colours[(i * 7) % 3]!).flat());
    const png = encodePng(rgba, 5, 3);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(pngSize(png)).toEqual({ width: 5, height: 3 });
    expect(pngChunks(png).get('PLTE')!.length).toBe(3 * 3);
    expect(decodePng(png)).toEqual({ rgba, colourType: 3 });
  });

  it('writes more than 256 colours as RGBA that decodes to the same pixels', () => {
    const rgba = Uint8Array.from(Array.from({ length: 20 * 20 }, (_, i) => [i & 255, i >> 8, 7, 255]).flat()); // 400 colours
    const png = encodePng(rgba, 20, 20);
    expect(pngChunks(png).has('PLTE')).toBe(false);
    expect(decodePng(png)).toEqual({ rgba, colourType: 6 });
  });

  it('draws a real card as a palette image, pixel for pixel what resvg rendered', async () => {
    const png = await renderCardPng({ kind: 'Topic', title: 'Consistent hashing', facts: ['Backend developer', '3 hours'] });
    const { rgba, colourType } = decodePng(png);
    expect(colourType).toBe(3);
    const { Resvg } = await import('@resvg/resvg-js');
    const svg = await renderCardSvg({ kind: 'Topic', title: 'Consistent hashing', facts: ['Backend developer', '3 hours'] });
    expect(Buffer.from(rgba).equals(Buffer.from(new Resvg(svg).render().pixels))).toBe(true);
  });
});
