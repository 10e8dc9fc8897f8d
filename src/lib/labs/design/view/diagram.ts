/**
 * The diagram of a design (src/lib/labs/design/model/model.ts) as an SVG tree: parts in rows by how far they are from the
 * traffic, top to bottom, calls as arrows (dashed when asynchronous), and the same facts as sentences for the text
 * alternative. Drawn at build time for the starter and the model design, and in the page as the learner edits.
 * SHARED BY BUILD AND BROWSER CODE.
 */
import type { Call, Design, Part } from '../model/model.ts';
import { PARAMS, PART_KINDS } from '../model/parts.ts';
import { formatValue } from './line-chart.ts';
import { type SvgNode, svg } from './svg-tree.ts';

const BOX_W = 150;
const BOX_H = 46;
const GAP_X = 20;
const GAP_Y = 42;
const MARGIN = 8;

/** Each part's row: the longest chain of calls from a part nobody calls (the traffic). Cycles are cut. */
function rowsOf(design: Design): Part[][] {
  const depth = new Map<string, number>();
  const callers = (name: string) => design.calls.filter((c) => c.to === name).map((c) => c.from);
  const visit = (name: string, seen: Set<string>): number => {
    const known = depth.get(name);
    if (known !== undefined) return known;
    if (seen.has(name)) return 0;
    seen.add(name);
    const d = Math.max(-1, ...callers(name).map((c) => visit(c, seen))) + 1;
    depth.set(name, d);
    return d;
  };
  const rows: Part[][] = [];
  for (const part of design.parts) (rows[visit(part.name, new Set())] ??= []).push(part);
  const order = (p: Part) => PART_KINDS.indexOf(p.kind);
  return rows.filter(Boolean).map((row) => row.sort((a, b) => order(a) - order(b)));
}

const plural = (n: number, word: string) => `${formatValue(n)} ${word}${n === 1 ? '' : 's'}`;
const num = (part: Part, name: string) => {
  const written = part.params[name];
  const spec = PARAMS[part.kind][name];
  return typeof written === 'number' ? written : spec?.type === 'number' ? spec.default : 0;
};

/** The few numbers that say what a part is: "4 instances × 50", "2 replicas, 3 shards". */
function partFacts(part: Part): string {
  switch (part.kind) {
    case 'traffic':
      return `${formatValue(num(part, 'rate'))} req/s`;
    case 'service':
      return `${plural(num(part, 'instances'), 'instance')} × ${formatValue(num(part, 'concurrency'))}`;
    case 'cache':
      return `${plural(num(part, 'nodes'), 'node')}, ${formatValue(num(part, 'size'))} GB`;
    case 'database':
      return [
        plural(num(part, 'replicas'), 'replica'),
        num(part, 'shards') > 1 ? plural(num(part, 'shards'), 'shard') : '',
      ]
        .filter(Boolean)
        .join(', ');
    case 'queue':
      return plural(num(part, 'workers'), 'worker');
    case 'limiter':
      return `${formatValue(num(part, 'rate'))} req/s`;
    default:
      return '';
  }
}

const callWords = (call: Call) =>
  [
    call.for === 'all' ? '' : `for ${call.for}`,
    call.toRead ? 'to read from it' : '',
    call.mode === 'async' ? 'in the background' : '',
    call.share < 100 ? `${formatValue(call.share)} % of them` : '',
    call.perFollower ? 'once per follower' : '',
  ].filter(Boolean);

/** The design in sentences, one per part: what it is and what it calls. The diagram's text alternative. */
export function describeDesign(design: Design): string[] {
  return design.parts.map((part) => {
    const facts = partFacts(part);
    const calls = design.calls
      .filter((c) => c.from === part.name)
      .map((c) => [c.to, ...callWords(c)].join(' '))
      .join('; ');
    return `${part.name} (${part.kind}${facts ? `, ${facts}` : ''})${calls ? ` calls ${calls}` : ''}.`;
  });
}

/** The diagram: a box per part, an arrow per call. `id` names its arrowhead, unique on the page. */
export function designDiagram(design: Design, label: string, id: string): SvgNode {
  const rows = rowsOf(design);
  const widest = Math.max(1, ...rows.map((r) => r.length));
  const width = MARGIN * 2 + widest * BOX_W + (widest - 1) * GAP_X;
  const height = MARGIN * 2 + rows.length * BOX_H + Math.max(0, rows.length - 1) * GAP_Y;
  const at = new Map<string, { x: number; y: number }>();
  rows.forEach((row, r) => {
    const rowWidth = row.length * BOX_W + (row.length - 1) * GAP_X;
    row.forEach((part, i) =>
      at.set(part.name, {
        x: (width - rowWidth) / 2 + i * (BOX_W + GAP_X),
        y: MARGIN + r * (BOX_H + GAP_Y),
      }),
    );
  });
  const arrows = design.calls.flatMap((call) => {
    const from = at.get(call.from);
    const to = at.get(call.to);
    return from && to ? [arrow(call, from, to, id)] : [];
  });
  const boxes = design.parts.map((part) => box(part, at.get(part.name)!));
  return svg(
    'svg',
    // Its own size in pixels, shrunk to fit: a small design is not blown up to the column's width.
    { viewBox: `0 0 ${width} ${height}`, width, height, class: 'design-diagram', role: 'img', 'aria-label': label },
    svg(
      'defs',
      {},
      svg(
        'marker',
        { id: `${id}-arrow`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto' },
        svg('path', { d: 'M0 0 L10 5 L0 10 z', class: 'diagram-arrowhead' }),
      ),
    ),
    ...arrows,
    ...boxes,
  );
}

function box(part: Part, { x, y }: { x: number; y: number }): SvgNode {
  const facts = partFacts(part);
  return svg(
    'g',
    { class: `diagram-part diagram-${part.kind}` },
    svg('rect', { x, y, width: BOX_W, height: BOX_H, rx: 6 }),
    svg('text', { x: x + BOX_W / 2, y: y + 19, 'text-anchor': 'middle', class: 'diagram-name' }, part.name),
    svg(
      'text',
      { x: x + BOX_W / 2, y: y + 36, 'text-anchor': 'middle', class: 'diagram-facts' },
      facts ? `${part.kind} · ${facts}` : part.kind,
    ),
  );
}

function arrow(call: Call, from: { x: number; y: number }, to: { x: number; y: number }, id: string): SvgNode {
  const down = to.y > from.y;
  const x1 = from.x + BOX_W / 2;
  const x2 = to.x + BOX_W / 2;
  const y1 = down ? from.y + BOX_H : from.y + BOX_H / 2;
  const y2 = down ? to.y : to.y + BOX_H / 2;
  const words = callWords(call).join(', ');
  return svg(
    'g',
    { class: `diagram-call${call.mode === 'async' ? ' diagram-async' : ''}` },
    svg('line', {
      x1,
      y1,
      x2,
      y2,
      'marker-end': `url(#${id}-arrow)`,
      'stroke-dasharray': call.mode === 'async' ? '5 4' : undefined,
    }),
    words && svg('text', { x: (x1 + x2) / 2 + 4, y: (y1 + y2) / 2 + 4, class: 'diagram-call-label' }, words),
  );
}
