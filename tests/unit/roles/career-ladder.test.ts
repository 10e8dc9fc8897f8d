import { describe, expect, it } from 'vitest';
import { LADDER_SIZE, ladderPositionsCss, layoutCareerLadder } from '../../../src/lib/roles/career-ladder.ts';

const input = {
  steps: [
    { id: 'senior', step: 3 },
    { id: 'junior', step: 1 },
    { id: 'mid', step: 2 },
    { id: 'staff', step: 4 },
  ],
  branches: [
    { id: 'go', from: 'mid' },
    { id: 'sre', from: 'mid' },
    { id: 'architect', from: 'senior' },
    { id: 'platform', from: 'sre' },
  ],
};

const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('career ladder layout', () => {
  const layout = layoutCareerLadder(input);
  const box = (id: string) => layout.boxes.find((b) => b.id === id)!;

  it('puts the steps left to right in step order, on one row', () => {
    const steps = layout.boxes.filter((b) => b.kind === 'step');
    expect(steps.map((b) => b.id)).toEqual(['junior', 'mid', 'senior', 'staff']);
    steps.slice(1).forEach((b, i) => {
      expect(b.x).toBeGreaterThan(steps[i]!.x + steps[i]!.width);
      expect(b.y).toBe(steps[i]!.y);
    });
  });

  it('hangs each specialisation below the role it branches off, indented, in reading order', () => {
    expect(layout.boxes.map((b) => b.id)).toEqual([
      'junior',
      'mid',
      'go',
      'sre',
      'platform',
      'senior',
      'architect',
      'staff',
    ]);
    for (const [child, parent] of [
      ['go', 'mid'],
      ['sre', 'mid'],
      ['platform', 'sre'],
      ['architect', 'senior'],
    ] as const) {
      expect(box(child).y).toBeGreaterThanOrEqual(box(parent).y + box(parent).height);
      expect(box(child).x).toBe(box(parent).x + LADDER_SIZE.indent);
      expect(box(child).x + box(child).width).toBe(box(parent).x + box(parent).width);
    }
    expect(box('platform').depth).toBe(2);
    expect(layout.children).toEqual({ mid: ['go', 'sre'], senior: ['architect'], sre: ['platform'] });
  });

  it('has no overlapping boxes and keeps every box inside the diagram', () => {
    for (const a of layout.boxes) {
      expect(a.x).toBeGreaterThanOrEqual(0);
      expect(a.y).toBeGreaterThanOrEqual(0);
      expect(a.x + a.width).toBeLessThanOrEqual(layout.width);
      expect(a.y + a.height).toBeLessThanOrEqual(layout.height);
      for (const b of layout.boxes) if (a !== b) expect(overlaps(a, b), `${a.id} overlaps ${b.id}`).toBe(false);
    }
  });

  it('draws an edge between consecutive steps and from each role to each specialisation', () => {
    const pairs = layout.edges.map((e) => `${e.kind}:${e.from}>${e.to}`).sort();
    expect(pairs).toEqual(
      [
        'branch:mid>go',
        'branch:mid>sre',
        'branch:senior>architect',
        'branch:sre>platform',
        'step:junior>mid',
        'step:mid>senior',
        'step:senior>staff',
      ].sort(),
    );
    const sre = box('sre');
    const edge = layout.edges.find((e) => e.to === 'sre')!;
    expect(edge.path.endsWith(`L${sre.x} ${sre.y + sre.height / 2}`)).toBe(true);
  });

  it('refuses a specialisation that does not lead back to a step, naming it', () => {
    expect(() => layoutCareerLadder({ steps: input.steps, branches: [{ id: 'lost', from: 'nowhere' }] })).toThrow(
      /"lost" branches off "nowhere"/,
    );
    expect(() =>
      layoutCareerLadder({
        steps: input.steps,
        branches: [
          { id: 'a', from: 'b' },
          { id: 'b', from: 'a' },
        ],
      }),
    ).toThrow(/not on the career ladder/);
  });
});

describe('ladderPositionsCss', () => {
  it('places every box, only on screens wide enough for the whole diagram', () => {
    const layout = layoutCareerLadder({
      steps: [
        { id: 'junior', step: 1 },
        { id: 'senior', step: 3 },
      ],
      branches: [{ id: 'sre', from: 'senior' }],
    });
    const css = ladderPositionsCss(layout);
    expect(css.startsWith(`@media screen and (min-width:${layout.width + 32}px){`)).toBe(true);
    for (const box of layout.boxes)
      expect(css).toContain(
        `.cl [id="${box.id}"]{left:${box.x}px;top:${box.y}px;width:${box.width}px;height:${box.height}px}`,
      );
  });
});
