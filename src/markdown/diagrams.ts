/**
 * Diagrams from text: a ```mermaid block in a topic or question body becomes, at build time, a figure with an
 * inline SVG (drawn by beautiful-mermaid, which needs no DOM; classes instead of colours, see diagram-svg.ts),
 * its caption, and the diagram as text for screen readers and for anyone who prefers reading it (diagram-text.ts
 * reads the same Mermaid the renderer draws). No JavaScript reaches the page. A diagram that does not read fails
 * the build with the file and line; drawings are cached on disk by their text and the renderer's versions.
 */
import { en } from '../i18n/dictionary/en.ts';
import { DEFAULT_LOCALE, isLocale, messages } from '../i18n/index.ts';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Element, ElementContent, Properties } from 'hast';
import type { Drawn } from './diagram-svg.ts';
import { DiagramSyntaxError, type DiagramWords, type Link, plain } from './diagram-model.ts';
import { type Diagram, readDiagram } from './diagram-text.ts';
import { packageVersion } from './package-version.ts';

/** Bump when this module or diagram-svg.ts changes what it makes of an SVG: cached drawings are then redrawn. */
const RENDERER_VERSION = 1;
/** Where drawings are kept between builds (node_modules/.cache is where tools keep build caches). */
const DEFAULT_CACHE_DIR = 'node_modules/.cache/atlas-diagrams';
/**
 * Layout: tighter than the renderer's defaults (40 px of padding, 24 between boxes), since the figure frames the
 * drawing and a phone's column is about 356 px wide; no background (the figure's shows). Part of the cache key.
 */
const LAYOUT = { padding: 12, nodeSpacing: 16, transparent: true } as const;

const h = (tagName: string, properties: Properties, children: ElementContent[] = []): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});
const text = (value: string): ElementContent => ({ type: 'text', value });

/**
 * The renderer (with its layout engine, ELK) and the SVG rewriter (with SVGO), loaded for the first drawing: a build
 * whose diagrams all come from the cache never loads them, which saves about a second.
 */
async function drawingTools() {
  const [{ renderMermaidSVG }, { classedSvg }] = await Promise.all([
    import('beautiful-mermaid'),
    import('./diagram-svg.ts'),
  ]);
  return { renderMermaidSVG, classedSvg };
}

/** Width of a phone's text column (390 px screen), and of a wide screen's, in CSS pixels at the drawing's own scale. */
const PHONE_COLUMN = 340;
const WIDE_COLUMN = 560;

/**
 * The figure: the drawing, scaled down to the column when it is wider, in a focusable box; its caption; for a
 * drawing that had to shrink, "Open full size" (a link to the figure itself: at :target the drawing takes its own
 * size and the box scrolls sideways, saying so — no script needed); and the text.
 */
function figure(diagram: Diagram, svg: Element, id: string, words: DiagramWords): Element {
  const captionId = `${id}-caption`;
  const drawing: Element = {
    ...svg,
    properties: { ...svg.properties, className: ['diagram-svg'], role: 'img', ariaLabelledBy: [captionId] },
  };
  const width = Number.parseFloat(String(svg.properties['width'] ?? '0'));
  const size =
    width > PHONE_COLUMN
      ? [
          h('p', { className: ['diagram-size'] }, [
            h('a', { href: `#${id}`, className: ['diagram-open'] }, [text(words.openFull)]),
            h('span', { className: ['diagram-full-note'] }, [
              text(`${words.fullNote} `),
              h('a', { href: `#${captionId}` }, [text(words.fit)]),
            ]),
          ]),
        ]
      : [];
  const wide = width > PHONE_COLUMN ? { dataWide: width > WIDE_COLUMN ? 'desktop' : 'phone' } : {};
  return h('figure', { id, className: ['diagram', `diagram-${diagram.kind}`], ...wide }, [
    h('div', { className: ['diagram-scroll'], tabIndex: 0 }, [drawing]),
    h('figcaption', {}, [
      h('span', { id: captionId, className: ['diagram-caption'] }, [text(diagram.caption)]),
      ...size,
      h('details', { className: ['diagram-text'] }, [
        h('summary', {}, [text(words.asText)]),
        ...diagram.lead.map((sentence) => h('p', {}, [text(sentence)])),
        h(
          diagram.kind === 'sequence' ? 'ol' : 'ul',
          {},
          diagram.steps.map((step) => h('li', {}, [text(step)])),
        ),
      ]),
    ]),
  ]);
}

/** Fails when the renderer drew other links or box labels than the reader read: the text alternative would lie. */
function checkDrawn(diagram: Diagram, drawn: Drawn): void {
  const key = (l: Link) => `${l.from} → ${l.to}: ${plain(l.label)}`;
  const read = diagram.links.map(key).sort();
  const drew = drawn.links.map(key).sort();
  if (read.join('\n') !== drew.join('\n')) {
    const missing = read.filter((k) => !drew.includes(k));
    const extra = drew.filter((k) => !read.includes(k));
    throw new Error(
      `the renderer drew other links than the text says (not drawn: ${missing.join('; ') || 'none'}; drawn but not read: ${extra.join('; ') || 'none'})`,
    );
  }
  for (const [id, label] of drawn.boxes) {
    if (id.startsWith('_')) continue; // start and end points of a state diagram
    const expected = plain(diagram.boxes.get(id) ?? id);
    if (plain(label) !== expected)
      throw new Error(`the renderer labelled ${id} “${label}” where the text says “${expected}”`);
  }
}

export interface DiagramRendererOptions {
  /** Folder for drawings kept between builds; false keeps none. */
  cacheDir?: string | false;
}

export type DiagramRenderer = ReturnType<typeof createDiagramRenderer>;

