/**
 * Share cards drawn by stamping words (src/lib/cards/link-preview-card.ts draws with it). Satori lays a card out; resvg draws
 * the card without its words (its frame: background, badge border) once per distinct frame, and each distinct word
 * once per size and weight, as a coverage mask; a card's pixels are its frame with each word's mask blended in the
 * word's colour where satori put the word. Drawing every glyph of every card again was most of a card's cost, and
 * cards repeat their words: 10,000 cards share a few thousand words.
 *
 * Words land on whole pixels (satori places them on fractions): a word's glyphs keep their exact spacing inside
 * it, and a gap between words moves by under half a pixel. tests/unit/link-preview-card.test.ts compares stamped cards
 * with the same cards drawn whole by resvg.
 */
import { Resvg } from '@resvg/resvg-js';

/** One word (or other run of text without spaces) where satori laid it out. */
export interface TextRun {
  text: string;
  /** Left end of the run and its baseline, in card pixels. */
  x: number;
  y: number;
  size: number;
  weight: 400 | 700;
  /** "#rrggbb" */
  fill: string;
  /** The box the run is clipped to (`overflow: hidden`), if any: x, y, width, height. */
  clip?: readonly [number, number, number, number] | undefined;
}

/** A word's coverage: `alpha` is width × height, and the run's origin (left end, baseline) is at `left`, `top`. */
export interface WordMask {
  width: number;
  height: number;
  left: number;
  top: number;
  alpha: Uint8Array;
  /**
   * Where the coverage is, row by row: row y's runs of covered pixels are `spans[2k]` (first column) to
   * `spans[2k + 1]` (past the last) for k from `rows[y]` to `rows[y + 1]`. Most of a word's box is empty, and
   * stamping visits only these.
   */
  spans: Uint16Array;
  rows: Uint32Array;
}

/** The runs of covered pixels of a width × height coverage mask, row by row (see WordMask). */
export function coveredSpans(alpha: Uint8Array, width: number, height: number): Pick<WordMask, 'spans' | 'rows'> {
  const spans: number[] = [];
  const rows = new Uint32Array(height + 1);
  for (let y = 0; y < height; y++) {
    rows[y] = spans.length / 2;
    let x = 0;
    while (x < width) {
      while (x < width && alpha[y * width + x] === 0) x++;
      if (x === width) break;
      const start = x;
      while (x < width && alpha[y * width + x] !== 0) x++;
      spans.push(start, x);
    }
  }
  rows[height] = spans.length / 2;
  return { spans: Uint16Array.from(spans), rows };
}

const attribute = (attributes: string, name: string) => new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attributes)?.[1];
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (entity, name: string) =>
    name[0] === '#'
      ? String.fromCodePoint(Number(name[1] === 'x' || name[1] === 'X' ? `0${name.slice(1)}` : name.slice(1)))
      : (ENTITIES[name] ?? entity),
  );

/**
 * Splits satori's SVG of a card drawn without embedded fonts (each run of text a `<text>` element) into the
 * frame (the SVG without its text, and without the definitions only the text used) and the runs of text. Spaces
 * are left out: they draw nothing.
 */
export function readLayout(svg: string): { frame: string; runs: TextRun[] } {
  const clips = new Map<string, [number, number, number, number]>();
  for (const [, id, rect] of svg.matchAll(/<clipPath id="([^"]+)"><rect ([^>]*?)\/?>(?:<\/rect>)?<\/clipPath>/g)) {
    clips.set(id!, [
      Number(attribute(rect!, 'x') ?? 0),
      Number(attribute(rect!, 'y') ?? 0),
      Number(attribute(rect!, 'width')),
      Number(attribute(rect!, 'height')),
    ]);
  }
  const runs: TextRun[] = [];
  const frame = svg.replace(/<text ([^>]*)>([^<]*)<\/text>/g, (_, attributes: string, content: string) => {
    const text = unescapeXml(content);
    if (text.trim()) {
      const clip = /clip-path="url\(#([^)]+)\)"/.exec(attributes)?.[1];
      runs.push({
        text,
        x: Number(attribute(attributes, 'x')),
        y: Number(attribute(attributes, 'y')),
        size: Number(attribute(attributes, 'font-size')),
        weight: attribute(attributes, 'font-weight') === '700' ? 700 : 400,
        fill: attribute(attributes, 'fill') ?? '#000000',
        clip: clip === undefined ? undefined : clips.get(clip),
      });
    }
    return '';
  });
  return { frame: withoutUnusedDefinitions(frame), runs };
}

