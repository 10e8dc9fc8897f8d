/**
 * A page may not call a superseded release the newest: content/current-releases.yaml lists what is current, and the
 * content check names the entry, the field and the phrase of every claim that an older release is.
 */
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isOlder } from '../../../src/lib/content/integrity/current-releases.ts';
import { readReleases } from '../../../src/lib/content/integrity.ts';
import { problemsAfter } from './content-fixture.ts';

const LIST = `checked: 2026-11-26
releases:
  - product: Python
    names: [Python, CPython]
    latest: "3.15"
    lts: null
    released: 2026-10-07
    source: https://www.python.org/downloads/
  - product: Java
    names: [Java, JDK]
    latest: "27"
    lts: "25"
    released: 2026-09-15
    source: https://openjdk.org/projects/jdk/
`;

/** The fixture tree with the list, and `prose` appended to the HTTP topic's body. */
const problemsWith = (prose: string, list = LIST) =>
  problemsAfter((root) => {
    writeFileSync(join(root, 'current-releases.yaml'), list);
    appendFileSync(join(root, 'topics/http.md'), `\n\n${prose}\n`);
  });

describe('current releases', () => {
  it('compares release lines at the precision both give', () => {
    expect(isOlder('3.14', '3.15')).toBe(true);
    expect(isOlder('3.14.2', '3.15')).toBe(true);
    expect(isOlder('3.15.1', '3.15')).toBe(false);
    expect(isOlder('3', '3.15')).toBe(false);
    expect(isOlder('1.9', '1.27')).toBe(true);
    expect(isOlder('25', '27')).toBe(true);
  });

  it('fails a page that calls an older release the newest, naming the file, field and phrase', async () => {
    const out = await problemsWith('The current release, Python 3.14, added template strings.');
    expect(out).toMatch(
      /topics\/http\.md: body: calls Python 3\.14 the newest \(“The current release, Python 3\.14, added template strings\.”\), but the current release is Python 3\.15/,
    );
    expect(await problemsWith('Run it on Java 21, which is the latest LTS.')).toMatch(
      /calls Java 21 the newest .* the current LTS line is Java 25/,
    );
    expect(await problemsWith('CPython 3.13 is the newest version.')).toMatch(/calls Python 3\.13 the newest/);
  });

  it('reads the ways a learner writes it: a bare "the newest", the name apart from its number', async () => {
    const stale = [
      'We install Python 3.14, the newest, for these examples.',
      'Python 3.13 (the latest) runs the examples.',
      'Install the latest stable Python 3.12 first.',
      'The latest Python release is 3.11, which this page uses.',
      'The most recent Java is 26.',
      "Java's newest release, 24, added this.",
      'The newest Python, version 3.10, is installed here.',
    ];
    const out = await problemsWith(stale.join('\n\n'));
    for (const version of [
      'Python 3.14',
      'Python 3.13',
      'Python 3.12',
      'Python 3.11',
      'Java 26',
      'Java 24',
      'Python 3.10',
    ])
      expect(out, version).toContain(`calls ${version} the newest`);
    expect(out.match(/calls /g)).toHaveLength(stale.length);
  });

  it('accepts the current release, the newest LTS, the past tense and a mere mention', async () => {
    const fine = [
      'The current release, Python 3.15, removed more of the old modules.',
      'JDK 25 is the current long-term support release, and Java 27 is the latest.',
      'Python 3.14 was the latest release when this example ran.',
      'Spring Boot 4 needs Java 17 or later; Java 27 is current.',
      'The example ran on Python 3.11, and the current request is logged.',
      '```text\n# Python 3.12 is the latest\n```',
      'Python 3.14 added the latest syntax for templates, and Python 3.15 is the newest.',
      'Python 3.14, then the newest, ran this example.',
    ];
    expect(await problemsWith(fine.join('\n\n'))).toBe('');
  });

  it('reads claims in frontmatter text too, such as a summary', async () => {
    const out = await problemsAfter((root) => {
      writeFileSync(join(root, 'current-releases.yaml'), LIST);
      const file = join(root, 'topics/http.md');
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace(
          /^summary: .*$/m,
          'summary: The protocol every web backend speaks, served here by Python 3.13, the latest release.',
        ),
      );
    });
    expect(out).toMatch(/topics\/http\.md: summary: calls Python 3\.13 the newest/);
  });

  it('names the field of a list entry that is wrong', async () => {
    const out = await problemsWith('Nothing to see.', LIST.replace('latest: "27"', 'latest: "twenty-seven"'));
    expect(out).toMatch(/current-releases\.yaml: releases\[1\]\.latest: must be a version number/);
  });

  it('holds the site to its own list, which names the products the pages cite', () => {
    const { releases, issues } = readReleases('content');
    expect(issues).toEqual([]);
    const products = releases.map((r) => r.product);
    for (const product of ['Python', 'Go', 'PostgreSQL', 'Laravel', 'Node.js', 'Java'])
      expect(products, product).toContain(product);
  });
});
