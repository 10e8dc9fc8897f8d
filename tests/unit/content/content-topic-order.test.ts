/**
 * What a topic needs comes first on every roadmap: a topic's `requires`, and tests alongside the first framework
 * (src/lib/content/integrity/topic-order.ts). Each case breaks a copy of the valid fixture tree and checks that the
 * roadmap file and the stage field are named, then puts it right and checks that the problem is gone.
 */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { edit, problemsAfter } from './content-fixture.ts';

/** Fixture Basics teaches HTTP, then picks SQL or caching in its second stage: the store group. */
const sqlRequires = (ids: string) => (r: string) =>
  edit(r, 'topics/sql.mdx', /^selfCheck:/m, `requires: [${ids}]\nselfCheck:`);
const jwtRequires = (ids: string) => (r: string) =>
  edit(r, 'topics/jwt.md', /^related: /m, `requires: [${ids}]\nrelated: `);

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

  it('passes where a roadmap lacks the required topic but builds on one that teaches it', async () => {
    // Fixture Basics teaches HTTP before JWT; Fixture Next teaches only JWT, and builds on Fixture Basics.
    const out = await problemsAfter(jwtRequires('http'));
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

describe('a required topic no earlier stage teaches', () => {
  /** Fixture Next on its own: no roadmap to build on, and `topics` in its one stage instead of JWT alone. */
  const alone =
    (topics = '[jwt]') =>
    (r: string) => {
      edit(r, 'roadmaps/fixture-next.md', 'prerequisites: [fixture-basics]\n', '');
      if (topics !== '[jwt]') edit(r, 'roadmaps/fixture-next.md', 'topics: [jwt]', `topics: ${topics}`);
    };
  /** A topic on no roadmap. */
  const tls = (r: string) =>
    writeFileSync(
      join(r, 'topics/tls.md'),
      [
        '---',
        'created: 2026-11-01',
        'updated: 2026-11-01',
        'title: TLS',
        'summary: How a client and a server agree on keys and then encrypt what they send each other.',
        'area: fundamentals',
        'hours: 3',
        'resources:',
        '  - { title: "RFC 8446: TLS 1.3", url: "https://www.rfc-editor.org/rfc/rfc8446", type: spec }',
        'related: [http]',
        'selfCheck:',
        '  - question: "Why does a client check the name in the certificate and not only its signature?"',
        '    answer: "A valid certificate for another site is still valid, so only the name tells the client it reached the server it meant to reach."',
        '  - question: "What does a learner lose when a proxy ends TLS and forwards plain HTTP inside the network?"',
        '    answer: "Anyone on that inner network path reads and changes the requests, so the hop needs its own encryption or a network nobody else shares."',
        '  - question: "Why can a TLS 1.3 client send its first request after a single round trip?"',
        '    answer: "It sends its key share in the first message, so both sides derive the keys as soon as the server answers, without a separate key exchange."',
        '---',
        '',
        'TLS encrypts a connection.',
        '',
      ].join('\n'),
    );

  it('fails where neither the roadmap nor a roadmap it builds on teaches it, naming the roadmap, the field and the topic', async () => {
    const out = await problemsAfter((r) => {
      jwtRequires('http')(r);
      alone()(r);
    });
    expect(out.split('\n')).toHaveLength(1);
    expect(out).toMatch(
      /roadmaps\/fixture-next\.md: stages\[0\]\.topics\[0\]: "jwt" requires "http" \(requires in \S*topics\/jwt\.md\), which is not taught before it on this roadmap: add "http" as a required topic before "jwt", or build on a roadmap that teaches it$/,
    );
  });

  it('names the roadmaps it builds on, which lack it too, and checks an optional topic as well', async () => {
    const out = await problemsAfter((r) => {
      tls(r);
      jwtRequires('tls')(r);
    });
    expect(out).toMatch(
      /roadmaps\/fixture-next\.md: stages\[0\]\.topics\[0\]: "jwt" requires "tls" \(requires in \S*topics\/jwt\.md\), which is not taught before it on this roadmap or on a roadmap it builds on \(fixture-basics\)/,
    );
    // Fixture Basics offers JWT as an optional extra: a learner who takes it still needs TLS first.
    expect(out).toMatch(
      /roadmaps\/fixture-basics\.md: stages\[0\]\.topics\[1\]: "jwt" requires "tls" \(requires in \S*topics\/jwt\.md\), which is not taught before it on this roadmap:/,
    );
  });

  it('counts a pick-one topic of a roadmap it builds on as taught', async () => {
    // Without the optional JWT of its first stage, Fixture Basics teaches JWT nowhere, and SQL as one of a pick-one.
    const out = await problemsAfter((r) => {
      jwtRequires('sql')(r);
      edit(r, 'roadmaps/fixture-basics.md', 'topics: [http, { topic: jwt, optional: true }]', 'topics: [http]');
    });
    expect(out).toBe('');
  });

  it('counts an optional topic as taught only before another optional topic', async () => {
    const required = await problemsAfter((r) => {
      jwtRequires('http')(r);
      alone('[{ topic: http, optional: true }, jwt]')(r);
    });
    expect(required).toMatch(
      /roadmaps\/fixture-next\.md: stages\[0\]\.topics\[1\]: "jwt" requires "http" \(requires in \S*topics\/jwt\.md\), which is not taught before it on this roadmap \(it is only optional, at stages\[0\]\.topics\[0\]\):/,
    );
    // Caching strategies (5 hours) keeps the stage's required hours near JWT's 4, which the duration was set for.
    const optional = await problemsAfter((r) => {
      jwtRequires('http')(r);
      alone('[{ topic: http, optional: true }, { topic: jwt, optional: true }, caching-strategies]')(r);
    });
    expect(optional).toBe('');
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
