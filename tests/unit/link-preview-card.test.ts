import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inflateSync } from 'node:zlib';
import fc from 'fast-check';
import { planCards } from '../../src/integrations/link-preview-cards.ts';
import { coveredSpans, readLayout } from '../../src/lib/cards/card-stamp.ts';
import { readContentDir } from '../../src/lib/content/content-files.ts';
import {
  CARD_HEIGHT,
  CARD_WIDTH,
  cachedCardPng,
  cardKey,
  cardLayout,
  encodePng,
  renderCardPixels,
  renderCardPng,
  renderCardSvg,
  titleSize,
} from '../../src/lib/cards/link-preview-card.ts';

const LONG =
  'How would you design a globally distributed, multi-tenant notification system with per-user preferences, retries and exactly-once delivery guarantees?';

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

describe('share card', () => {
  it('renders a 1200×630 PNG', async () => {
    const png = await renderCardPng({
      kind: 'Roadmap',
      title: 'Backend Developer',
      facts: ['18 stages', '8–10 months'],
    });
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(pngSize(png)).toEqual({ width: CARD_WIDTH, height: CARD_HEIGHT });
  });

  it('wraps a long title onto several lines, every word drawn inside the card and above the facts', async () => {
    const svg = await renderCardSvg(
      { kind: 'Interview question', title: LONG, facts: ['senior', 'system design'] },
      false,
    );
    const texts = [
      ...svg.matchAll(
        /<text x="([\d.]+)" y="([\d.]+)" width="([\d.]+)"[^>]*font-size="([\d.]+)"[^>]*>([^<]*)<\/text>/g,
      ),
    ].map((m) => ({
      x: Number(m[1]),
      y: Number(m[2]),
      right: Number(m[1]) + Number(m[3]),
      size: Number(m[4]),
      text: m[5]!,
    }));
    const title = texts.filter((t) => t.size === titleSize(LONG));
    expect(new Set(title.map((t) => Math.round(t.y))).size).toBeGreaterThanOrEqual(2);
    expect(
      title
        .map((t) => t.text)
        .join('')
        .replace(/\s+/g, ' ')
        .trim(),
    ).toBe(LONG);
    const factsTop = Math.min(...texts.filter((t) => t.text === 'senior').map((t) => t.y));
    for (const t of title) expect(t.y).toBeLessThan(factsTop);
    for (const t of texts) {
      expect(t.x, t.text).toBeGreaterThanOrEqual(0);
      expect(t.right, t.text).toBeLessThanOrEqual(CARD_WIDTH);
      expect(t.y, t.text).toBeLessThanOrEqual(CARD_HEIGHT);
    }
  });
});

describe('card layout', () => {
  const wholeLayout = async (input: Parameters<typeof cardLayout>[0]) => readLayout(await renderCardSvg(input, false));

  it("pieces every real card's layout from its parts exactly as satori lays out the whole card", async () => {
    const jobs = planCards(readContentDir());
    expect(jobs.length).toBeGreaterThan(400);
    for (const { input } of jobs) expect(await cardLayout(input), input.title).toEqual(await wholeLayout(input));
  });

  it('pieces any title and facts the same way: every line count and title size, long words, entities', async () => {
    const word = fc.oneof(
      fc.constantFrom('API', 'idempotent', 'O’Reilly', 'R&D', '<T>', '"quoted"', 'N+1', 'café', 'x'),
      fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 14 }),
    );
    const text = (max: number) =>
      fc.array(word, { minLength: 1, maxLength: max }).map((words) => words.join(' ').trim() || 'x');
    const input = fc.record({
      kind: fc.constantFrom('Topic', 'Roadmap', 'Interview question', 'Project'),
      title: text(24),
      facts: fc.array(text(3), { maxLength: 5 }),
    });
    await fc.assert(
      fc.asyncProperty(input, async (card) => {
        expect(await cardLayout(card)).toEqual(await wholeLayout(card));
      }),
      { numRuns: 150 },
    );
  });

  it('tells a layout from one with another title (the comparison above can fail)', async () => {
    const card = { kind: 'Topic', title: 'Consistent hashing', facts: ['3 hours'] };
    expect(await cardLayout(card)).not.toEqual(await wholeLayout({ ...card, title: 'Consistent hashes' }));
  });
});

