/**
 * The learner's vocabulary (content/learner-vocabulary.yaml): the content check names the file and the entry of a
 * target that does not exist and of a phrase that is empty, repeated, listed under two meanings or already a title or
 * search term; each page's search terms take the phrases that mean it, under its id or an old one.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entrySearchTerms, VOCABULARY_FILE } from '../../../src/lib/content/learner-vocabulary.ts';
import { edit, problemsAfter } from './content-fixture.ts';

/** The fixture tree with `yaml` as its vocabulary (and `mutate`'s edits): the problems found, one per line. */
const problemsWith = (yaml: string, mutate: (root: string) => void = () => {}) =>
  problemsAfter((root) => {
    writeFileSync(join(root, VOCABULARY_FILE), `vocabulary:\n${yaml}`);
    mutate(root);
  });

describe('the learner vocabulary check', () => {
  it('accepts phrases for existing entries, an old id (alias) among them', async () => {
    const out = await problemsWith(`
  - says: [signed token, token in a header]
    means: [topics/jwt, questions/fixture-what-is-jwt]
  - says: [token format]
    means: [topics/json-web-tokens]
  - says: [count rows per user]
    means: [questions/fixture-sql-join]
`);
    expect(out).toBe('');
  });

  it('fails a target that does not exist, a lab and an unknown collection, naming the file and the entry', async () => {
    const out = await problemsWith(`
  - says: [signed token]
    means: [topics/jwt]
  - says: [hypertext basics]
    means: [topics/htttp, labs/fixture-lab, guides/http]
`);
    const lines = out.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(
      /learner-vocabulary\.yaml: vocabulary\[1\]\.means\[0\]: "topics\/htttp" does not exist: no topics\/htttp file, and no topic has it among its aliases$/,
    );
    expect(lines[1]).toMatch(/vocabulary\[1\]\.means\[1\]: "labs\/fixture-lab": labs pages carry no search terms/);
    expect(lines[2]).toMatch(/vocabulary\[1\]\.means\[2\]: "guides\/http": there is no collection "guides"/);
  });

  it('fails an empty phrase and one search cannot read a word of', async () => {
    const out = await problemsWith(`
  - says: [signed token, "", "?!"]
    means: [topics/jwt]
`);
    expect(out).toMatch(/vocabulary\[0\]\.says\[1\]: "" has no word search can match/);
    expect(out).toMatch(/vocabulary\[0\]\.says\[2\]: "\?!" has no word search can match/);
  });

  it('fails a phrase listed twice, under another meaning, or twice with one meaning', async () => {
    const out = await problemsWith(`
  - says: [signed token, "Signed   TOKEN", what is a signed token]
    means: [topics/jwt]
  - says: [token signed]
    means: [topics/http]
  - says: [signed token]
    means: [topics/jwt]
`);
    const lines = out.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/vocabulary\[0\]\.says\[1\]: "Signed {3}TOKEN" is listed twice/);
    expect(lines[1]).toMatch(/vocabulary\[0\]\.says\[2\]: "what is a signed token" is listed twice/);
    expect(lines[2]).toMatch(
      /vocabulary\[1\]\.says\[0\]: "token signed" is also under vocabulary\[0\] \("signed token"\), which means topics\/jwt: a phrase has one meaning/,
    );
    expect(lines[3]).toMatch(
      /vocabulary\[2\]\.says\[0\]: "signed token" is also under vocabulary\[0\] \("signed token"\), which means the same/,
    );
  });

  it('fails a phrase that is already a title, a title’s other name or a search term', async () => {
    const out = await problemsWith(
      `
  - says: [http, jwt, json web tokens, sql]
    means: [topics/jwt]
  - says: [token in a header, signed token]
    means: [topics/http]
`,
      (root) => edit(root, 'topics/jwt.md', /^(summary: .*\n)/m, '$1searchTerms: [bearer token, signed token]\n'),
    );
    expect(out).toMatch(
      /vocabulary\[0\]\.says\[0\]: "http" is the title of topics\/http: it would put a second page first/,
    );
    expect(out).toMatch(/vocabulary\[0\]\.says\[1\]: "jwt" is already the title of topics\/jwt/);
    expect(out).toMatch(/vocabulary\[0\]\.says\[2\]: "json web tokens" is already the title of topics\/jwt/);
    expect(out).toMatch(/vocabulary\[0\]\.says\[3\]: "sql" is the title of topics\/sql/);
    expect(out).toMatch(/vocabulary\[1\]\.says\[1\]: "signed token" is a search term of topics\/jwt/);
    expect(out.split('\n')).toHaveLength(5);
  });

  it('fails a file of the wrong shape with the field named', async () => {
    const out = await problemsWith(`
  - says: [signed token]
  - says: []
    means: [JWT]
`);
    expect(out).toMatch(/learner-vocabulary\.yaml: vocabulary\[0\]\.means: /);
    expect(out).toMatch(/vocabulary\[1\]\.says: /);
    expect(out).toMatch(/vocabulary\[1\]\.means\[0\]: must name an entry as collection\/id/);
  });
});

describe('entrySearchTerms', () => {
  const withVocabulary = (yaml: string, check: (dir: string) => void) => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-vocabulary-'));
    try {
      writeFileSync(join(dir, VOCABULARY_FILE), yaml);
      check(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const jwt = {
    collection: 'topics',
    id: 'jwt',
    data: { searchTerms: ['bearer token'], aliases: ['tokens'] },
  } as const;

  it('gives a page the phrases that mean it, under its id or an old one: a word as a term, more as a phrasing', () => {
    withVocabulary(
      `vocabulary:
  - says: [jws, signed token]
    means: [topics/jwt, topics/http]
  - says: [token format, bearer token]
    means: [topics/tokens]
  - says: [hypertext]
    means: [topics/http]
`,
      (dir) => {
        expect(entrySearchTerms(jwt, dir)).toEqual({
          terms: ['bearer token', 'jws'],
          phrasings: ['signed token', 'token format'],
        });
        expect(entrySearchTerms({ ...jwt, id: 'http', data: { searchTerms: [], aliases: [] } }, dir)).toEqual({
          terms: ['jws', 'hypertext'],
          phrasings: ['signed token'],
        });
      },
    );
  });

  it('leaves a page its own terms in a tree without a vocabulary', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-vocabulary-'));
    try {
      expect(entrySearchTerms(jwt, dir)).toEqual({ terms: ['bearer token'], phrasings: [] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
