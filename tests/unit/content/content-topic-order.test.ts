/**
 * What a topic needs comes first on every roadmap: a topic's `requires`, and tests alongside the first framework
 * (src/lib/content/integrity/topic-order.ts). Each case breaks a copy of the valid fixture tree and checks that the
 * roadmap file and the stage field are named, then puts it right and checks that the problem is gone.
 */
import { describe, expect, it } from 'vitest';
import { edit, problemsAfter } from './content-fixture.ts';

/** Fixture Basics teaches HTTP, then picks SQL or caching in its second stage: the store group. */
const sqlRequires = (ids: string) => (r: string) =>
  edit(r, 'topics/sql.mdx', /^selfCheck:/m, `requires: [${ids}]\nselfCheck:`);

describe('a topic that requires another', () => {
  it('fails where a roadmap places it before the topic it requires, naming the roadmap and the field', async () => {
    const out = await problemsAfter(sqlRequires('caching-strategies'));
    expect(out).toContain(
      'roadmaps/fixture-basics.md: stages[1].topics[0]: "sql" comes before "caching-strategies" (stages[1].topics[1]), which it requires',
    );
    expect(out).toMatch(/move "caching-strategies" to an earlier stage, or "sql" after it/);
  });

  it('passes where the required topic comes earlier, in the same stage or an earlier one', async () => {
    const sameStage = await problemsAfter((r) => {
      sqlRequires('caching-strategies')(r);
      edit(
        r,
        'roadmaps/fixture-basics.md',
        '[{ topic: sql, alternative: store }, { topic: caching-strategies, alternative: store }]',
        '[{ topic: caching-strategies, alternative: store }, { topic: sql, alternative: store }]',
      );
    });
    expect(sameStage).toBe('');
    expect(await problemsAfter(sqlRequires('http'))).toBe('');
  });

  it('ignores a roadmap that lacks one of the two', async () => {
    // Fixture Basics teaches HTTP before JWT; Fixture Next teaches only JWT, so its order says nothing.
    const out = await problemsAfter((r) => edit(r, 'topics/jwt.md', /^related: /m, 'requires: [http]\nrelated: '));
    expect(out).toBe('');
  });

  it('reports a required id that does not exist, like any other reference', async () => {
    const out = await problemsAfter(sqlRequires('postgres'));
    expect(out).toMatch(/topics\/sql\.mdx: requires\[0\]: refers to topic "postgres", which does not exist/);
  });

  it('reports requirements that form a cycle', async () => {
    const out = await problemsAfter((r) => {
      sqlRequires('http')(r);
      edit(r, 'topics/http.md', 'related: [jwt]', 'requires: [sql]\nrelated: [jwt]');
    });
    expect(out).toMatch(
      /topics\/(http\.md|sql\.mdx): requires: topic requirements form a cycle: (http → sql → http|sql → http → sql)/,
    );
  });
});

describe('tests alongside the first framework', () => {
  /** HTTP becomes a framework, JWT a test; Fixture Next teaches HTTP, then caching, then JWT in its third stage. */
  const threeStages = (testStage: 'third' | 'second') => (r: string) => {
    edit(r, 'topics/http.md', 'area: fundamentals', 'area: frameworks');
    edit(r, 'topics/jwt.md', 'area: security', 'area: testing');
    const [second, third] = testStage === 'third' ? ['caching-strategies', 'jwt'] : ['jwt', 'caching-strategies'];
    // HTTP, caching and JWT take 15 hours: 4 to 8 weeks at Fixture Next's 2 to 4 hours a week. (Not SQL: a roadmap
    // that teaches SQL must also teach its essentials, which the fixture tree does not have.)
    edit(r, 'roadmaps/fixture-next.md', '{ min: 1, max: 2, unit: weeks }', '{ min: 4, max: 8, unit: weeks }');
    edit(
      r,
      'roadmaps/fixture-next.md',
      'topics: [jwt]',
      `topics: [http]\n  - id: stage-second\n    title: Second stage\n    topics: [${second}]\n  - id: stage-third\n    title: Third stage\n    topics: [${third}]`,
    );
  };

  it('fails where the first test comes more than a stage after the first framework, naming the field', async () => {
    const out = await problemsAfter(threeStages('third'));
    expect(out).toMatch(
      /roadmaps\/fixture-next\.md: stages\[2\]\.topics\[0\]: the first test, "jwt", comes in stages\[2\], more than a stage after the first framework, "http" \(stages\[0\]\): teach tests in the framework's stage or the one after it/,
    );
  });

  it("passes where the first test comes in the framework's stage or the next", async () => {
    expect(await problemsAfter(threeStages('second'))).toBe('');
  });
});
