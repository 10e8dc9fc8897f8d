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
  cardTexts,
  renderCardPng,
} from '../../../src/lib/cards/link-preview-card.ts';
import {
  CARD_COLLECTIONS,
  type CardCollection,
  cardInput,
  siteCard,
} from '../../../src/lib/cards/link-preview-content.ts';
import { type RawEntry, readContentDir } from '../../../src/lib/content/content-files.ts';
import { en } from '../../../src/i18n/dictionary/en.ts';
import { ptBr } from '../../../src/i18n/dictionary/pt-br.ts';

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

  it.each([LONG, LONGEST])(
    'wraps a long title onto lines, every word inside the card and above the facts: %s',
    async (long) => {
      const texts = await cardTexts({ kind: 'Interview question', title: long, facts: ['senior', 'system design'] });
      const title = texts.find((t) => t.text.replace(/\s+/g, ' ').trim() === long)!;
      expect(title, 'the whole title, in one text').toBeDefined();
      expect(new Set(title.lines.map((line) => Math.round(line.y))).size).toBeGreaterThanOrEqual(2);
      const factsTop = Math.min(...texts.filter((t) => t.text === 'senior').flatMap((t) => t.lines.map((l) => l.y)));
      for (const line of title.lines) expect(line.y + line.height).toBeLessThanOrEqual(factsTop);
      for (const line of texts.flatMap((t) => t.lines)) {
        expect(line.x, line.text).toBeGreaterThanOrEqual(0);
        expect(line.x + line.width, line.text).toBeLessThanOrEqual(CARD_WIDTH);
        expect(line.y + line.height, line.text).toBeLessThanOrEqual(CARD_HEIGHT);
      }
    },
  );
});

describe('drawn card', () => {
  const card = { kind: 'Interview question', title: LONG, facts: ['senior', 'system design'] };

  it('inks every line where it was laid out, and leaves the space between them the background colour', async () => {
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
    const lines = (await cardTexts(card)).flatMap((t) => t.lines).filter((line) => line.text.trim());
    expect(lines.length).toBeGreaterThan(5);
    for (const { x, y, width, height, text } of lines)
      expect(inked(x, y, x + width, y + height), text).toBeGreaterThan(0);
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

describe('card text', () => {
  /** A glyph no font has (a private-use code point): the font's "missing glyph" box. */
  const MISSING = '\uE000';
  const drawn = (text: string) => renderCardPng({ kind: 'Topic', title: text, facts: [] });

  it('uses only characters the card font draws, on every card of the content', async () => {
    const cards = readContentDir()
      .filter((entry): entry is RawEntry & { collection: CardCollection } =>
        CARD_COLLECTIONS.includes(entry.collection as CardCollection),
      )
      .map((entry) => cardInput(entry.collection, entry as never, en.card));
    // The Portuguese cards: the site's, and each translation's title with the facts in Portuguese.
    const portuguese = readContentDir(join('content', 'translations', 'pt-br'), ['topics', 'roadmaps']).map(
      (entry) => ({
        kind: ptBr.card.topic,
        title: String((entry.data as { title: string }).title),
        facts: [ptBr.card.hours(1.5)],
      }),
    );
    const characters = new Set(
      [siteCard(en.card), siteCard(ptBr.card), ...cards, ...portuguese].flatMap((c) => [
        ...c.kind,
        ...c.title,
        ...c.facts.join(''),
      ]),
    );
    const missing = await drawn(MISSING);
    const undrawn = [];
    // Beyond ASCII only: the font is Inter's Latin subset, which has every ASCII character.
    for (const c of [...characters].filter((c) => c.codePointAt(0)! > 0x7e))
      if ((await drawn(c)).equals(missing)) undrawn.push(c);
    expect(undrawn).toEqual([]);
    expect((await drawn('→')).equals(missing), 'a character the font lacks is seen').toBe(true);
  });
});
