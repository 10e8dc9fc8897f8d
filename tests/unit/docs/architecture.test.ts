/**
 * docs/architecture.md, the one-screen picture of the code, stays reachable and true: the README links it, every
 * relative link in it leads to a file or folder that exists, and the code paths it names in backticks exist (the
 * latter also through comment-paths.test.ts, which reads every doc under docs/).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DOC = 'docs/architecture.md';
const text = readFileSync(DOC, 'utf8');

describe('the architecture doc', () => {
  it('is linked from the README', () => {
    expect(readFileSync('README.md', 'utf8')).toContain('](docs/architecture.md)');
  });

  it('links only to files that exist', () => {
    const links = [...text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1]!).filter((l) => !/^\w+:/.test(l));
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((link) => !existsSync(join(dirname(DOC), link)))).toEqual([]);
  });

  it('names the code it describes, and every path it names exists', () => {
    const paths = [...text.matchAll(/`((?:src|content|tests|docs)\/[^`<*]+?)\/?`/g)].map((m) => m[1]!);
    expect(paths.length).toBeGreaterThan(15);
    expect(paths.filter((path) => !existsSync(path))).toEqual([]);
  });

  it('states the browsers supported', () => {
    expect(text).toMatch(/^## Browsers supported$/m);
    expect(text).toMatch(/Chrome\s+and\s+Edge\s+\d+,\s+Firefox\s+\d+\s+and\s+Safari\s+[\d.]+/);
  });
});
