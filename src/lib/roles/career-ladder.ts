/**
 * The career ladder diagram, laid out at build time: the individual-contributor steps (junior → mid → senior →
 * staff/principal) run left to right as columns, and each specialisation hangs below the role it branches off,
 * indented one level per branch. The page places its HTML boxes at these coordinates over an SVG of the edges
 * (as the roadmap graph does), so the diagram is complete without JavaScript.
 * Pure; unit-tested in tests/unit/roles/career-ladder.test.ts.
 */
import type { Role } from '../content/content.ts';

export const LADDER_SIZE = {
  stepWidth: 232,
  stepHeight: 104,
  branchHeight: 52,
  /** Horizontal offset of a branch from the role it branches off. */
  indent: 28,
  columnGap: 40,
  rowGap: 10,
  /** Space between a column's steps and its first branch. */
  branchTop: 24,
  padding: 8,
};

export interface LadderInput {
  /** Roles on the ladder with their step (1 junior … 4 staff/principal), in listing order. */
  steps: { id: string; step: number }[];
  /** Specialisations and the role each branches off, in listing order. */
  branches: { id: string; from: string }[];
}

interface LadderBox {
  id: string;
  kind: 'step' | 'branch';
  /** Column, counted from 0 (the lowest step). */
  column: number;
  /** 0 for a step, 1 for a branch off a step, 2 for a branch off a branch… */
  depth: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LadderLayout {
  width: number;
  height: number;
  /** Steps by column, then branches under their role depth-first: the reading order of the diagram. */
  boxes: LadderBox[];
  /** Edges as SVG path data: `step` from one step to the next, `branch` from a role to a specialisation. */
  edges: { from: string; to: string; kind: 'step' | 'branch'; path: string }[];
  /** The specialisations of each role, in listing order (for rendering nested lists). */
  children: Record<string, string[]>;
}

/** What the layout has placed so far, and the specialisations of each role. */
interface Placing {
  boxes: LadderBox[];
  edges: LadderLayout['edges'];
  placed: Map<string, LadderBox>;
  children: Record<string, string[]>;
}

/**
 * Places one column: its steps top to bottom, then below them each step's specialisations, depth-first, each
 * indented under the role it branches off. Returns the bottom of the column.
 */
function placeColumn(ids: string[], column: number, p: Placing): number {
  const S = LADDER_SIZE;
  const place = (box: LadderBox) => {
    p.boxes.push(box);
    p.placed.set(box.id, box);
    return box;
  };
  const x = S.padding + column * (S.stepWidth + S.columnGap);
  let y = S.padding;
  const stepBoxes = ids.map((id) => {
    const box = place({ id, kind: 'step', column, depth: 0, x, y, width: S.stepWidth, height: S.stepHeight });
    y += S.stepHeight + S.rowGap;
    return box;
  });
  y += S.branchTop - S.rowGap;
  const hang = (parent: LadderBox) => {
    for (const id of p.children[parent.id] ?? []) {
      if (p.placed.has(id))
        throw new Error(`Role "${id}" is reached twice on the career ladder: its branchesFrom chain has a cycle`);
      const bx = parent.x + S.indent;
      const box = place({
        id,
        kind: 'branch',
        column,
        depth: parent.depth + 1,
        x: bx,
        y,
        width: x + S.stepWidth - bx,
        height: S.branchHeight,
      });
      const trunk = parent.x + S.indent / 2;
      const mid = box.y + box.height / 2;
      p.edges.push({
        from: parent.id,
        to: id,
        kind: 'branch',
        path: `M${trunk} ${parent.y + parent.height} L${trunk} ${mid} L${box.x} ${mid}`,
      });
      y += S.branchHeight + S.rowGap;
      hang(box);
    }
  };
  for (const box of stepBoxes) hang(box);
  return y - S.rowGap;
}

/** Each step leads to every role on the next step; with one role per step that is a straight arrow. */
function stepEdges(columns: string[][], placed: Map<string, LadderBox>): LadderLayout['edges'] {
  const edges: LadderLayout['edges'] = [];
  for (let c = 0; c + 1 < columns.length; c++) {
    for (const a of columns[c]!) {
      for (const b of columns[c + 1]!) {
        const from = placed.get(a)!;
        const to = placed.get(b)!;
        const [x1, y1, x2, y2] = [from.x + from.width, from.y + from.height / 2, to.x, to.y + to.height / 2];
        const midX = (x1 + x2) / 2;
        const path =
          y1 === y2 ? `M${x1} ${y1} L${x2} ${y2}` : `M${x1} ${y1} L${midX} ${y1} L${midX} ${y2} L${x2} ${y2}`;
        edges.push({ from: a, to: b, kind: 'step', path });
      }
    }
  }
  return edges;
}

/** Lays out the ladder. Throws, naming the role, when a specialisation cannot be traced back to a ladder step. */
export function layoutCareerLadder(input: LadderInput): LadderLayout {
  const S = LADDER_SIZE;
  const stepValues = [...new Set(input.steps.map((s) => s.step))].sort((a, b) => a - b);
  const columns = stepValues.map((value) => input.steps.filter((s) => s.step === value).map((s) => s.id));
  const children: Record<string, string[]> = {};
  for (const b of input.branches) (children[b.from] ??= []).push(b.id);
  const placing: Placing = { boxes: [], edges: [], placed: new Map(), children };
  let height = 0;
  columns.forEach((ids, column) => {
    height = Math.max(height, placeColumn(ids, column, placing));
  });
  for (const b of input.branches) {
    if (!placing.placed.has(b.id))
      throw new Error(`Role "${b.id}" branches off "${b.from}", which is not on the career ladder`);
  }
  return {
    width: columns.length === 0 ? 0 : 2 * S.padding + columns.length * S.stepWidth + (columns.length - 1) * S.columnGap,
    height: columns.length === 0 ? 0 : height + S.padding,
    boxes: placing.boxes,
    edges: [...placing.edges, ...stepEdges(columns, placing.placed)],
    children,
  };
}

/** The roles a ladder shows, as the page lists them: steps in step order, then the specialisations. */
export function ladderOfRoles(roles: readonly Role[]) {
  const steps = roles
    .filter((r) => r.data.ladder?.step !== undefined)
    .sort((a, b) => a.data.ladder!.step! - b.data.ladder!.step!);
  const branches = roles.filter((r) => r.data.ladder?.step === undefined && r.data.ladder?.branchesFrom);
  const layout = layoutCareerLadder({
    steps: steps.map((r) => ({ id: r.id, step: r.data.ladder!.step! })),
    branches: branches.map((r) => ({ id: r.id, from: r.data.ladder!.branchesFrom!.id })),
  });
  return { steps, branches, layout };
}

/**
 * The per-page stylesheet that places the boxes (style attributes are forbidden by the CSP), applied only on
 * screens wide enough for the diagram; narrower screens and print keep the stacked lists.
 */
export function ladderPositionsCss(layout: LadderLayout): string {
  const at = (b: LadderBox) => `.cl [id="${b.id}"]{left:${b.x}px;top:${b.y}px;width:${b.width}px;height:${b.height}px}`;
  return [
    `@media screen and (min-width:${layout.width + 32}px){`,
    `.cl{position:relative;margin-inline:auto;height:${layout.height}px;width:${layout.width}px}`,
    '.cl .cl-edges{display:block;position:absolute;inset:0 auto auto 0}',
    '.cl .cl-box{position:absolute;margin:0;overflow:hidden}',
    '.cl .cl-branches{margin:0;padding:0;border:0}',
    '.cl .cl-step-item+.cl-step-item{margin-top:0}',
    ...layout.boxes.map(at),
    '}',
  ].join('');
}
