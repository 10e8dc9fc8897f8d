/**
 * The collections' loader: Astro's `glob()` reads every content file, and the content check (integrity.ts) runs on
 * what it read, so content is read once, by Astro's content layer. A file is checked on its own when glob() parses it
 * (new, or changed since the last sync) and is stored only when sound, so a file that failed is parsed and checked
 * again next time rather than served from the cache. Once every collection has loaded, the rules between entries run
 * on the whole store, and any problem fails the sync with the file and field named: `astro build`, `astro dev`,
 * `astro sync`, `astro check` and `npm run content:check` all stop on it.
 */
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'astro/zod';
import { type DataStore, glob, type Loader, type LoaderContext } from 'astro/loaders';
import { COLLECTIONS, type CollectionName } from '../../schemas/shared.ts';
import { CONTENT_DIR, entryIdOf, EXTENSIONS } from './content-files.ts';
import { checkBody, checkContent, checkFile, formatIssues, type LoadedCollection, readReleases } from './integrity.ts';
import { latestToday } from './integrity/change-dates.ts';
import { checkContracts, readContracts } from './integrity/contracts.ts';
import { type ContentFile, type ContentIssue, formatPath, type ParsedEntry } from './integrity/entries.ts';
import { readVocabulary } from './learner-vocabulary.ts';
import { type TopicFloors, topicFloorsFromEnv } from './integrity/topic-depth.ts';
import { count } from '../../core/format/words.ts';

export interface ContentCheckOptions {
  /** The folder of the collections, from the project root or absolute. */
  contentDir?: string;
  /** The last day an entry's dates may name, YYYY-MM-DD; the latest day anywhere on Earth when the sync starts. */
  today?: string;
  topicFloors?: TopicFloors;
}

/** The content has problems; the message lists them, one "file: field: message" line each. */
export class ContentProblems extends Error {
  readonly issues: readonly ContentIssue[];
  constructor(issues: readonly ContentIssue[]) {
    super(`Content has ${count(issues.length, 'problem')}:\n${formatIssues(issues)}`);
    this.name = 'ContentProblems';
    this.issues = issues;
  }
}

/** Why Astro refused a file's data, field by field: its own error stops at the first file and names no field path. */
async function schemaIssues(schema: z.ZodType, data: unknown, file: string, refusal: unknown): Promise<ContentIssue[]> {
  // reportInput tells "required but missing" apart from a value of the wrong type (e.g. a source given as text).
  const result = await schema.safeParseAsync(data, { reportInput: true });
  if (result.success) return [{ file, field: '(file)', message: String((refusal as Error).message) }];
  return result.error.issues.map((issue) => ({
    file,
    field: formatPath(issue.path),
    message: issue.code === 'invalid_type' && issue.input === undefined ? 'is required but missing' : issue.message,
  }));
}

/** A collection as loaded; not `complete` when glob() stopped at a file it could not read. */
type Loaded = LoadedCollection & { complete: boolean };

/**
 * The checks of a file glob() is about to store, with the frontmatter and the body's first line read from the file:
 * `checkFile`, or only `checkBody` when its data was refused.
 */
function checkStored(
  collection: CollectionName,
  entry: Parameters<DataStore['set']>[0],
  path: string,
  today: string,
  refused: boolean,
): ContentIssue[] {
  const text = readFileSync(path, 'utf8');
  const body = entry.body ?? '';
  // Astro keeps the body trimmed: where it ends in the file says where it starts, for line numbers.
  const start = text.trimEnd().length - body.length;
  const checked = {
    collection,
    id: entry.id,
    file: entry.filePath!,
    body,
    bodyLine: text.slice(0, start).split('\n').length,
  };
  return refused ? checkBody(checked) : checkFile({ ...checked, data: entry.data }, text.slice(0, start), today);
}

/**
 * One collection's load: glob()'s hooks, and what they found. Every file and its id; the problems of single files;
 * the entries that passed their schema but not `checkFile`, which are not stored yet still count for the rules between
 * entries (a topic's hours, its references). Problems of a file changed under `astro dev` after the load are logged,
 * as Astro logs its own.
 */
class CollectionCheck {
  readonly #collection: CollectionName;
  readonly #schema: z.ZodType;
  readonly #context: LoaderContext;
  readonly #base: string;
  readonly #root: string;
  readonly #today: string;
  readonly #found = new Map<string, string>();
  readonly #issues: ContentIssue[] = [];
  readonly #held: ParsedEntry[] = [];
  /** Files whose data Astro refused: glob() stores them all the same, unless told otherwise here. */
  readonly #refused = new Set<string>();
  #loading = true;
  /** The store glob() writes to: an entry is stored once its file passed. */
  readonly store: DataStore;

