/**
 * Share cards: the 1200×630 PNG a chat app or social site shows for a link. Drawn at build time from the content
 * with satori (layout, and glyphs from the Inter font files committed in src/assets/fonts) and resvg (pixels), no
 * network: the words are stamped onto the card from masks drawn once each (src/lib/cards/card-stamp.ts). Cards are
 * cached by a hash of what they show, so an unchanged card is not drawn twice.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { threadId } from 'node:worker_threads';
import { join } from 'node:path';
import { constants, crc32, deflateSync } from 'node:zlib';
import satori from 'satori';
import {
  framePixels,
  type PaletteImage,
  readLayout,
  runShows,
  stamp,
  stampPalette,
  type TextRun,
  toPaletteImage,
  type WordMask,
  wordMask,
} from './card-stamp.ts';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
/** Bump when the card's design or encoding changes, to invalidate cached cards. */
const CARD_DESIGN = 5;

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

/** Title size by length, so a long title wraps onto at most four lines instead of running off the card. */
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

/** Heights of the header and facts rows (what their text makes them), fixed so a part can be laid out alone. */
const HEADER_HEIGHT = 52;
const FACTS_HEIGHT = 36;

/** The three parts of a card, top to bottom. */
type Part = 'header' | 'title' | 'facts';
const PARTS: readonly Part[] = ['header', 'title', 'facts'];

/**
 * The card's element tree. A part left out of `parts` is an empty box of its size, so the parts drawn land where
 * they land on the whole card: the header and facts rows have fixed heights, and the title (between them) moves
 * only with its own height.
 */
function card(input: CardInput, parts: readonly Part[] = PARTS): Node {
  const header = parts.includes('header')
    ? h(
        'div',
        { display: 'flex', alignItems: 'center', justifyContent: 'space-between', height: HEADER_HEIGHT, fontSize: 30 },
        [
          h('div', { display: 'flex', fontWeight: 700, color: '#7cb8f5' }, 'Backend Atlas'),
          h(
            'div',
            { display: 'flex', padding: '6px 18px', border: '2px solid #7cb8f5', borderRadius: 999, color: '#cfe4fb' },
            input.kind,
          ),
        ],
      )
    : h('div', { display: 'flex', height: HEADER_HEIGHT }, []);
  const title = parts.includes('title')
    ? h(
        'div',
        {
          display: 'flex',
          fontSize: titleSize(input.title),
          fontWeight: 700,
          lineHeight: 1.15,
          maxHeight: 380,
          overflow: 'hidden',
        },
        input.title,
      )
    : h('div', { display: 'flex' }, []);
  const facts = parts.includes('facts')
    ? h(
        'div',
        { display: 'flex', gap: 28, height: FACTS_HEIGHT, fontSize: 30, color: '#c5d0db' },
        input.facts.slice(0, 4).map((fact) => h('div', { display: 'flex' }, fact)),
      )
    : h('div', { display: 'flex', height: FACTS_HEIGHT }, []);
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

/** Satori's SVG of the parts of a card; a part left out is an empty box of its size (see `card`). */
const partsSvg = (input: CardInput, parts: readonly Part[], embedFont: boolean) =>
  satori(card(input, parts) as unknown as Parameters<typeof satori>[0], {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts: loadFonts(),
    embedFont,
  });

/**
 * The whole card as SVG, laid out by satori in one piece: what `cardLayout` pieces together, and the reference
 * the tests compare its pixels and layout with. embedFont false keeps text as <text> elements.
 */
export const renderCardSvg = (input: CardInput, embedFont = true): Promise<string> => partsSvg(input, PARTS, embedFont);

/** The layout of some parts of a card: its frame (without words; see readLayout) and the parts' words. */
const layoutOf = async (input: CardInput, parts: readonly Part[]) => readLayout(await partsSvg(input, parts, false));

/** Layouts made so far in this thread: the header with the frame, by kind of card; the facts, by list of facts. */
const headerLayouts = new Map<string, Promise<{ frame: string; runs: TextRun[] }>>();
const factsLayouts = new Map<string, Promise<TextRun[]>>();

/**
 * The card's frame and where each of its words goes: satori's layout of the whole card, pieced from its parts.
 * The header (with the frame) is laid out once per kind of card and the facts once per list of facts, so each
 * card costs satori only its title: a third of laying out the whole card.
 */
export async function cardLayout(input: CardInput): Promise<{ frame: string; runs: TextRun[] }> {
  let header = headerLayouts.get(input.kind);
  if (!header) headerLayouts.set(input.kind, (header = layoutOf(input, ['header'])));
  const factsKey = JSON.stringify(input.facts);
  let facts = factsLayouts.get(factsKey);
  if (!facts) factsLayouts.set(factsKey, (facts = layoutOf(input, ['facts']).then(({ runs }) => runs)));
  const [{ frame, runs: headerRuns }, { runs: titleRuns }, factRuns] = await Promise.all([
    header,
    layoutOf(input, ['title']),
    facts,
  ]);
  return { frame, runs: [...headerRuns, ...titleRuns, ...factRuns] };
}

/** Frames (a card without its words: one per kind of card) and word masks drawn so far in this thread. */
const frames = new Map<string, Uint8Array>();
const masks = new Map<string, WordMask>();

/** A word's mask: satori lays the word out alone, once with its glyphs as paths and once as text to say where. */
async function maskOf(run: TextRun): Promise<WordMask> {
  const key = `${run.weight} ${run.size} ${run.text}`;
  let mask = masks.get(key);
  if (!mask) {
    const word = h(
      'div',
      { display: 'flex', fontFamily: 'Inter', fontSize: run.size, fontWeight: run.weight, whiteSpace: 'pre' },
      run.text,
    );
    const box = {
      width: Math.ceil(run.size * (run.text.length + 2)),
      height: Math.ceil(run.size * 2),
      fonts: loadFonts(),
    };
    const [glyphs, text] = await Promise.all(
      [true, false].map((embedFont) => satori(word as unknown as Parameters<typeof satori>[0], { ...box, embedFont })),
    );
    const [placed] = readLayout(text!).runs;
    if (!placed) throw new Error(`share card: satori laid out no text for the word "${run.text}"`);
    const width = Number(/\swidth="([^"]*)"/.exec(/<text [^>]*>/.exec(text!)![0])?.[1]);
    masks.set(key, (mask = wordMask(glyphs!, { x: placed.x, y: placed.y, width, size: run.size })));
  }
  return mask;
}

