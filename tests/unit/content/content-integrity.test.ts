/**
 * Bad content fails with the file and the field named. Each case copies the valid fixture tree
 * (tests/fixtures/valid), breaks one thing the way an author would, and checks the reported problem.
 * Durations and change dates have their own files (content-durations, content-change-dates).
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCycle, TOPIC_FLOORS } from '../../../src/lib/content/integrity.ts';
import { syncTree } from './content-layer.ts';
import { edit, FIXTURE_FLOORS, problemsAfter, VALID } from './content-fixture.ts';

describe('content integrity', () => {
  it('accepts the valid fixture set', async () => {
    expect(await syncTree({ contentDir: VALID, topicFloors: FIXTURE_FLOORS })).toEqual([]);
  });

  it('rejects a topic under 500 words of prose, and a median topic under 750, with the count named', async () => {
    const out = await problemsAfter(() => {}, TOPIC_FLOORS);
    expect(out).toMatch(
      /topics\/http\.md: body: \d+ words of prose \(code blocks not counted\); a topic teaches in at least 500: how it works, a worked example, pitfalls/,
    );
    expect(out).toMatch(
      /content\/topics\/: \(all topics\): the median topic has \d+(\.5)? words of prose; the floor is 750/,
    );
    // Code does not count: a long code block adds nothing.
    const code = `\n\n\`\`\`js\n${'const words = "do not count";\n'.repeat(400)}\`\`\`\n`;
    const withCode = await problemsAfter(
      (r) => writeFileSync(join(r, 'topics/http.md'), readFileSync(join(r, 'topics/http.md'), 'utf8') + code),
      TOPIC_FLOORS,
    );
    expect(withCode).toMatch(/topics\/http\.md: body: \d+ words of prose/);
    // Prose does: 500 words of it clear the floor for that page.
    const prose = `\n\n${'The server reads the request line, then the headers, then the body. '.repeat(40)}\n`;
    const withProse = await problemsAfter(
      (r) => writeFileSync(join(r, 'topics/http.md'), readFileSync(join(r, 'topics/http.md'), 'utf8') + prose),
      TOPIC_FLOORS,
    );
    expect(withProse).not.toMatch(/topics\/http\.md: body/);
  });

  it('names the file and field of a missing required field', async () => {
    const out = await problemsAfter((r) => edit(r, 'topics/sql.mdx', /^hours: 10\n/m, ''));
    expect(out).toMatch(/topics\/sql\.mdx: hours: is required but missing/);
  });

  describe('a lab', () => {
    const LAB = `---
created: 2026-11-23
updated: 2026-11-23
title: Index a lookup
summary: Add the index a lookup needs and read it in the plan.
topics: [sql]
difficulty: beginner
minutes: 10
language: sql
hints: ['Read the plan with EXPLAIN first.']
starter: ''
solution: |
  CREATE INDEX t_v_idx ON t (v);
explanation: An index on the filtered column lets Postgres find the rows without reading the table.
setup: |
  CREATE TABLE t (v int);
variants:
  - case: many more rows
    sql: INSERT INTO t SELECT generate_series(1, 1000);
checks:
  - type: plan
    name: Uses the index
    sql: SELECT * FROM public.t WHERE v = 1
    includes: 'Index'
    message: The plan still reads the whole table.
wrongAnswers:
  - why: changes nothing at all
    code: SELECT 1;
  - why: indexes nothing the query filters on
    code: CREATE INDEX ON t ((1));
  - why: an index the planner cannot use for v = 1
    code: CREATE INDEX ON t ((v + 0));
  - why: a partial index covering other values only
    code: CREATE INDEX ON t (v) WHERE v > 100;
---

Add the index.
`;
    const withLab = (change: (text: string) => string) =>
      problemsAfter((r) => {
        mkdirSync(join(r, 'labs'));
        writeFileSync(join(r, 'labs/index-a-lookup.md'), change(LAB));
      });

    it('is accepted when sound', async () => expect(await withLab((t) => t)).toBe(''));
    it('names a missing field, a field its kind does not use, and a bad plan pattern', async () => {
      expect(await withLab((t) => t.replace(/^checks:[\s\S]*?(?=^wrongAnswers:)/m, ''))).toMatch(
        /labs\/index-a-lookup\.md: checks: is required by an SQL lab/,
      );
      expect(await withLab((t) => t.replace('language: sql', 'language: javascript'))).toMatch(
        /labs\/index-a-lookup\.md: tests: is required by a code lab/,
      );
      expect(await withLab((t) => t.replace("includes: 'Index'", "includes: 'Index ('"))).toMatch(
        /labs\/index-a-lookup\.md: checks\[0\]\.includes: is not a regular expression/,
      );
    });
    it('names an SQL lab without a hidden dataset, fewer than four wrong answers, and check SQL without a schema', async () => {
      expect(await withLab((t) => t.replace(/^variants:[\s\S]*?(?=^checks:)/m, ''))).toMatch(
        /labs\/index-a-lookup\.md: variants: an SQL lab needs at least one hidden dataset/,
      );
      expect(await withLab((t) => t.replace(/^ {2}- why: a partial[\s\S]*?(?=^---)/m, ''))).toMatch(
        /labs\/index-a-lookup\.md: wrongAnswers: Too small/,
      );
      expect(await withLab((t) => t.replace('FROM public.t', 'FROM t'))).toMatch(
        /labs\/index-a-lookup\.md: checks\[0\]\.sql: names table t without its schema: write public\.t/,
      );
    });
    it('names a setup or hidden dataset that analyzes the whole database, and accepts one that names its tables', async () => {
      expect(await withLab((t) => t.replace('CREATE TABLE t (v int);', 'CREATE TABLE t (v int);\n  ANALYZE t;'))).toBe(
        '',
      );
      expect(await withLab((t) => t.replace('CREATE TABLE t (v int);', 'CREATE TABLE t (v int);\n  ANALYZE;'))).toMatch(
        /labs\/index-a-lookup\.md: setup: "ANALYZE;" works on the whole database/,
      );
      expect(
        await withLab((t) =>
          t.replace('generate_series(1, 1000);', 'generate_series(1, 1000); VACUUM /* all */ (ANALYZE);'),
        ),
      ).toMatch(/labs\/index-a-lookup\.md: variants\[0\]\.sql: "VACUUM \(ANALYZE\);" works on the whole database/);
    });
    it('names a broken topic reference and a lab without a wrong answer', async () => {
      expect(await withLab((t) => t.replace('topics: [sql]', 'topics: [sqll]'))).toMatch(
        /labs\/index-a-lookup\.md: topics\[0\]: refers to topic "sqll", which does not exist/,
      );
      expect(await withLab((t) => t.replace(/^wrongAnswers:[\s\S]*?(?=^---)/m, 'wrongAnswers: []\n'))).toMatch(
        /labs\/index-a-lookup\.md: wrongAnswers: Too small/,
      );
    });
  });

  it('rejects a self-check answer that repeats a sentence of the page, naming the card', async () => {
    const out = await problemsAfter((r) =>
      edit(
        r,
        'topics/http.md',
        'Every request your server handles arrives as HTTP.',
        'Every request your server handles arrives as HTTP. Caches, proxies, crawlers and retrying clients repeat or prefetch such requests on their own; if a GET changed data or a repeated PUT added rows, those intermediaries would corrupt state.',
      ),
    );
    expect(out).toMatch(
      /topics\/http\.md: selfCheck\[0\]\.answer: repeats a sentence of the page \(“caches proxies crawlers and retrying clients repeat or prefetch such requests/,
    );
  });

  it('rejects a short answer over 60 words or with more than three points: a flashcard is recalled, not read', async () => {
    const point = Array.from({ length: 16 }, (_, i) => `w${i}`).join(' ');
    const wordy = await problemsAfter((r) =>
      edit(
        r,
        'questions/fixture-sql-join.md',
        'points: ["Count order ids, not rows, so users without orders show zero."]',
        `points: ["${point}", "${point}", "${point}"]`,
      ),
    );
    expect(wordy).toMatch(/questions\/fixture-sql-join\.md: shortAnswer: is 61 words; a short answer is at most 60/);
    const many = await problemsAfter((r) =>
      edit(
        r,
        'questions/fixture-sql-join.md',
        'points: ["Count order ids, not rows, so users without orders show zero."]',
        'points: ["One.", "Two.", "Three.", "Four."]',
      ),
    );
    expect(many).toMatch(
      /questions\/fixture-sql-join\.md: shortAnswer\.points: Too big: expected array to have <=3 items/,
    );
    const paragraph = await problemsAfter((r) =>
      edit(
        r,
        'questions/fixture-sql-join.md',
        /shortAnswer:\n[\s\S]*?\ndifficulty/,
        'shortAnswer: Join users to orders and count their ids.\ndifficulty',
      ),
    );
    expect(paragraph).toMatch(/questions\/fixture-sql-join\.md: shortAnswer: /);
  });

  it('names the file and field of a value outside its enum', async () => {
    const out = await problemsAfter((r) =>
      edit(r, 'questions/fixture-sql-join.md', 'difficulty: junior', 'difficulty: expert'),
    );
    expect(out).toMatch(
      /questions\/fixture-sql-join\.md: difficulty: Invalid option: expected one of "junior"\|"mid"\|"senior"/,
    );
  });

  it('rejects a resource URL that is not https', async () => {
    const out = await problemsAfter((r) =>
      edit(r, 'topics/sql.mdx', 'https://www.postgresql.org', 'http://www.postgresql.org'),
    );
    expect(out).toMatch(/topics\/sql\.mdx: resources\[0\]\.url: must be an absolute https:\/\/ URL/);
  });

  it('reports a reference to an entry that does not exist (Astro only logs these)', async () => {
    const out = await problemsAfter((r) =>
      edit(r, 'projects/fixture-api.md', 'topics: [http, sql]', 'topics: [http, sqll]'),
    );
    expect(out).toMatch(/projects\/fixture-api\.md: topics\[1\]: refers to topic "sqll", which does not exist/);
  });

  it('reports a broken reference inside a roadmap stage', async () => {
    const out = await problemsAfter((r) =>
      edit(r, 'roadmaps/fixture-basics.md', '{ topic: jwt, optional: true }', '{ topic: jwtt, optional: true }'),
    );
    expect(out).toMatch(
      /roadmaps\/fixture-basics\.md: stages\[0\]\.topics\[1\]\.topic: refers to topic "jwtt", which does not exist/,
    );
  });

  it('reports a reference to an old id (alias) and names the current id', async () => {
    const out = await problemsAfter((r) => edit(r, 'topics/http.md', 'related: [jwt]', 'related: [json-web-tokens]'));
    expect(out).toMatch(
      /topics\/http\.md: related\[0\]: refers to topic "json-web-tokens", an old id of "jwt": use "jwt"/,
    );
  });

  it('reports two entries with the same id', async () => {
    const out = await problemsAfter((r) => {
      mkdirSync(join(r, 'topics/archive'));
      cpSync(join(r, 'topics/sql.mdx'), join(r, 'topics/archive/sql.mdx'));
    });
    expect(out).toMatch(
      /topics\/sql\.mdx: \(file name\): duplicate topic id "sql": .*topics\/archive\/sql\.mdx has it too/,
    );
  });

  it('reports a file name that is not an id, and a roadmap id taken by the builder’s pages', async () => {
    const out = await problemsAfter((r) => {
      cpSync(join(r, 'topics/http.md'), join(r, 'topics/HTTP_Basics.md'));
      cpSync(join(r, 'roadmaps/fixture-next.md'), join(r, 'roadmaps/new.md'));
    });
    expect(out).toMatch(
      /topics\/HTTP_Basics\.md: \(file name\): id "HTTP_Basics" must be lower-case words joined by hyphens/,
    );
    expect(out).toMatch(/roadmaps\/new\.md: \(file name\): id "new" is reserved/);
  });

  it('reports an alias equal to another entry id', async () => {
    const out = await problemsAfter((r) =>
      edit(r, 'topics/jwt.md', 'aliases: [json-web-tokens]', 'aliases: [json-web-tokens, sql]'),
    );
    expect(out).toMatch(/topics\/jwt\.md: aliases\[1\]: alias "sql" is the id of .*topics\/sql\.mdx/);
  });

  it('reports the same topic twice in one roadmap', async () => {
    const out = await problemsAfter((r) =>
      edit(r, 'roadmaps/fixture-next.md', 'topics: [jwt]', 'topics: [jwt, http, jwt]'),
    );
    expect(out).toMatch(
      /roadmaps\/fixture-next\.md: stages\[0\]\.topics\[2\]: topic "jwt" appears twice in this roadmap \(first at stages\[0\]\.topics\[0\]\)/,
    );
  });

  it('reports a cycle in roadmap prerequisites', async () => {
    const out = await problemsAfter((r) =>
      edit(r, 'roadmaps/fixture-basics.md', 'order: 1', 'order: 1\nprerequisites: [fixture-next]'),
    );
    expect(out).toMatch(
      /roadmaps\/fixture-basics\.md: prerequisites: roadmap prerequisites form a cycle: fixture-basics → fixture-next → fixture-basics/,
    );
  });

  it('reports an MDX syntax error with its line in the file', async () => {
    const out = await problemsAfter((r) => edit(r, 'topics/sql.mdx', 'SQL fixture topic.', 'SQL fixture <b>topic.'));
    expect(out).toMatch(
      /topics\/sql\.mdx: body: MDX syntax error at line 19, column 13: Expected a closing tag for `<b>` before the end of `paragraph`/,
    );
  });

  it('reports raw HTML in a Markdown body with its line in the file', async () => {
    const out = await problemsAfter((r) => edit(r, 'topics/http.md', 'Why it matters', 'Why it <b>matters</b>'));
    expect(out).toMatch(/topics\/http\.md: body: raw HTML at line \d+ \(“<b>”\): write < as &lt; or inside backticks/);
  });

  it('reports frontmatter that is not YAML', async () => {
    const out = await problemsAfter((r) => edit(r, 'topics/sql.mdx', 'hours: 10', 'hours: [10'));
    // Astro's YAML reader stops at the first file it cannot read, and says where in it.
    expect(out).toMatch(/topics\/sql\.mdx: \(file\): could not be read: missed comma between flow collection entries/);
  });

  it('reports a required topic placed before the topic it builds on, by the order of the first roadmap that has it', async () => {
    // Fixture Basics opens its stage with HTTP and then JWT, so JWT builds on HTTP everywhere else too.
    const jwtRequired = (r: string) => edit(r, 'roadmaps/fixture-basics.md', '{ topic: jwt, optional: true }', 'jwt');
    const out = await problemsAfter((r) => {
      jwtRequired(r);
      edit(r, 'roadmaps/fixture-next.md', 'topics: [jwt]', 'topics: [jwt, http]');
    });
    expect(out).toMatch(
      /roadmaps\/fixture-next\.md: stages\[0\]\.topics\[0\]: "jwt" comes before "http", which it builds on \(Fixture Basics, stage "The web", teaches "http" first\)/,
    );
    const inOrder = await problemsAfter((r) => {
      jwtRequired(r);
      edit(r, 'roadmaps/fixture-next.md', 'topics: [jwt]', 'topics: [http, jwt]');
    });
    expect(inOrder).not.toMatch(/builds on/);
  });

  it('reports a level path that takes longer, with the paths before it, than a role it leads to', async () => {
    const out = await problemsAfter((r) => {
      edit(r, 'roles/fixture-developer.md', 'roadmaps: [fixture-basics]', 'roadmaps: [fixture-next]');
      edit(
        r,
        'roles/fixture-developer.md',
        'timeToProficiency: { min: 4, max: 6, unit: months }',
        'timeToProficiency: { min: 1, max: 1, unit: weeks }',
      );
    });
    expect(out).toMatch(
      /roles\/fixture-developer\.md: roadmaps\[0\]: "fixture-next" and the roadmaps it builds on take at least 0\.5 months at the fast pace, more than this role's time to proficiency \(at most 1 weeks\)/,
    );
  });

  it('reports a stage id that collides with a topic anchor', async () => {
    const out = await problemsAfter((r) => edit(r, 'roadmaps/fixture-next.md', 'id: stage-auth', 'id: jwt'));
    expect(out).toMatch(/roadmaps\/fixture-next\.md: stages\[0\]\.id: stage id "jwt" is also a topic id/);
  });

  it('reports a comparison row that misses a column', async () => {
    const out = await problemsAfter((r) =>
      edit(r, 'comparisons/fixture-stores.yaml', 'speed: Slow, year: 1970', 'year: 1970'),
    );
    expect(out).toMatch(/comparisons\/fixture-stores\.yaml: rows\[2\]\.cells: missing a value for column "speed"/);
  });

  it('rejects a comparison source that names a document without a link', async () => {
    const out = await problemsAfter((r) =>
      edit(
        r,
        'comparisons/fixture-stores.yaml',
        /^source:[\s\S]*$/m,
        'source: { name: Backend Atlas source outline, asOf: "2024-11" }\n',
      ),
    );
    expect(out).toMatch(/comparisons\/fixture-stores\.yaml: source\.url: is required but missing/);
  });

  it('rejects a comparison without any source', async () => {
    const out = await problemsAfter((r) => edit(r, 'comparisons/fixture-stores.yaml', /^source:[\s\S]*$/m, ''));
    expect(out).toMatch(/comparisons\/fixture-stores\.yaml: source: is required but missing/);
  });

  it('rejects a source given as plain text, naming the three accepted forms', async () => {
    const out = await problemsAfter((r) =>
      edit(r, 'comparisons/fixture-stores.yaml', /^source:[\s\S]*$/m, 'source: "Backend & API seed outlines"\n'),
    );
    expect(out).toMatch(
      /comparisons\/fixture-stores\.yaml: source: must be a source: \{ name, url, asOf \}.*kind: assessment.*kind: estimate/,
    );
  });

  it('rejects an assessment without its review month and an unknown source kind', async () => {
    const noMonth = await problemsAfter((r) =>
      edit(r, 'comparisons/fixture-stores.yaml', '  reviewed: "2026-11"\n', ''),
    );
    expect(noMonth).toMatch(/comparisons\/fixture-stores\.yaml: source\.reviewed: is required but missing/);
    const unknown = await problemsAfter((r) =>
      edit(r, 'comparisons/fixture-stores.yaml', 'kind: assessment', 'kind: opinion'),
    );
    expect(unknown).toMatch(/comparisons\/fixture-stores\.yaml: source\.kind: must be a source/);
  });

  it("rejects a role whose pay figure is another occupation's, or names no occupation, and a salary without one", async () => {
    const other = await problemsAfter((r) =>
      edit(
        r,
        'roles/fixture-developer.md',
        'code: "15-1252", title: "Software Developers"',
        'code: "11-3021", title: "Computer and Information Systems Managers"',
      ),
    );
    expect(other).toMatch(
      /roles\/fixture-developer\.md: market\.salary\.source: is the figure of another occupation \(15-1252\), not this role's 11-3021 Computer and Information Systems Managers/,
    );
    const unnamed = await problemsAfter((r) =>
      edit(r, 'roles/fixture-developer.md', ': Software Developers (SOC 15-1252)', ''),
    );
    expect(unnamed).toMatch(
      /roles\/fixture-developer\.md: market\.salary\.source: must name the occupation it comes from \(15-1252\)/,
    );
    const noOccupation = await problemsAfter((r) =>
      edit(r, 'roles/fixture-developer.md', /^ {2}occupation: .*\n/m, ''),
    );
    expect(noOccupation).toMatch(
      /roles\/fixture-developer\.md: market\.occupation: a salary must name the occupation it is the figure of/,
    );
    const silent = await problemsAfter((r) =>
      edit(r, 'roles/fixture-developer.md', /^ {2}salary:\n[\s\S]*?(?=^ {2}growth:)/m, ''),
    );
    expect(silent).toMatch(
      /roles\/fixture-developer\.md: market\.noSalary: a role without a salary must say why no published figure fits it/,
    );
    const halfRange = await problemsAfter((r) => edit(r, 'roles/fixture-developer.md', '    max: 103050\n', ''));
    expect(halfRange).toMatch(/roles\/fixture-developer\.md: market\.salary\.max: a range needs both min and max/);
  });

  it('rejects a role salary source with an http link or a month that is not YYYY-MM', async () => {
    const http = await problemsAfter((r) =>
      edit(
        r,
        'roles/fixture-developer.md',
        'https://stats.example.org/wages/2024',
        'http://stats.example.org/wages/2024',
      ),
    );
    expect(http).toMatch(
      /roles\/fixture-developer\.md: market\.salary\.source\.from\[0\]\.url: must be an absolute https:\/\/ URL/,
    );
    const month = await problemsAfter((r) =>
      edit(r, 'roles/fixture-developer.md', 'asOf: "2024-05"', 'asOf: "May 2024"'),
    );
    expect(month).toMatch(
      /roles\/fixture-developer\.md: market\.salary\.source\.from\[0\]\.asOf: must be a month as YYYY-MM/,
    );
  });

  it('rejects an estimate that does not say how it was derived or what from', async () => {
    const out = await problemsAfter((r) => {
      edit(r, 'roles/fixture-developer.md', / {6}method: .*\n/, '');
      edit(r, 'roles/fixture-developer.md', / {6}from: .*\n/, '      from: []\n');
    });
    expect(out).toMatch(/roles\/fixture-developer\.md: market\.salary\.source\.method: is required but missing/);
    expect(out).toMatch(/roles\/fixture-developer\.md: market\.salary\.source\.from: Too small/);
  });

  it('rejects a salary backed only by our assessment: a figure needs something to check', async () => {
    const out = await problemsAfter((r) =>
      edit(
        r,
        'roles/fixture-developer.md',
        / {4}source:\n {6}kind: estimate\n.*\n.*\n/,
        '    source: { kind: assessment, reviewed: "2026-11" }\n',
      ),
    );
    expect(out).toMatch(
      /roles\/fixture-developer\.md: market\.salary\.source\.kind: a salary figure needs a publication/,
    );
  });

  it('rejects the old flat market fields', async () => {
    const out = await problemsAfter((r) =>
      edit(
        r,
        'roles/fixture-developer.md',
        '  region: United States\n',
        '  region: United States\n  source: "Fixture source"\n',
      ),
    );
    expect(out).toMatch(/roles\/fixture-developer\.md: market: Unrecognized key: "source"/);
  });
});