/**
 * The SVG without the masks and clip paths nothing in it uses any more. Satori gives every box a mask and a
 * clipped box a clip path, sized to the box; once the words are taken out, those of the title and the facts
 * clip nothing, but they would make each card's frame a different string (and a frame is drawn once per string).
 */
function withoutUnusedDefinitions(svg: string): string {
  for (;;) {
    const used = new Set([...svg.matchAll(/url\(#([^)]+)\)/g)].map((m) => m[1]));
    const next = svg
      .replace(/<(mask|clipPath) id="([^"]+)">[\s\S]*?<\/\1>/g, (element, _tag: string, id: string) =>
        used.has(id) ? element : '',
      )
      .replace(/<defs><\/defs>/g, '');
    if (next === svg) return svg;
    svg = next;
  }
}

/** Room around a word's advance box for glyphs that reach past it, as fractions of the font size. */
const SIDE = 0.2;
const ABOVE = 1.05;
const BELOW = 0.35;

/**
 * A word's mask from satori's SVG of the word alone with embedded glyphs (`paths`) and where satori put the run
 * in that SVG (`x`, `y`: left end and baseline; `width`: its advance).
 */
export function wordMask(paths: string, run: { x: number; y: number; width: number; size: number }): WordMask {
  const left = Math.ceil(run.size * SIDE);
  const top = Math.ceil(run.size * ABOVE);
  const width = Math.ceil(run.width) + 2 * left;
  const height = top + Math.ceil(run.size * BELOW);
  const glyphs = [...paths.matchAll(/<path ([^>]*?)\/?>/g)]
    .map(([, a]) => `<path d="${attribute(a!, 'd') ?? ''}"/>`)
    .join('');
  const svg = `<svg width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg"><g fill="#fff" transform="translate(${left - run.x} ${top - run.y})">${glyphs}</g></svg>`;
  const rgba = new Resvg(svg, { font: { loadSystemFonts: false } }).render().pixels;
  const alpha = new Uint8Array(width * height);
  for (let i = 0; i < alpha.length; i++) alpha[i] = rgba[i * 4 + 3]!;
  return { width, height, left, top, alpha, ...coveredSpans(alpha, width, height) };
}

/** The frame's RGBA pixels, drawn by resvg (the frame has no text, so it needs no fonts). */
export function framePixels(frame: string, width: number): Uint8Array {
  return new Uint8Array(
    new Resvg(frame, { fitTo: { mode: 'width', value: width }, font: { loadSystemFonts: false } }).render().pixels,
  );
}

/** "#rrggbb" as [r, g, b]. */
const rgb = (fill: string) => [1, 3, 5].map((at) => parseInt(fill.slice(at, at + 2), 16)) as [number, number, number];

/**
 * Where `mask` lands for `run`: the mask's top-left corner in the image (the run's origin on whole pixels) and the
 * rows and columns it covers within the image and the run's clip; undefined when it covers none.
 */
function stampBox(run: TextRun, mask: WordMask, width: number, height: number) {
  const originX = Math.round(run.x) - mask.left;
  const originY = Math.round(run.y) - mask.top;
  const [clipX, clipY, clipWidth, clipHeight] = run.clip ?? [0, 0, width, height];
  const x0 = Math.max(originX, Math.ceil(clipX), 0);
  const x1 = Math.min(originX + mask.width, Math.floor(clipX + clipWidth), width);
  const y0 = Math.max(originY, Math.ceil(clipY), 0);
  const y1 = Math.min(originY + mask.height, Math.floor(clipY + clipHeight), height);
  return x0 < x1 && y0 < y1 ? { originX, originY, x0, x1, y0, y1 } : undefined;
}

type StampBox = NonNullable<ReturnType<typeof stampBox>>;

/**
 * Calls `visit` with each pixel (its index in the image) that the mask covers within `box`, and the coverage;
 * stops, answering false, when `visit` answers false.
 */
function eachCovered(
  box: StampBox,
  mask: WordMask,
  width: number,
  visit: (pixel: number, alpha: number) => boolean,
): boolean {
  const { originX, originY, x0, x1, y0, y1 } = box;
  const { alpha, spans, rows } = mask;
  for (let y = y0; y < y1; y++) {
    const row = y - originY;
    for (let k = rows[row]!; k < rows[row + 1]!; k++) {
      const start = Math.max(originX + spans[2 * k]!, x0);
      const end = Math.min(originX + spans[2 * k + 1]!, x1);
      for (let x = start, m = row * mask.width + (x - originX), p = y * width + x; x < end; x++, m++, p++) {
        if (!visit(p, alpha[m]!)) return false;
      }
    }
  }
  return true;
}

/** `channel` blended towards `target` by `alpha` of 255, rounded: source-over in 8-bit sRGB, as resvg composites. */
const blend = (channel: number, target: number, alpha: number) =>
  channel + Math.round(((target - channel) * alpha) / 255);

/**
 * Blends `mask` in `run`'s colour into `pixels` (opaque RGBA, `width` × `height`), within the run's clip. Most
 * of a word lies on one colour (the card's background): a pixel of that colour takes its blend from a table.
 */
export function stamp(pixels: Uint8Array, width: number, height: number, run: TextRun, mask: WordMask): void {
  const box = stampBox(run, mask, width, height);
  if (!box) return;
  const colour = rgb(run.fill);
  const words = new Uint32Array(pixels.buffer, pixels.byteOffset, width * height);
  // The table for the colour under the word's first pixel (the background, for every word of a card).
  const under = words[box.y0 * width + box.x0]!;
  const underBytes = new Uint8Array(new Uint32Array([under]).buffer);
  const table = new Uint32Array(256);
  const entry = new Uint8Array(table.buffer);
  for (let a = 0; a < 256; a++)
    for (let c = 0; c < 4; c++) entry[a * 4 + c] = c === 3 ? underBytes[3]! : blend(underBytes[c]!, colour[c]!, a);
  eachCovered(box, mask, width, (p, a) => {
    if (words[p] === under) words[p] = table[a]!;
    else for (let c = 0; c < 3; c++) pixels[p * 4 + c] = blend(pixels[p * 4 + c]!, colour[c]!, a);
    return true;
  });
}

/** Whether any of the run can show: a line past the end of a clipped title is left out whole. */
export function runShows(run: TextRun): boolean {
  if (!run.clip) return true;
  const [, clipY, , clipHeight] = run.clip;
  return run.y - run.size * ABOVE < clipY + clipHeight && run.y + run.size * BELOW > clipY;
}

/** An image of at most 256 colours: one byte a pixel, indexing `colours` (each RGBA read as one little-endian uint32). */
export interface PaletteImage {
  indices: Uint8Array;
  colours: number[];
  /** colour → its index in `colours` */
  lookup: Map<number, number>;
}

/** RGBA pixels as a palette image, or undefined when they have more than 256 colours. */
export function toPaletteImage(rgba: Uint8Array): PaletteImage | undefined {
  const pixels = new Uint32Array(rgba.buffer, rgba.byteOffset, rgba.length / 4);
  const indices = new Uint8Array(pixels.length);
  const lookup = new Map<number, number>();
  let last = -1;
  let lastIndex = 0;
  for (let i = 0; i < pixels.length; i++) {
    const colour = pixels[i]!;
    if (colour !== last) {
      let found = lookup.get(colour);
      if (found === undefined) {
        if (lookup.size === 256) return undefined;
        lookup.set(colour, (found = lookup.size));
      }
      last = colour;
      lastIndex = found;
    }
    indices[i] = lastIndex;
  }
  return { indices, colours: [...lookup.keys()], lookup };
}

/**
 * `stamp` on a palette image: the same blend, pixel for pixel, with each blended colour added to the palette.
 * Returns false (leaving the image half stamped) when the palette would pass 256 colours.
 */
export function stampPalette(
  image: PaletteImage,
  width: number,
  height: number,
  run: TextRun,
  mask: WordMask,
): boolean {
  const box = stampBox(run, mask, width, height);
  if (!box) return true;
  const colour = rgb(run.fill);
  const { indices, colours, lookup } = image;
  /** The index of colour `under` blended towards the run's colour by `alpha`, or -1 when the palette is full. */
  const blendedIndex = (under: number, alpha: number) => {
    const c = colours[under]!;
    const blended =
      (blend(c & 255, colour[0], alpha) |
        (blend((c >>> 8) & 255, colour[1], alpha) << 8) |
        (blend((c >>> 16) & 255, colour[2], alpha) << 16) |
        (c & 0xff000000)) >>>
      0;
    let found = lookup.get(blended);
    if (found === undefined) {
      if (colours.length === 256) return -1;
      lookup.set(blended, (found = colours.length));
      colours.push(blended);
    }
    return found;
  };
  // Most of a word lies on one colour (the background): its blends by alpha are kept in a table.
  const common = indices[box.y0 * width + box.x0]!;
  const table = new Int16Array(256).fill(-1);
  return eachCovered(box, mask, width, (p, a) => {
    const under = indices[p]!;
    let next: number;
    if (under === common) {
      next = table[a]!;
      if (next < 0) next = table[a] = blendedIndex(under, a);
    } else next = blendedIndex(under, a);
    if (next < 0) return false;
    indices[p] = next;
    return true;
  });
}
