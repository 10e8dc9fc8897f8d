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

it('encodePng writes a PNG whose rows inflate back to the same pixels', () => {
  const rgba = Uint8Array.from({ length: 3 * 2 * 4 }, (_, i) => (i * 37) % 256);
  const png = encodePng(rgba, 3, 2);
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(pngSize(png)).toEqual({ width: 3, height: 2 });
  const idat = png.indexOf('IDAT');
  const rows = inflateSync(png.subarray(idat + 4, idat + 4 + png.readUInt32BE(idat - 4)));
  expect(rows).toEqual(Buffer.from([0, ...rgba.subarray(0, 12), 0, ...rgba.subarray(12)]));
});
