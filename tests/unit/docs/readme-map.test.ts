/**
 * The README's map of the code ("Where things are") stays the shape of the tree. The map is a code block: a line
 * that starts with a path (`src/lib/`, `src/content.config.ts`) lists it, a line indented two spaces that starts
 * with a name (`  progress/`) lists that name inside the last folder listed, and deeper lines go on describing.
 * The test fails naming every listed path that does not exist, and every folder missing from the map: the top
 * folders (but dot-folders and what .gitignore leaves out), and the folders of src/, src/components/, src/lib/,
 * content/ and tests/; in src/ its files too.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The folders whose every subfolder the map must list; `files` when their files must be listed too. */
const COMPLETE: { dir: string; files?: boolean }[] = [
  { dir: '.' },
  { dir: 'src', files: true },
  { dir: 'src/components' },
  { dir: 'src/lib' },
  { dir: 'content' },
  { dir: 'tests' },
];

/** The paths the map lists, from the project root, without a trailing slash. */
function mapPaths(readme: string): string[] {
  const section = readme.split(/^## Where things are$/m)[1] ?? '';
  const block = /^```\n([\s\S]*?)^```$/m.exec(section)?.[1] ?? '';
  const paths: string[] = [];
  let folder = '';
  for (const line of block.split('\n')) {
    const top = /^([^\s]+)/.exec(line)?.[1];
    const inside = /^ {2}([^\s]+)/.exec(line)?.[1];
    if (top) {
      paths.push(top.replace(/\/$/, ''));
      if (top.endsWith('/')) folder = top;
    } else if (inside) paths.push(`${folder}${inside}`.replace(/\/$/, ''));
  }
  return paths;
}

const ignored = readFileSync('.gitignore', 'utf8')
  .split('\n')
  .map((line) => line.replace(/\/$/, ''));

/** What the map should list: every folder of each COMPLETE folder, and its files where asked. */
function mappable(): string[] {
  return COMPLETE.flatMap(({ dir, files }) =>
    readdirSync(dir, { withFileTypes: true })
      .filter((entry) => (entry.isDirectory() || files) && !entry.name.startsWith('.') && !ignored.includes(entry.name))
      .map((entry) => (dir === '.' ? entry.name : `${dir}/${entry.name}`)),
  );
}

const listed = mapPaths(readFileSync('README.md', 'utf8'));
/** A path is on the map when the map lists it or something inside it (`src/assets/fonts/` maps `src/assets`). */
const onMap = (path: string) => listed.some((entry) => entry === path || entry.startsWith(`${path}/`));

describe("the README's map of the code", () => {
  it('reads the map', () => {
    expect(listed).toContain('src/lib/progress');
    expect(listed).toContain('src/components/roadmap');
  });

  it('lists only paths that exist', () => {
    expect(listed.filter((path) => !existsSync(path)).map((path) => `stale: ${path}`)).toEqual([]);
  });

  it('lists every folder of the code, and every file of src/', () => {
    expect(
      mappable()
        .filter((path) => !onMap(path))
        .map((path) => `missing: ${path}`),
    ).toEqual([]);
  });
});