/** Draws diagrams, from the disk cache when the same text was drawn by the same versions before. */
export function createDiagramRenderer({ cacheDir = DEFAULT_CACHE_DIR }: DiagramRendererOptions = {}) {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const versions = `renderer ${RENDERER_VERSION}, beautiful-mermaid ${packageVersion('beautiful-mermaid', here)}, svgo ${packageVersion('svgo', here)}, ${JSON.stringify(LAYOUT)}`;
  /** How many drawings were made and how many came from the cache (memory or disk). */
  const stats = { drawn: 0, cached: 0 };
  const memory = new Map<string, Element>();

  function load(key: string): Element | undefined {
    if (memory.has(key)) return memory.get(key);
    if (!cacheDir) return undefined;
    try {
      const svg = JSON.parse(readFileSync(join(cacheDir, `${key}.json`), 'utf8')) as Element;
      memory.set(key, svg);
      return svg;
    } catch {
      return undefined; // not drawn yet, or an unreadable entry: draw it again
    }
  }

  function save(key: string, svg: Element): void {
    memory.set(key, svg);
    if (!cacheDir) return;
    mkdirSync(cacheDir, { recursive: true });
    // Written whole, then renamed: a build running beside this one never reads half an entry.
    const file = join(cacheDir, `${key}.json`);
    writeFileSync(`${file}.${process.pid}.tmp`, JSON.stringify(svg));
    renameSync(`${file}.${process.pid}.tmp`, file);
  }

  return {
    stats,
    /**
     * The figure for the text of a ```mermaid block, and its id (`dg-…`, from the text, so the same on every
     * build). Throws a DiagramSyntaxError, with the line in the block, when the text does not read.
     */
    async render(source: string, words: DiagramWords = en.diagram): Promise<{ figure: Element; id: string }> {
      const diagram = readDiagram(source, words);
      const key = createHash('sha256').update(`${versions}\n${diagram.source}`).digest('hex');
      const id = `dg-${key.slice(0, 10)}`;
      let svg = load(key);
      if (svg) stats.cached++;
      else {
        const { renderMermaidSVG, classedSvg } = await drawingTools();
        const drawing = classedSvg(renderMermaidSVG(diagram.source, LAYOUT), `${id}-`);
        checkDrawn(diagram, drawing.drawn);
        svg = drawing.svg;
        save(key, svg);
        stats.drawn++;
      }
      return { figure: figure(diagram, structuredClone(svg), id, words), id };
    },
  };
}

interface VisitorContext {
  readonly source: string;
  readonly fileURL: URL | undefined;
  readonly data: object;
  textContent(node: unknown): string;
}

/** The line of the file at which a line of the compiled source stands (the source is the body after the frontmatter). */
function fileLine(ctx: VisitorContext, sourceLine: number): { file: string; line: number } {
  if (!ctx.fileURL) return { file: '(no file)', line: sourceLine };
  const path = fileURLToPath(ctx.fileURL);
  let offset = 0;
  try {
    const whole = readFileSync(path, 'utf8');
    if (whole !== ctx.source && whole.endsWith(ctx.source))
      offset = whole.slice(0, whole.length - ctx.source.length).split('\n').length - 1;
  } catch {
    // the file is not on disk (a test's made-up URL): lines count from the source
  }
  return { file: relative(process.cwd(), path), line: sourceLine + offset };
}

/** Ids already used in a document (keyed by its plugin data bag): a diagram drawn twice on one page gets a second id. */
const usedIds = new WeakMap<object, Set<string>>();

/** Another copy of a figure with every id (and reference to one) renamed from `id` to `unique`. */
const renamed = (figure: Element, id: string, unique: string): Element =>
  JSON.parse(JSON.stringify(figure).replaceAll(id, unique)) as Element;

/** The words of the language the file is in: a translation's (content/translations/<locale>/…), else English. */
function wordsOf(ctx: VisitorContext): DiagramWords {
  const locale = ctx.fileURL ? /[\\/]translations[\\/]([^\\/]+)[\\/]/.exec(fileURLToPath(ctx.fileURL))?.[1] : undefined;
  return messages(locale && isLocale(locale) ? locale : DEFAULT_LOCALE).diagram;
}

/** The satteri hast plugin: each <pre><code class="language-mermaid"> becomes its figure. Runs before the highlighter. */
export function diagramPlugin(renderer: DiagramRenderer) {
  return {
    name: 'diagrams',
    // Positions name the line of a diagram that does not read.
    options: { position: true },
    element: {
      filter: ['pre'],
      async visit(node: Readonly<Element>, ctx: VisitorContext): Promise<Element | undefined> {
        const code = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
        const classes = ((code?.properties?.['className'] ?? []) as unknown[]).map(String);
        if (!code || !classes.includes('language-mermaid')) return undefined;
        try {
          const { figure, id } = await renderer.render(ctx.textContent(code), wordsOf(ctx));
          const used = usedIds.get(ctx.data) ?? new Set<string>();
          usedIds.set(ctx.data, used);
          let unique = id;
          for (let n = 2; used.has(unique); n++) unique = `${id}-${n}`;
          used.add(unique);
          return unique === id ? figure : renamed(figure, id, unique);
        } catch (error) {
          const fence = node.position?.start.line ?? 1;
          const within = error instanceof DiagramSyntaxError ? error.line : 0;
          const { file, line } = fileLine(ctx, fence + within);
          throw new Error(`${file}:${line}: diagram: ${(error as Error).message}`, { cause: error });
        }
      },
    },
  };
}

let shared: DiagramRenderer | undefined;

/** The site's diagram plugin, for the Markdown processor's hast plugins (a factory, as satteri takes them). */
export const renderDiagrams = () => diagramPlugin((shared ??= createDiagramRenderer()));
