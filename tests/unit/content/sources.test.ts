/** How a source reads on a page (src/lib/content/sources.ts): the month it speaks for, its label and the links a caption lists. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { date } from '../arbitraries.ts';
import { sourceKindLabel, sourceLinks, sourceMonth } from '../../../src/lib/content/sources.ts';
import type { Source } from '../../../src/schemas/shared.ts';

const bls = {
  name: 'U.S. Bureau of Labor Statistics, OEWS May 2024',
  url: 'https://www.bls.gov/oes/2024/may/oes151252.htm',
  asOf: '2024-05',
};
const so = {
  name: 'Stack Overflow Developer Survey 2025',
  url: 'https://survey.stackoverflow.co/2025/',
  asOf: '2025-07',
};
const external = (from: typeof bls): Source => ({ kind: 'external', ...from });
const estimate = (...from: (typeof bls)[]): Source => ({
  kind: 'estimate',
  method: 'Read off the 25th and 75th percentiles of the occupation.',
  from,
});
const assessment = (reviewed: string, evidence: { name: string; url: string }[] = []): Source => ({
  kind: 'assessment',
  reviewed,
  evidence,
});

/** A month as sources write it, YYYY-MM. */
const month = date.map((d) => d.slice(0, 7));
/** A publication from a small pool of addresses, so that two sources often cite the same one. */
const publication = fc.record({
  name: fc.string({ minLength: 3, maxLength: 20 }),
  url: fc.constantFrom('https://a.test/1', 'https://a.test/2', 'https://b.test/', 'https://c.test/x'),
  asOf: month,
});
const source: fc.Arbitrary<Source> = fc.oneof(
  publication.map((p) => ({ kind: 'external' as const, ...p })),
  fc
    .array(publication, { minLength: 1, maxLength: 5 })
    .map((from) => ({ kind: 'estimate' as const, method: 'Derived from the published percentiles.', from })),
  fc
    .tuple(
      month,
      fc.array(
        publication.map(({ name, url }) => ({ name, url })),
        { maxLength: 3 },
      ),
    )
    .map(([reviewed, evidence]) => ({ kind: 'assessment' as const, reviewed, evidence })),
);

describe('source month', () => {
  it('is the data month of a publication and the review month of our own assessment', () => {
    expect(sourceMonth(external(bls))).toBe('2024-05');
    expect(
      sourceMonth(
        assessment('2026-03', [{ name: 'TechEmpower benchmarks', url: 'https://www.techempower.com/benchmarks/' }]),
      ),
    ).toBe('2026-03');
  });

  it('is the newest month an estimate rests on, whatever order its data is listed in', () => {
    expect(sourceMonth(estimate(bls))).toBe('2024-05');
    expect(sourceMonth(estimate(so, bls))).toBe('2025-07');
    // Months compare as months across a year boundary, not by their number of the month alone.
    expect(sourceMonth(estimate({ ...bls, asOf: '2025-01' }, { ...so, asOf: '2024-12' }))).toBe('2025-01');
    fc.assert(
      fc.property(fc.array(publication, { minLength: 1, maxLength: 8 }), (from) => {
        const newest = from.map((f) => f.asOf).reduce((a, b) => (a > b ? a : b));
        expect(sourceMonth(estimate(...from))).toBe(newest);
        expect(sourceMonth(estimate(...[...from].reverse()))).toBe(newest);
      }),
    );
  });

  it("leaves the order of an estimate's data alone (content entries are shared by every page)", () => {
    const source = estimate(so, bls);
    sourceMonth(source);
    expect(source.kind === 'estimate' && source.from.map((f) => f.asOf)).toEqual(['2025-07', '2024-05']);
  });
});

describe('source kind label', () => {
  it('names a publication "published", a derived figure "estimate" and our judgement "our assessment"', () => {
    expect(sourceKindLabel(external(bls))).toBe('published');
    expect(sourceKindLabel(estimate(bls))).toBe('estimate');
    expect(sourceKindLabel(assessment('2026-03'))).toBe('our assessment');
  });
});

describe('source links', () => {
  it('lists nothing for no sources, and nothing for an assessment (its evidence is not a dated publication)', () => {
    expect(sourceLinks([])).toEqual([]);
    expect(
      sourceLinks([
        assessment('2026-03', [{ name: 'TechEmpower benchmarks', url: 'https://www.techempower.com/benchmarks/' }]),
      ]),
    ).toEqual([]);
  });

  it('lists a publication and every publication an estimate rests on, with name, link and month only', () => {
    expect(sourceLinks([external(so)])).toEqual([so]);
    expect(sourceLinks([estimate(bls, so)])).toEqual([bls, so]);
  });

  it('lists a publication cited by several sources once, where it was first cited', () => {
    // Ten roles resting on the same occupation data make one line of the caption, not ten.
    expect(sourceLinks([estimate(bls), external(so), estimate(bls), assessment('2026-01'), external(bls)])).toEqual([
      bls,
      so,
    ]);
  });

  it('lists exactly the addresses the sources cite, each once, in order of first citation', () => {
    fc.assert(
      fc.property(fc.array(source, { maxLength: 10 }), (sources) => {
        const cited = sources.flatMap((s) =>
          s.kind === 'external' ? [s.url] : s.kind === 'estimate' ? s.from.map((f) => f.url) : [],
        );
        const links = sourceLinks(sources);
        expect(links.map((l) => l.url)).toEqual([...new Set(cited)]);
        for (const link of links) expect(Object.keys(link).sort()).toEqual(['asOf', 'name', 'url']);
      }),
    );
  });
});
