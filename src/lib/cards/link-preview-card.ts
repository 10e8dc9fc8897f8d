/**
 * Link preview cards: the 1200×630 PNG a chat app or social site shows for a link (og:image), drawn at build time with
 * no network. Satori lays the card out as SVG, with glyphs from the Inter font files committed in
 * src/assets/fonts, and sharp draws that SVG as a PNG on libuv's threads, so Astro renders other pages meanwhile.
 * src/pages/og/ serves a card for each entry. Cards are cached on disk by a hash of what they show and how they are
 * drawn, so an unchanged card is not drawn twice.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import satori from 'satori';
import sharp from 'sharp';
import { packageVersion } from '../../markdown/package-version.ts';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
/** Bump when the card's design or encoding changes, to invalidate cached cards. */
const CARD_DESIGN = 7;

export interface CardInput {
  /** What the page is: "Roadmap", "Topic", "Interview question"… */
  kind: string;
  title: string;
  /** Short facts under the title, e.g. ["18 stages", "8–10 months"]. */
  facts: string[];
}

const FONT_DIR = join(process.cwd(), 'src/assets/fonts');
let fonts: { name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[] | undefined;
const loadFonts = () =>
  (fonts ??= [
    { name: 'Inter', data: readFileSync(join(FONT_DIR, 'inter-latin-400-normal.woff')), weight: 400, style: 'normal' },
    { name: 'Inter', data: readFileSync(join(FONT_DIR, 'inter-latin-700-normal.woff')), weight: 700, style: 'normal' },
  ]);

/**
 * Title size by length, so that the longest title the schemas allow (a 200-character question) fits above the facts.
 * The title has no overflow clip: librsvg draws satori's clip as a whole-card mask, which doubles the cost of a card.
 */
export function titleSize(title: string): number {
  if (title.length <= 36) return 76;
  if (title.length <= 70) return 62;
  if (title.length <= 110) return 50;
  return 42;
}

type Node = { type: string; props: { style: Record<string, unknown>; children: Node | Node[] | string } };
const h = (type: string, style: Record<string, unknown>, children: Node | Node[] | string): Node => ({
  type,
  props: { style, children },
});

/** The card as satori's element tree: a header row (the site and what the page is), the title, a row of facts. */
function card(input: CardInput): Node {
  const header = h('div', { display: 'flex', alignItems: 'center', justifyContent: 'space-between', fontSize: 30 }, [
    h('div', { display: 'flex', fontWeight: 700, color: '#7cb8f5' }, 'Backend Atlas'),
    h(
      'div',
      { display: 'flex', padding: '6px 18px', border: '2px solid #7cb8f5', borderRadius: 999, color: '#cfe4fb' },
      input.kind,
    ),
  ]);
  const title = h(
    'div',
    {
      display: 'flex',
      fontSize: titleSize(input.title),
      fontWeight: 700,
      lineHeight: 1.15,
    },
    input.title,
  );
  const facts = h(
    'div',
    { display: 'flex', gap: 28, fontSize: 30, color: '#c5d0db' },
    input.facts.slice(0, 4).map((fact) => h('div', { display: 'flex' }, fact)),
  );
  return h(
    'div',
    {
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      boxSizing: 'border-box',
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-between',
      padding: '64px 72px',
      background: '#0f1a2a',
      color: '#f2f5f8',
      fontFamily: 'Inter',
    },
    [header, title, facts],
  );
}

/** The card as SVG. With embedFont false satori keeps the words as <text> elements, which tests read. */
export const renderCardSvg = (input: CardInput, embedFont = true): Promise<string> =>
  satori(card(input), {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts: loadFonts(),
    embedFont,
  });

/** The card as a PNG: satori's SVG, drawn by sharp. */
export const renderCardPng = async (input: CardInput): Promise<Buffer> =>
  sharp(Buffer.from(await renderCardSvg(input)))
    .png()
    .toBuffer();

let drawing: string | undefined;
/** Everything a card's pixels depend on besides its content: design version, font files, renderer versions. */
export const drawingFingerprint = () =>
  (drawing ??= createHash('sha256')
    .update(
      JSON.stringify({
        CARD_DESIGN,
        fonts: loadFonts().map((f) => createHash('sha256').update(f.data).digest('hex')),
        satori: packageVersion('satori', process.cwd()),
        sharp: sharp.versions,
      }),
    )
    .digest('hex'));

/** Cache key of a card: its content and how it is drawn, so a cached card is never stale. */
export const cardKey = (input: CardInput) =>
  createHash('sha256')
    .update(JSON.stringify({ drawing: drawingFingerprint(), kind: input.kind, title: input.title, facts: input.facts }))
    .digest('hex')
    .slice(0, 32);

/** Where drawn cards are kept between builds (node_modules/.cache is where tools keep such caches). */
export const CARD_CACHE_DIR = join(process.cwd(), 'node_modules/.cache/backend-atlas-cards');

/** renderCardPng with a disk cache in `dir` keyed by cardKey. */
export async function cachedCardPng(input: CardInput, dir = CARD_CACHE_DIR): Promise<Buffer> {
  const file = join(dir, `${cardKey(input)}.png`);
  if (existsSync(file)) return readFileSync(file);
  const png = await renderCardPng(input);
  mkdirSync(dir, { recursive: true });
  // Written under a temporary name and renamed, so a build running at the same time never reads half a card.
  const partial = `${file}.${randomUUID()}.tmp`;
  writeFileSync(partial, png);
  renameSync(partial, file);
  return png;
}