/** The card's RGBA pixels: its frame with each word stamped where satori put it. */
export async function renderCardPixels(input: CardInput): Promise<Uint8Array> {
  const { frame, runs } = await cardLayout(input);
  let background = frames.get(frame);
  if (!background) frames.set(frame, (background = framePixels(frame, CARD_WIDTH)));
  const pixels = background.slice();
  for (const run of runs) if (runShows(run)) stamp(pixels, CARD_WIDTH, CARD_HEIGHT, run, await maskOf(run));
  return pixels;
}

/** Frames as palette images (undefined: more than 256 colours), drawn so far in this thread. */
const paletteFrames = new Map<string, PaletteImage | undefined>();

/**
 * The card as a PNG. Words are stamped straight into a palette image of the frame (a byte a pixel, no RGBA copy
 * to blend and map back to a palette); the pixels are those of renderCardPixels. A card whose colours pass 256
 * is drawn in RGBA instead.
 */
export async function renderCardPng(input: CardInput): Promise<Buffer> {
  const { frame, runs } = await cardLayout(input);
  if (!paletteFrames.has(frame)) paletteFrames.set(frame, toPaletteImage(framePixels(frame, CARD_WIDTH)));
  const base = paletteFrames.get(frame);
  if (base) {
    const image: PaletteImage = {
      indices: base.indices.slice(),
      colours: [...base.colours],
      lookup: new Map(base.lookup),
    };
    let fits = true;
    for (const run of runs)
      if (fits && runShows(run)) fits = stampPalette(image, CARD_WIDTH, CARD_HEIGHT, run, await maskOf(run));
    if (fits) return encodePalettePng(image.indices, image.colours, CARD_WIDTH, CARD_HEIGHT);
  }
  return encodePng(await renderCardPixels(input), CARD_WIDTH, CARD_HEIGHT);
}

