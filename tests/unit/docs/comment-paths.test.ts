/**
 * Comments and docs that name a file keep naming a file that exists. Two kinds of name are checked:
 * - a path under src/, tests/, content/ or docs/, in a comment or anywhere in a Markdown doc;
 * - a bare source file name (`share-link.ts`, `Section.astro`, `tokens.css`) in a comment, which must be the name
 *   of some file under src/ or tests/ (or a config file at the root).
 * Skipped, and why: a name followed by a glob or a placeholder (`src/components/lab/*-worker.ts`,
 * `content/labs/<id>.md`, `content/${collection}/`, `src/…`) names a pattern, not a file; a path inside another
 * project is written after its owner (`beautiful-mermaid/src/parser.ts`) or as a URL, and a name that follows a
 * `/` is not read as ours; fixture trees (tests/fixtures/) are data, not docs.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { comments } from './comments.ts';

const CODE = /\.(ts|mjs|js|astro|css)$/;
const ROOT_FILES = ['astro.config.mjs', 'eslint.config.js', 'playwright.config.ts', 'vitest.config.ts'];
const DOCS = ['README.md', 'CONTRIBUTING.md', 'content/README.md'];

/** Every file under a folder, as a path from the project root. */
const filesUnder = (dir: string) =>
  existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((name) => `${dir}/${name}`) : [];

const code = [...filesUnder('src'), ...filesUnder('tests'), ...ROOT_FILES].filter(
  (path) => CODE.test(path) && !path.startsWith('tests/fixtures/'),
);
const docs = [...DOCS, ...filesUnder('docs').filter((path) => path.endsWith('.md'))].filter((path) => existsSync(path));

/** A name ends where a path cannot go on; what follows it says whether it was a pattern. */
const PATTERN_NEXT = /^[*<{$[…]/;
const PATH = /(?<![\w@./*-])(?:src|tests|content|docs)\/[\w./-]*/g;
const BARE = /(?<![\w@./*-])[\w-]+\.(?:ts|astro|css)(?![\w/-])/g;

/** The names matching `pattern` in `text`, without a sentence's closing dot, patterns left out. */
function namesIn(text: string, pattern: RegExp): string[] {
  return [...text.matchAll(pattern)]
    .filter((m) => !PATTERN_NEXT.test(text.slice(m.index + m[0].length)))
    .map((m) => m[0].replace(/[.-]+$/, ''));
}

const sourceNames = new Set(
  [...filesUnder('src'), ...filesUnder('tests'), ...ROOT_FILES].map((path) => basename(path)),
);

/** "file: name" for every name in `files` that names nothing. */
function missing(files: string[], read: (path: string) => string[]) {
  return files.flatMap((file) => {
    const texts = read(file);
    const paths = texts.flatMap((text) => namesIn(text, PATH)).filter((path) => !existsSync(path));
    const bare = texts
      .flatMap((text) => (CODE.test(file) ? namesIn(text, BARE) : []))
      .filter((name) => !sourceNames.has(name));
    return [...new Set([...paths, ...bare])].map((name) => `${file}: ${name}`);
  });
}

describe('files named in comments and docs', () => {
  it('finds the comments and docs it reads', () => {
    expect(code.length).toBeGreaterThan(300);
    expect(docs).toContain('README.md');
  });

  it('reads names in comments only, and leaves out patterns and paths inside other projects', () => {
    const source = [
      "const glob = 'src/**/*.ts'; // the tokens (src/styles/tokens.css) and share-link.ts",
      '/** content/labs/<id>.md, src/components/lab/*-worker.ts, beautiful-mermaid/src/parser.ts. */',
      "const url = 'http://example.org/src/x.ts';",
    ].join('\n');
    const found = comments('x.ts', source).flatMap((text) => [...namesIn(text, PATH), ...namesIn(text, BARE)]);
    expect(found).toEqual(['src/styles/tokens.css', 'share-link.ts']);
  });

  it('every file a comment names exists', () => {
    expect(missing(code, (file) => comments(file, readFileSync(file, 'utf8')))).toEqual([]);
  });

  it('every file a doc names exists', () => {
    expect(missing(docs, (file) => [readFileSync(file, 'utf8')])).toEqual([]);
  });
});
