/**
 * Astro's content layer, as small as the content check's tests need: the site's loaders (src/lib/content/
 * content-loader.ts, Astro's own glob() inside) run on a content tree into in-memory stores, files read as Astro reads
 * them (frontmatter by astro/markdown's parseFrontmatter, YAML by js-yaml's default schema, so an unquoted day is a
 * Date), data parsed by the collections' schemas with references read as Astro reads them. Nothing is rendered.
 * tests/unit/content/build.test.ts runs the real content layer, through `astro build` and `npm run content:check`.
 */
import { createHash } from 'node:crypto';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseFrontmatter } from 'astro/markdown';
import type { DataStore, Loader, LoaderContext } from 'astro/loaders';
import type { ZodType } from 'astro/zod';
import { load as readYaml } from 'js-yaml';
import { checkedLoaders, type ContentCheckOptions, ContentProblems } from '../../../src/lib/content/content-loader.ts';
import { type ContentIssue, SCHEMAS } from '../../../src/lib/content/integrity.ts';
import { COLLECTIONS, type CollectionName } from '../../../src/schemas/shared.ts';

type EntryInfo = { contents: string; fileUrl: URL };
/** Astro's safeParseFrontmatter: a YAML error becomes an error located in the file. */
function readProse({ contents, fileUrl }: EntryInfo) {
  try {
    const { frontmatter, content } = parseFrontmatter(contents, { frontmatter: 'empty-with-spaces' });
    return { data: frontmatter, body: content.trim() };
  } catch (error) {
    throw Object.assign(new Error((error as Error).message), { loc: { file: fileURLToPath(fileUrl) } });
  }
}
const ENTRY_TYPES = new Map<string, object>([
  ['.md', { getEntryInfo: readProse }],
  // MDX entries are rendered by their own module (deferred), which glob() tells by this property.
  ['.mdx', { getEntryInfo: readProse, contentModuleTypes: '' }],
  ['.yaml', { getEntryInfo: ({ contents }: EntryInfo) => ({ data: readYaml(contents) }) }],
]);

/** A collection's store: entries by id, an unchanged digest left alone, as Astro's is. */
function memoryStore(): DataStore {
  const entries = new Map<string, ReturnType<DataStore['values']>[number]>();
  return {
    get: ((id: string) => entries.get(id)) as DataStore['get'],
    entries: () => [...entries],
    values: () => [...entries.values()],
    keys: () => [...entries.keys()],
    has: (id) => entries.has(id),
    delete: (id) => void entries.delete(id),
    clear: () => entries.clear(),
    set: (entry) => {
      if (entry.digest !== undefined && entries.get(entry.id)?.digest === entry.digest) return false;
      entries.set(entry.id, entry);
      return true;
    },
    addModuleImport: () => {},
  };
}

const quiet = { info() {}, warn() {}, error() {}, debug() {}, label: 'test', fork: () => quiet };

function contextFor(collection: string, store: DataStore, schema: ZodType): LoaderContext {
  const root = pathToFileURL(`${process.cwd()}/`);
  return {
    collection,
    store,
    meta: { get: () => undefined, set() {}, has: () => false, delete() {} },
    logger: quiet as unknown as LoaderContext['logger'],
    config: { root, srcDir: new URL('src/', root), prerenderConflictBehavior: 'ignore' } as LoaderContext['config'],
    parseData: async ({ data }) => {
      const result = await schema.safeParseAsync(data);
      if (!result.success) throw new Error('data does not match collection schema');
      return result.data as typeof data;
    },
    renderMarkdown: () => Promise.reject(new Error('not rendered in tests')),
    generateDigest: (data) =>
      createHash('sha1')
        .update(typeof data === 'string' ? data : JSON.stringify(data))
        .digest('hex'),
    ...{ entryTypes: ENTRY_TYPES },
  };
}

/**
 * Loads the tree at `contentDir` as a sync does, every collection into its store (fresh ones unless given, to load
 * again over what an earlier sync stored), and returns what the content check found.
 */
export async function syncTree(
  options: ContentCheckOptions & { contentDir: string },
  stores: Partial<Record<CollectionName, DataStore>> = {},
): Promise<ContentIssue[]> {
  const loader = checkedLoaders(options);
  try {
    for (const name of COLLECTIONS)
      await loader(name, SCHEMAS[name]).load(contextFor(name, (stores[name] ??= memoryStore()), SCHEMAS[name]));
    return [];
  } catch (error) {
    if (error instanceof ContentProblems) return [...error.issues];
    throw error;
  }
}

/** Runs one loader of another collection (the translations') into a fresh store, as a sync would; returns the store. */
export async function runLoader(loader: Loader, collection: string, schema: ZodType): Promise<DataStore> {
  const store = memoryStore();
  await loader.load(contextFor(collection, store, schema));
  return store;
}