const pngChunk = (type: string, data: Buffer) => {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const frame = Buffer.alloc(8);
  frame.writeUInt32BE(data.length, 0);
  frame.writeUInt32BE(crc32(body), 4);
  return Buffer.concat([frame.subarray(0, 4), body, frame.subarray(4)]);
};

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngFile(width: number, height: number, colourType: 3 | 6, chunks: Buffer[], rows: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, colourType, 0, 0, 0], 8); // 8 bits a sample, the colour type, deflate, no filter method, no interlace
  // Rows deflated as runs (zlib's Z_RLE): a card is long runs of one colour; 3.7 times faster than level 4 for
  // 10 % more bytes, about 23 KB a card.
  return Buffer.concat([
    PNG_SIGNATURE,
    pngChunk('IHDR', header),
    ...chunks,
    pngChunk('IDAT', deflateSync(rows, { strategy: constants.Z_RLE })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * A palette image (one byte a pixel indexing `colours`, each RGBA as a little-endian uint32) as a PNG, with tRNS
 * for any transparency. A row the same as the one above (most of a card is empty background) is written as
 * filter 2 ("up") and zeros, found by one native comparison; every other row is filter 0 ("none").
 */
export function encodePalettePng(
  indices: Uint8Array,
  colours: readonly number[],
  width: number,
  height: number,
): Buffer {
  const source = Buffer.from(indices.buffer, indices.byteOffset, width * height);
  const rows = new Uint8Array((width + 1) * height);
  for (let y = 0; y < height; y++) {
    if (y > 0 && source.compare(source, y * width, (y + 1) * width, (y - 1) * width, y * width) === 0)
      rows[y * (width + 1)] = 2;
    else rows.set(source.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  }
  const bytes = new Uint8Array(new Uint32Array(colours).buffer); // each colour's R, G, B, A in memory order
  const plte = Buffer.alloc(colours.length * 3);
  const alpha = Buffer.alloc(colours.length);
  colours.forEach((_, k) => {
    plte.set(bytes.subarray(k * 4, k * 4 + 3), k * 3);
    alpha[k] = bytes[k * 4 + 3]!;
  });
  const chunks = [pngChunk('PLTE', plte)];
  if (alpha.some((a) => a !== 255)) chunks.push(pngChunk('tRNS', alpha));
  return pngFile(width, height, 3, chunks, rows);
}

/**
 * RGBA pixels as a PNG: a palette image when they have at most 256 colours, as cards do, else RGBA with every row
 * unfiltered. Pixel for pixel the image given.
 */
export function encodePng(rgba: Uint8Array, width: number, height: number): Buffer {
  if (rgba.byteOffset % 4 !== 0) rgba = rgba.slice(); // a Uint32Array view needs 4-byte alignment
  const palette = toPaletteImage(rgba.subarray(0, width * height * 4));
  if (palette) return encodePalettePng(palette.indices, palette.colours, width, height);
  const stride = width * 4;
  const rows = new Uint8Array((stride + 1) * height); // each row: filter type 0 ("none"), then its pixels
  for (let y = 0; y < height; y++) rows.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  return pngFile(width, height, 6, [], rows);
}

/** Versions of the renderers: a new satori or resvg may draw the same card differently. */
const rendererVersions = () =>
  ['satori', '@resvg/resvg-js'].map(
    (name) =>
      `${name}@${JSON.parse(readFileSync(join(process.cwd(), 'node_modules', name, 'package.json'), 'utf8')).version}`,
  );

let drawing: string | undefined;
/** Everything a card's pixels depend on besides its content: design version, font files, renderer versions. */
export const drawingFingerprint = () =>
  (drawing ??= createHash('sha256')
    .update(
      JSON.stringify({
        CARD_DESIGN,
        fonts: loadFonts().map((f) => createHash('sha256').update(f.data).digest('hex')),
        renderers: rendererVersions(),
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
  const partial = `${file}.${process.pid}.${threadId}.tmp`;
  writeFileSync(partial, png);
  renameSync(partial, file);
  return png;
}
