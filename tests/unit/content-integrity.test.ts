/**
 * Bad content fails with the file and the field named. Each case copies the valid fixture tree
 * (tests/fixtures/valid), breaks one thing the way an author would, and checks the reported problem.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readContentDir } from '../../src/lib/content-files';
import { checkContent, findCycle, formatIssues } from '../../src/lib/content-integrity';

const VALID = join(import.meta.dirname, '../fixtures/valid');
const trees: string[] = [];

/** A fresh copy of the valid fixture tree, changed by `mutate`; returns the problems found, one per line. */
function problemsAfter(mutate: (root: string) => void): string {
  const root = mkdtempSync(join(tmpdir(), 'atlas-content-'));
  trees.push(root);
  cpSync(VALID, root, { recursive: true });
  mutate(root);
  return formatIssues(checkContent(readContentDir(root)));
}
const edit = (root: string, file: string, from: string | RegExp, to: string) => {
  const path = join(root, file);
  const text = readFileSync(path, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`fixture edit did not apply to ${file}`);
  writeFileSync(path, next);
};

afterEach(() => {
  for (const root of trees.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('content integrity', () => {
  it('accepts the valid fixture set', () => {
    const entries = readContentDir(VALID);
    expect(entries.length).toBe(11);
    expect(checkContent(entries)).toEqual([]);
  });

  it('names the file and field of a missing required field', () => {
    const out = problemsAfter((r) => edit(r, 'topics/sql.mdx', /^hours: 10\n/m, ''));
    expect(out).toMatch(/topics\/sql\.mdx: hours: is required but missing/);
  });

  it('names the file and field of a value outside its enum', () => {
    const out = problemsAfter((r) => edit(r, 'questions/fixture-sql-join.mdx', 'difficulty: junior', 'difficulty: expert'));
    expect(out).toMatch(/questions\/fixture-sql-join\.mdx: difficulty: Invalid option: expected one of "junior"\|"mid"\|"senior"/);
  });

  it('rejects a resource URL that is not https', () => {
    const out = problemsAfter((r) => edit(r, 'topics/sql.mdx', 'https://www.postgresql.org', 'http://www.postgresql.org'));
    expect(out).toMatch(/topics\/sql\.mdx: resources\[0\]\.url: must be an absolute https:\/\/ URL/);
  });

  it('reports a reference to an entry that does not exist (Astro only logs these)', () => {
    const out = problemsAfter((r) => edit(r, 'projects/fixture-api.mdx', 'topics: [http, sql]', 'topics: [http, sqll]'));
    expect(out).toMatch(/projects\/fixture-api\.mdx: topics\[1\]: refers to topic "sqll", which does not exist/);
  });

  it('reports a broken reference inside a roadmap stage', () => {
    const out = problemsAfter((r) => edit(r, 'roadmaps/fixture-basics.mdx', '{ topic: jwt, optional: true }', '{ topic: jwtt, optional: true }'));
    expect(out).toMatch(/roadmaps\/fixture-basics\.mdx: stages\[0\]\.topics\[1\]\.topic: refers to topic "jwtt", which does not exist/);
  });

  it('reports a reference to an old id (alias) and names the current id', () => {
    const out = problemsAfter((r) => edit(r, 'topics/http.mdx', 'related: [jwt]', 'related: [json-web-tokens]'));
    expect(out).toMatch(/topics\/http\.mdx: related\[0\]: refers to topic "json-web-tokens", an old id of "jwt": use "jwt"/);
  });

  it('reports two entries with the same id', () => {
    const out = problemsAfter((r) => {
      mkdirSync(join(r, 'topics/archive'));
      cpSync(join(r, 'topics/sql.mdx'), join(r, 'topics/archive/sql.mdx'));
    });
    expect(out).toMatch(/topics\/sql\.mdx: \(file name\): duplicate topic id "sql": .*topics\/archive\/sql\.mdx has it too/);
  });

  it('reports an alias equal to another entry id', () => {
    const out = problemsAfter((r) => edit(r, 'topics/jwt.mdx', 'aliases: [json-web-tokens]', 'aliases: [json-web-tokens, sql]'));
    expect(out).toMatch(/topics\/jwt\.mdx: aliases\[1\]: alias "sql" is the id of .*topics\/sql\.mdx/);
  });

  it('reports the same topic twice in one roadmap', () => {
    const out = problemsAfter((r) => edit(r, 'roadmaps/fixture-next.mdx', 'topics: [jwt]', 'topics: [jwt, http, jwt]'));
    expect(out).toMatch(/roadmaps\/fixture-next\.mdx: stages\[0\]\.topics\[2\]: topic "jwt" appears twice in this roadmap \(first at stages\[0\]\.topics\[0\]\)/);
  });

  it('reports a cycle in roadmap prerequisites', () => {
    const out = problemsAfter((r) => edit(r, 'roadmaps/fixture-basics.mdx', 'order: 1', 'order: 1\nprerequisites: [fixture-next]'));
    expect(out).toMatch(/roadmaps\/fixture-basics\.mdx: prerequisites: roadmap prerequisites form a cycle: fixture-basics → fixture-next → fixture-basics/);
  });

  it('reports an MDX syntax error with its line in the file', () => {
    const out = problemsAfter((r) => edit(r, 'topics/sql.mdx', 'SQL fixture topic.', 'SQL fixture <b>topic.'));
    expect(out).toMatch(/topics\/sql\.mdx: body: MDX syntax error at line 10, column 13: Expected a closing tag for `<b>` before the end of `paragraph`/);
  });

  it('reports frontmatter that is not YAML', () => {
    const out = problemsAfter((r) => edit(r, 'topics/sql.mdx', 'hours: 10', 'hours: [10'));
    expect(out).toMatch(/topics\/sql\.mdx: \(file\): frontmatter is not valid YAML/);
  });

  it('reports a stage id that collides with a topic anchor', () => {
    const out = problemsAfter((r) => edit(r, 'roadmaps/fixture-next.mdx', 'id: stage-auth', 'id: jwt'));
    expect(out).toMatch(/roadmaps\/fixture-next\.mdx: stages\[0\]\.id: stage id "jwt" is also a topic id/);
  });

  it('reports a comparison row that misses a column', () => {
    const out = problemsAfter((r) => edit(r, 'comparisons/fixture-stores.yaml', 'speed: Slow, year: 1970', 'year: 1970'));
    expect(out).toMatch(/comparisons\/fixture-stores\.yaml: rows\[2\]\.cells: missing a value for column "speed"/);
  });

  it('accepts search terms, and names both files when two entries claim the same term', () => {
    const addTerms = (root: string, file: string, terms: string) => edit(root, file, /^(summary: .*\n)/m, `$1searchTerms: ${terms}\n`);
    expect(problemsAfter((r) => addTerms(r, 'topics/jwt.mdx', '[json web token, bearer token]'))).toBe('');
    const out = problemsAfter((r) => {
      addTerms(r, 'topics/jwt.mdx', '[bearer token, "HTTP/2"]');
      addTerms(r, 'topics/http.mdx', '[hypertext, Bearer  Token]');
    });
    // Files are read in order, so the second claim (jwt.mdx, after http.mdx) is the one reported.
    expect(out).toMatch(/topics\/jwt\.mdx: searchTerms\[0\]: search term "bearer token" is also claimed by .*topics\/http\.mdx/);
    expect(out.split('\n')).toHaveLength(1);
  });

  it('rejects a search term that is another entry’s title or repeats the entry’s own', () => {
    const out = problemsAfter((r) => edit(r, 'topics/jwt.mdx', /^(summary: .*\n)/m, '$1searchTerms: [http, "JSON web tokens (JWT)", tokens, tokens]\n'));
    expect(out).toMatch(/topics\/jwt\.mdx: searchTerms\[0\]: search term "http" is the title of .*topics\/http\.mdx/);
    expect(out).toMatch(/topics\/jwt\.mdx: searchTerms\[1\]: search term "JSON web tokens \(JWT\)" repeats this entry's title/);
    expect(out).toMatch(/topics\/jwt\.mdx: searchTerms\[3\]: search term "tokens" is listed twice/);
  });
});

describe('findCycle', () => {
  it('finds no cycle in a chain and finds the loop in a cycle', () => {
    expect(findCycle(new Map([['a', ['b']], ['b', ['c']], ['c', []]]))).toBeNull();
    expect(findCycle(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']]]))).toEqual(['a', 'b', 'c', 'a']);
  });
});
