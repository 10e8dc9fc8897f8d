import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';
import { COLLECTIONS, type CollectionName } from '../../schemas/shared.ts';
import { contentDir } from '../../environment.ts';

/** Where the authors' content lives. ATLAS_CONTENT_DIR points a build at another tree (used by tests). */
export const CONTENT_DIR = contentDir();

/**
 * File extensions of each collection: data-only tables are YAML; prose is Markdown, and MDX only where an entry
 * uses a component or an expression (Astro renders Markdown once and keeps it in its content store; MDX compiles
 * into a module per entry).
 */
export const EXTENSIONS: Record<CollectionName, readonly string[]> = {
  roadmaps: ['.md', '.mdx'],
  topics: ['.md', '.mdx'],
  labs: ['.md', '.mdx'],
  timelines: ['.yaml'],
  roles: ['.md', '.mdx'],
  questions: ['.md', '.mdx'],
  projects: ['.md', '.mdx'],
  comparisons: ['.yaml'],
};

/** Whether a file name is a content file of a collection. */
const isEntryFile = (collection: CollectionName, name: string) =>
  EXTENSIONS[collection].some((extension) => name.endsWith(extension));

/** An entry's id: its file name without the extension. It is the URL segment and never changes once published. */
export const entryIdOf = (path: string): string => path.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');

/** One content file as read from disk, before validation. */
export interface RawEntry {
  collection: CollectionName;
  /** The id the entry gets: its file name without extension. */
  id: string;
  /** Path relative to the working directory, for error messages. */
  file: string;
  /** Frontmatter (Markdown, MDX) or the whole document (YAML); undefined when it could not be parsed. */
  data: unknown;
  /** Markdown or MDX body, without the frontmatter. */
  body: string;
  /** Line of the file on which the body starts (1-based). */
  bodyLine: number;
  /** Parse error of the frontmatter/YAML, if any. */
  parseError?: string;
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

function walk(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/**
 * YAML as data, by the YAML 1.2 core schema: an unquoted date stays the text it is (daySchema reads both it and the
 * Date Astro's reader makes). js-yaml is the reader Astro itself uses, and it reads frontmatter several times faster
 * than the `yaml` package (figures in docs/benchmarks.md, "Measured choices").
 */
export const parseYaml = (text: string): unknown => load(text, { schema: CORE_SCHEMA });

/** Splits a Markdown or MDX file into frontmatter data and body. */
export function parseProseFile(text: string): Pick<RawEntry, 'data' | 'body' | 'bodyLine' | 'parseError'> {
  const match = FRONTMATTER.exec(text);
  if (!match)
    return {
      data: undefined,
      body: text,
      bodyLine: 1,
      parseError: 'no frontmatter block (--- … ---) at the top of the file',
    };
  const bodyLine = match[0].split('\n').length;
  try {
    return { data: parseYaml(match[1]!) ?? {}, body: text.slice(match[0].length), bodyLine };
  } catch (error) {
    return {
      data: undefined,
      body: text.slice(match[0].length),
      bodyLine,
      parseError: `frontmatter is not valid YAML: ${(error as Error).message}`,
    };
  }
}

/** Parsed files by path, with the text they were parsed from: a build step reading the tree again re-parses only what changed. */
const parsedFiles = new Map<string, { text: string; entry: RawEntry }>();

/**
 * Reads every content file of every collection under `root` (or of `collections` only), for what runs outside
 * Astro's content layer: the alias redirects (set up before Astro reads the collections), command-line tools and
 * tests. The build's collections and the content check read the tree through the content layer (content-loader.ts).
 * Each file's YAML is parsed once per process unless its text changed. Treat the entries as read-only: they are shared.
 */
export function readContentDir(
  root: string = CONTENT_DIR,
  collections: readonly CollectionName[] = COLLECTIONS,
): RawEntry[] {
  const entries: RawEntry[] = [];
  for (const collection of collections) {
    for (const path of walk(join(root, collection)).sort()) {
      if (!isEntryFile(collection, path)) continue;
      const text = readFileSync(path, 'utf8');
      const file = relative(process.cwd(), path);
      const cached = parsedFiles.get(path);
      if (cached && cached.text === text && cached.entry.file === file && cached.entry.collection === collection) {
        entries.push(cached.entry);
        continue;
      }
      const entry = parseContentFile(collection, path, file, text);
      parsedFiles.set(path, { text, entry });
      entries.push(entry);
    }
  }
  return entries;
}

function parseContentFile(collection: CollectionName, path: string, file: string, text: string): RawEntry {
  const id = entryIdOf(path);
  if (!path.endsWith('.yaml')) return { collection, id, file, ...parseProseFile(text) };
  try {
    return { collection, id, file, data: parseYaml(text), body: '', bodyLine: 1 };
  } catch (error) {
    return {
      collection,
      id,
      file,
      data: undefined,
      body: '',
      bodyLine: 1,
      parseError: `not valid YAML: ${(error as Error).message}`,
    };
  }
}