  constructor(
    collection: CollectionName,
    schema: z.ZodType,
    context: LoaderContext,
    { base, today }: { base: string; today: string },
  ) {
    this.#collection = collection;
    this.#schema = schema;
    this.#context = context;
    this.#base = base;
    this.#root = fileURLToPath(context.config.root);
    this.#today = today;
    this.store = { ...context.store, set: (entry) => this.#store(entry) };
  }

  /** A path as the store and the messages give it: from the project root, with forward slashes. */
  #fileOf = (path: string) => relative(this.#root, path).replaceAll('\\', '/');

  #report(problems: readonly ContentIssue[]) {
    if (this.#loading) this.#issues.push(...problems);
    else if (problems.length) this.#context.logger.error(formatIssues(problems));
  }

  /** An entry's id is its file name; every file is noted, with its id, for the ids and duplicates checks. */
  generateId = ({ entry }: { entry: string }) => {
    const id = entryIdOf(entry);
    this.#found.set(this.#fileOf(resolve(this.#root, this.#base, entry)), id);
    return id;
  };

  parseData: LoaderContext['parseData'] = async (props) => {
    try {
      return await this.#context.parseData(props);
    } catch (refusal) {
      const file = this.#fileOf(props.filePath!);
      this.#refused.add(file);
      this.#report(await schemaIssues(this.#schema, props.data, file, refusal));
      return props.data;
    }
  };

  #store(entry: Parameters<DataStore['set']>[0]): boolean {
    const file = entry.filePath!;
    const refused = this.#refused.delete(file);
    const problems = checkStored(this.#collection, entry, join(this.#root, file), this.#today, refused);
    if (!refused && problems.length === 0) return this.#context.store.set(entry);
    this.#report(problems);
    if (!refused)
      this.#held.push({
        entry: { collection: this.#collection, id: entry.id, file, body: entry.body ?? '' },
        data: entry.data,
      });
    this.#context.store.delete(entry.id);
    return false;
  }

  /** glob() stopped at a file its YAML reader cannot read; Astro's error names the file. */
  unreadable(error: unknown) {
    const file = (error as { loc?: { file?: string } }).loc?.file;
    this.#report([
      {
        file: file ? this.#fileOf(file) : this.#base,
        field: '(file)',
        message: `could not be read: ${(error as Error).message}`,
      },
    ]);
  }

  /** The collection as loaded: the files found, the entries stored and held, sorted by file. */
  result(complete: boolean): Loaded {
    this.#loading = false;
    const byFile = (a: { file: string }, b: { file: string }) => a.file.localeCompare(b.file, 'en');
    const collection = this.#collection;
    const files: ContentFile[] = [...this.#found].map(([file, id]) => ({ collection, id, file })).sort(byFile);
    const stored = this.#context.store
      .values()
      .map((e) => ({ entry: { collection, id: e.id, file: e.filePath!, body: e.body ?? '' }, data: e.data }));
    const entries = [...stored, ...this.#held].sort((a, b) => byFile(a.entry, b.entry));
    return { files, entries, issues: this.#issues, complete };
  }
}

/** Loads one collection with glob(), checking each file as it is parsed. */
async function loadChecked(
  collection: CollectionName,
  schema: z.ZodType,
  context: LoaderContext,
  options: ContentCheckOptions,
): Promise<Loaded> {
  const base = join(options.contentDir ?? CONTENT_DIR, collection);
  const check = new CollectionCheck(collection, schema, context, { base, today: options.today ?? latestToday() });
  const extensions = EXTENSIONS[collection];
  const pattern = extensions.length === 1 ? `**/*${extensions[0]}` : `**/*{${extensions.join(',')}}`;
  try {
    await glob({ pattern, base, generateId: check.generateId }).load({
      ...context,
      store: check.store,
      parseData: check.parseData,
    });
    return check.result(true);
  } catch (error) {
    check.unreadable(error);
    return check.result(false);
  }
}

/**
 * The loaders of one content configuration. Each collection's loader reports to the check, and the last of a sync
 * to finish runs the rules between entries and throws ContentProblems if anything is wrong.
 */
export function checkedLoaders(
  options: ContentCheckOptions = {},
): (collection: CollectionName, schema: z.ZodType) => Loader {
  const loaded = new Map<CollectionName, Loaded>();
  return (collection, schema) => ({
    name: 'backend-atlas:checked-glob',
    load: async (context) => {
      loaded.set(collection, await loadChecked(collection, schema, context, options));
      if (loaded.size < COLLECTIONS.length) return;
      const collections = COLLECTIONS.map((name) => loaded.get(name)!);
      loaded.clear();
      // Entries glob() never reached would read as broken references: with a file unread, its problems come first.
      const releases = readReleases(options.contentDir ?? CONTENT_DIR);
      const contracts = await readContracts(options.contentDir ?? CONTENT_DIR);
      const issues = collections.every((c) => c.complete)
        ? [
            ...releases.issues,
            ...contracts.issues,
            ...checkContracts(
              contracts.contracts,
              collections.flatMap((c) => c.entries),
            ),
            ...checkContent(collections, {
              topicFloors: options.topicFloors ?? topicFloorsFromEnv(),
              releases: releases.releases,
              vocabulary: readVocabulary(options.contentDir ?? CONTENT_DIR),
            }),
          ]
        : collections.flatMap((c) => c.issues);
      if (issues.length > 0) throw new ContentProblems(issues);
      const count = collections.reduce((sum, c) => sum + c.files.length, 0);
      context.logger.info(
        `${count} content files checked: references, ids, aliases, roadmap rules, prose syntax and diagrams are sound.`,
      );
    },
  });
}
