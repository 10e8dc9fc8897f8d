import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import {
  CARD_HEIGHT,
  CARD_WIDTH,
  cachedCardPng,
  cardKey,
  renderCardPng,
  renderCardSvg,
  titleSize,
} from '../../../src/lib/cards/link-preview-card.ts';

const LONG =
  'How would you design a globally distributed, multi-tenant notification system with per-user preferences, retries and exactly-once delivery guarantees?';

/** As long as a title can be: the question schema allows 200 characters (src/schemas/question.ts). */
const LONGEST = `${'Which consistency, partitioning and replication choices would you make '.repeat(3).slice(0, 199).trimEnd()}?`;

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

describe('link preview card', () => {
  it('renders a 1200×630 PNG', async () => {
    const png = await renderCardPng({
      kind: 'Roadmap',
      title: 'Backend Developer',
      facts: ['18 stages', '8–10 months'],
    });
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(pngSize(png)).toEqual({ width: CARD_WIDTH, height: CARD_HEIGHT });
  });

  // The title has no overflow clip (a clip costs librsvg a full-card mask per card), so a title must fit by size.
  it.each([LONG, LONGEST])(
    'wraps a long title onto lines, every word inside the card and above the facts: %s',
    async (long) => {
      const svg = await renderCardSvg(
        { kind: 'Interview question', title: long, facts: ['senior', 'system design'] },
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
      const title = texts.filter((t) => t.size === titleSize(long));
      expect(new Set(title.map((t) => Math.round(t.y))).size).toBeGreaterThanOrEqual(2);
      expect(
        title
          .map((t) => t.text)
          .join('')
          .replace(/\s+/g, ' ')
          .trim(),
      ).toBe(long);
      const factsTop = Math.min(...texts.filter((t) => t.text === 'senior').map((t) => t.y));
      for (const t of title) expect(t.y).toBeLessThan(factsTop);
      for (const t of texts) {
        expect(t.x, t.text).toBeGreaterThanOrEqual(0);
        expect(t.right, t.text).toBeLessThanOrEqual(CARD_WIDTH);
        expect(t.y, t.text).toBeLessThanOrEqual(CARD_HEIGHT);
      }
    },
  );
});

describe('drawn card', () => {
  const card = { kind: 'Interview question', title: LONG, facts: ['senior', 'system design'] };

  it('inks every word where satori laid it out, and leaves the space between them the background colour', async () => {
    const { data, info } = await sharp(await renderCardPng(card))
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect(info).toMatchObject({ width: CARD_WIDTH, height: CARD_HEIGHT });
    const background = [...data.subarray(0, 3)];
    expect(background).toEqual([0x0f, 0x1a, 0x2a]);
    /** Pixels in a box whose colour is far from the background's. */
    const inked = (left: number, top: number, right: number, bottom: number) => {
      let count = 0;
      for (let y = Math.max(0, Math.floor(top)); y < Math.min(CARD_HEIGHT, bottom); y++)
        for (let x = Math.max(0, Math.floor(left)); x < Math.min(CARD_WIDTH, right); x++) {
          const at = (y * CARD_WIDTH + x) * info.channels;
          if ([0, 1, 2].some((c) => Math.abs(data[at + c]! - background[c]!) > 96)) count++;
        }
      return count;
    };
    const words = [
      ...(await renderCardSvg(card, false)).matchAll(
        /<text x="([\d.]+)" y="([\d.]+)" width="([\d.]+)"[^>]*font-size="([\d.]+)"[^>]*>([^<]*)<\/text>/g,
      ),
    ].filter((m) => m[5]!.trim());
    expect(words.length).toBeGreaterThan(20);
    for (const [, x, y, width, size, text] of words)
      expect(inked(+x!, +y! - +size!, +x! + +width!, +y! + +size! * 0.3), text).toBeGreaterThan(0);
    // Between the site's name and the kind of page, and between the title and the facts: nothing drawn.
    expect(inked(400, 64, 700, 116)).toBe(0);
    expect(inked(72, 500, 1128, 520)).toBe(0);
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