describe('search terms', () => {
  it('accepts search terms, and names both files when two entries claim the same term', async () => {
    const addTerms = (root: string, file: string, terms: string) =>
      edit(root, file, /^(summary: .*\n)/m, `$1searchTerms: ${terms}\n`);
    expect(await problemsAfter((r) => addTerms(r, 'topics/jwt.md', '[json web token, bearer token]'))).toBe('');
    const out = await problemsAfter((r) => {
      addTerms(r, 'topics/jwt.md', '[bearer token, "HTTP/2"]');
      addTerms(r, 'topics/http.md', '[hypertext, Bearer  Token]');
    });
    // Files are read in order, so the second claim (jwt.md, after http.md) is the one reported.
    expect(out).toMatch(
      /topics\/jwt\.md: searchTerms\[0\]: search term "bearer token" is also claimed by .*topics\/http\.md/,
    );
    expect(out.split('\n')).toHaveLength(1);
  });

  it('rejects a search term that is another entry’s title or repeats the entry’s own', async () => {
    const out = await problemsAfter((r) =>
      edit(r, 'topics/jwt.md', /^(summary: .*\n)/m, '$1searchTerms: [http, "JSON web tokens (JWT)", tokens, tokens]\n'),
    );
    expect(out).toMatch(/topics\/jwt\.md: searchTerms\[0\]: search term "http" is the title of .*topics\/http\.md/);
    expect(out).toMatch(
      /topics\/jwt\.md: searchTerms\[1\]: search term "JSON web tokens \(JWT\)" repeats this entry's title/,
    );
    expect(out).toMatch(/topics\/jwt\.md: searchTerms\[3\]: search term "tokens" is listed twice/);
  });
});

describe('findCycle', () => {
  it('finds no cycle in a chain and finds the loop in a cycle', () => {
    expect(
      findCycle(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', []],
        ]),
      ),
    ).toBeNull();
    expect(
      findCycle(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', ['a']],
        ]),
      ),
    ).toEqual(['a', 'b', 'c', 'a']);
  });
});