describe('card cache', () => {
  const card = { kind: 'Topic', title: 'JSON Web Tokens', facts: ['About 3 h to learn', '4 resources'] };

  it('keys a card on everything it shows, and on nothing else', () => {
    expect(cardKey({ ...card })).toBe(cardKey(card));
    expect(cardKey({ ...card, extra: 'not drawn' } as typeof card)).toBe(cardKey(card));
    const changed = [
      { ...card, kind: 'Roadmap' },
      { ...card, title: 'JWT' },
      { ...card, facts: ['About 4 h to learn', '4 resources'] },
      { ...card, facts: ['About 3 h to learn'] },
    ];
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
  for (let at = 8; at < png.length;) {
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
    if (filter === 2)
      for (let x = 1; x < stride; x++)
        rows[y * stride + x] = (rows[y * stride + x]! + rows[(y - 1) * stride + x]!) & 255;
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
    const colours = [
      [15, 26, 42, 255],
      [242, 245, 248, 255],
      [124, 184, 245, 128],
    ];
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

  it('writes a real card as a palette image that decodes to exactly the pixels drawn', async () => {
    const card = { kind: 'Topic', title: 'Consistent hashing', facts: ['Backend developer', '3 hours'] };
    const { rgba, colourType } = decodePng(await renderCardPng(card));
    expect(colourType).toBe(3);
    expect(Buffer.from(rgba).equals(Buffer.from(await renderCardPixels(card)))).toBe(true);
  });
});

describe('stamped cards', () => {
  /** How far a stamped card is from the same SVG drawn whole by resvg: pixels off by more than 48 in a channel, mean difference. */
  async function distance(stamped: CardInputLike, whole: CardInputLike) {
    const { Resvg } = await import('@resvg/resvg-js');
    const a = await renderCardPixels(stamped);
    const b = new Resvg(await renderCardSvg(whole), { font: { loadSystemFonts: false } }).render().pixels;
    let far = 0;
    let sum = 0;
    for (let p = 0; p < a.length; p += 4) {
      let most = 0;
      for (let c = 0; c < 3; c++) {
        const d = Math.abs(a[p + c]! - b[p + c]!);
        sum += d;
        most = Math.max(most, d);
      }
      if (most > 48) far++;
    }
    return { farShare: far / (a.length / 4), mean: sum / ((a.length / 4) * 3) };
  }
  type CardInputLike = Parameters<typeof renderCardPixels>[0];
  const cards: CardInputLike[] = [
    { kind: 'Topic', title: 'Consistent hashing', facts: ['Backend developer', '3 hours'] },
    {
      kind: 'Comparison',
      title: 'Rust & Go: "<generics>" vs traits — 100% O’Reilly café',
      facts: ['2 tables', 'x < y & z'],
    },
    // Long enough that the title box clips its last lines, as satori does with overflow: hidden.
    { kind: 'Interview question', title: `${LONG} ${LONG} ${LONG}`, facts: ['senior'] },
  ];

  it.each(cards)('draws "$title" as resvg draws the whole card, words within half a pixel', async (card) => {
    const { farShare, mean } = await distance(card, card);
    expect(farShare).toBeLessThan(0.004);
    expect(mean).toBeLessThan(0.4);
  });

  it('tells a card from one that differs by a word (the measure above can fail)', async () => {
    const { farShare, mean } = await distance(cards[0]!, { ...cards[0]!, title: 'Consistent hashes' });
    expect(farShare).toBeGreaterThan(0.004);
    expect(mean).toBeGreaterThan(0.4);
  });

  it('gives cards of one kind one frame, whatever their titles and facts, and another kind its own', async () => {
    const frameOf = async (card: CardInputLike) => readLayout(await renderCardSvg(card, false)).frame;
    const [first, second, other] = await Promise.all([
      frameOf(cards[0]!),
      frameOf({ ...cards[2]!, kind: 'Topic' }),
      frameOf(cards[1]!),
    ]);
    expect(second).toBe(first);
    expect(other).not.toBe(first);
  });

  it("reads each word of satori's layout with its place, size, weight, colour and clip, entities decoded", () => {
    const svg =
      '<svg><clipPath id="c"><rect x="72" y="252" width="1056" height="142"/></clipPath><rect x="0" y="0" width="10" height="10" fill="#0f1a2a"/>' +
      '<text x="72.5" y="310" width="40" height="71.3" font-weight="700" font-style="normal" font-size="62" font-family="inter" clip-path="url(#c)" fill="#f2f5f8">R&amp;D</text>' +
      '<text x="112.5" y="310" width="14" height="71.3" font-weight="700" font-size="62" fill="#f2f5f8"> </text>' +
      '<text x="130" y="101" width="20" height="36" font-weight="normal" font-size="30" fill="#cfe4fb">&lt;3&quot;</text></svg>';
    const { frame, runs } = readLayout(svg);
    expect(frame).not.toContain('<text');
    expect(frame).toContain('fill="#0f1a2a"');
    expect(runs).toEqual([
      { text: 'R&D', x: 72.5, y: 310, size: 62, weight: 700, fill: '#f2f5f8', clip: [72, 252, 1056, 142] },
      { text: '<3"', x: 130, y: 101, size: 30, weight: 400, fill: '#cfe4fb', clip: undefined },
    ]);
  });
});

it('coveredSpans finds each row’s runs of covered pixels, edges and empty rows included', () => {
  // 5 × 3: row 0 covered at 0 and 3–4, row 1 empty, row 2 covered at 1–3
  const alpha = Uint8Array.from([9, 0, 0, 1, 255, 0, 0, 0, 0, 0, 0, 7, 7, 7, 0]);
  const { spans, rows } = coveredSpans(alpha, 5, 3);
  expect([...rows]).toEqual([0, 2, 2, 3]);
  expect([...spans]).toEqual([0, 1, 3, 5, 1, 4]);
});
