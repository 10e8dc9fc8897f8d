/**
 * Link preview cards: the 1200×630 PNG a chat app or social site shows for a link (og:image), drawn at build time
 * with no network. Takumi lays the card out (flexbox, as CSS does) and draws it as a PNG in native code, with glyphs
 * from the Inter font files committed in src/assets/fonts, off the main thread, so Astro renders other pages
 * meanwhile. It draws our card in a quarter of the CPU satori and sharp took, the same to the eye (figures in
 * docs/benchmarks.md, "Measured choices"). src/pages/og/ serves a card for each entry. Cards are cached on disk by a
 * hash of what they show and how they are drawn, so an unchanged card is not drawn twice.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ContainerNode, type MeasuredNode, type Node, Renderer } from '@takumi-rs/core';
import { packageVersion } from '../../markdown/package-version.ts';
import { inlinePlainText } from '../../core/format/inline-code.ts';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
/** Bump when the card's design or encoding changes, to invalidate cached cards. */
const CARD_DESIGN = 8;

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

/** One renderer for the build, with the fonts registered once. */
let renderer: Promise<Renderer> | undefined;
const cardRenderer = () =>
  (renderer ??= (async () => {
    const created = new Renderer();
    for (const font of loadFonts()) await created.registerFont(font);
    return created;
  })());

/** Title size by length, so that the longest title the schemas allow (a 200-character question) fits above the facts. */
function titleSize(title: string): number {
  if (title.length <= 36) return 76;
  if (title.length <= 70) return 62;
  if (title.length <= 110) return 50;
  return 42;
}

type Style = NonNullable<ContainerNode['style']>;
const box = (style: Style, children: Node[]): Node => ({ type: 'container', style, children });
/** Text is never padded or bordered itself (a box around it is), so a measured line sits where it is drawn. */
const words = (style: Style, text: string): Node => ({ type: 'text', style, text });

/** The card as Takumi's node tree: a header row (the site and what the page is), the title, a row of facts. */
function card(input: CardInput): Node {
  const header = box({ display: 'flex', alignItems: 'center', justifyContent: 'space-between', fontSize: 30 }, [
    words({ fontWeight: 700, color: '#7cb8f5' }, 'Backend Atlas'),
    box({ display: 'flex', padding: '6px 18px', border: '2px solid #7cb8f5', borderRadius: 999, color: '#cfe4fb' }, [
      words({}, input.kind),
    ]),
  ]);
  // Inline code is drawn as its words, without backticks: the card has one font and no chips.
  const text = inlinePlainText(input.title);
  const title = words({ fontSize: titleSize(text), fontWeight: 700, lineHeight: 1.15 }, text);
  const facts = box(
    { display: 'flex', gap: 28, fontSize: 30, color: '#c5d0db' },
    input.facts.slice(0, 4).map((fact) => words({}, fact)),
  );
  return box(
    {
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-between',
      padding: '64px 72px',
      backgroundColor: '#0f1a2a',
      color: '#f2f5f8',
      fontFamily: 'Inter',
    },
    [header, title, facts],
  );
}

const size = { width: CARD_WIDTH, height: CARD_HEIGHT };

/** The card as a PNG. */
export const renderCardPng = async (input: CardInput): Promise<Buffer> =>
  Buffer.from(await (await cardRenderer()).render(card(input), { ...size, format: 'png' }));

/** A line of text where it is drawn: its words and its box, in pixels from the card's top left corner. */
export interface CardLine {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Each text on the card (site name, kind, title, each fact) with the lines Takumi lays it out on (tests read it). */
export async function cardTexts(input: CardInput): Promise<{ text: string; lines: CardLine[] }[]> {
  const texts: { text: string; lines: CardLine[] }[] = [];
  const walk = (node: MeasuredNode) => {
    const [, , , , left, top] = node.transform;
    if (node.runs.length > 0)
      texts.push({
        text: node.runs.map((run) => run.text).join(''),
        lines: node.runs.map((run) => ({ ...run, x: left + run.x, y: top + run.y })),
      });
    node.children.forEach(walk);
  };
  walk(await (await cardRenderer()).measure(card(input), size));
  return texts;
}

let drawing: string | undefined;
/** Everything a card's pixels depend on besides its content: design version, font files, renderer version. */
const drawingFingerprint = () =>
  (drawing ??= createHash('sha256')
    .update(
      JSON.stringify({
        CARD_DESIGN,
        fonts: loadFonts().map((f) => createHash('sha256').update(f.data).digest('hex')),
        takumi: packageVersion('@takumi-rs/core', process.cwd()),
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
const CARD_CACHE_DIR = join(process.cwd(), 'node_modules/.cache/backend-atlas-cards');

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
