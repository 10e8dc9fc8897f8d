/**
 * Astro's glob() loader for the prose collections, with plain-Markdown MDX rendered at content sync
 * (static-mdx.ts). The HTML is kept in Astro's content store, so a later build re-renders only the files that
 * changed, and no JavaScript module is compiled or imported for these entries. An entry that uses an MDX feature
 * is left to the MDX integration, as glob() alone would do.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isSatteriProcessor } from '@astrojs/markdown-satteri';
import type { AstroConfig, ContentEntryType } from 'astro';
import { glob } from 'astro/loaders';
import type { Loader, LoaderContext } from 'astro/loaders';
import { packageVersion } from './package-version.ts';
import { renderStaticMdx } from './static-mdx.ts';

type GlobOptions = Parameters<typeof glob>[0];
type DataEntry = Parameters<LoaderContext['store']['set']>[0];
type Rendered = NonNullable<DataEntry['rendered']>;
type EntryTypes = Map<string, ContentEntryType>;
/** The context Astro hands a loader, with the entry types by extension that glob() reads (not in Astro's public type). */
type GlobContext = LoaderContext & { entryTypes?: EntryTypes };

/** What the render function returns for a body the MDX integration must compile; the store entry is then deferred. */
const FOR_THE_MDX_INTEGRATION = { html: '', metadata: { forTheMdxIntegration: true } } as const satisfies Rendered;

/** The processor's hast plugins and features, as the MDX integration compiles with them; none unless it is satteri. */
function rendererOptions(config: AstroConfig) {
  const processor = config.markdown.processor;
  if (!isSatteriProcessor(processor)) return undefined;
  const features = {
    ...processor.options.features,
    gfm: config.markdown.gfm !== false,
    smartPunctuation: config.markdown.smartypants !== false,
  };
  return { hastPlugins: processor.options.hastPlugins, features };
}

/** The packages whose versions decide the HTML rendered at sync: the MDX parser, the highlighter, heading ids, diagrams. */
const RENDERER_PACKAGES = ['satteri', 'shiki', '@astrojs/markdown-satteri', 'astro', 'beautiful-mermaid', 'svgo'];

/**
 * A fingerprint of the renderer: its packages' versions, this folder's sources (the loader, the renderer, the
 * highlighter and its theme), the features and the hast plugins. Part of each entry's digest, so HTML stored by
 * an earlier build is rendered again when any of them changes, not only when the entry's file does.
 */
export function rendererKey(config: AstroConfig): string {
  const hash = createHash('sha256');
  for (const name of RENDERER_PACKAGES) hash.update(`${name}@${packageVersion(name, fileURLToPath(config.root))}\n`);
  const here = new URL('./', import.meta.url);
  for (const file of readdirSync(here)
    .filter((name) => name.endsWith('.ts'))
    .sort())
    hash.update(`${file}\n${readFileSync(new URL(file, here), 'utf8')}\n`);
  const options = rendererOptions(config);
  hash.update(JSON.stringify(options?.features ?? null));
  for (const plugin of options?.hastPlugins ?? []) hash.update(String(plugin));
  return hash.digest('hex');
}

/** `.mdx` rendered at sync when its body is plain Markdown; every other entry type as Astro registered it. */
function withStaticMdx(entryTypes: EntryTypes): EntryTypes {
  const mdx = entryTypes.get('.mdx');
  if (!mdx) return entryTypes;
  const staticMdx: ContentEntryType = {
    ...mdx,
    getRenderFunction:
      async (config: AstroConfig) =>
      async ({ data, body, filePath }: DataEntry) => {
        // Another Markdown processor would print other HTML than satteri does: the MDX integration renders everything.
        const options = rendererOptions(config);
        if (!options) return FOR_THE_MDX_INTEGRATION;
        try {
          const rendered = await renderStaticMdx(body ?? '', {
            ...options,
            ...(filePath ? { fileURL: pathToFileURL(filePath) } : {}),
          });
          if (!rendered) return FOR_THE_MDX_INTEGRATION;
          return { html: rendered.html, metadata: { headings: rendered.headings, frontmatter: data, imagePaths: [] } };
        } catch {
          // The MDX integration compiles it instead, and reports the error with the file and line.
          return FOR_THE_MDX_INTEGRATION;
        }
      },
  };
  return new Map([...entryTypes, ['.mdx', staticMdx]]);
}

/** glob() for MDX prose; entries whose body needs the MDX integration are stored for it, as glob() stores them. */
export function proseLoader(options: GlobOptions): Loader {
  const inner = glob(options);
  return {
    name: 'prose-loader',
    load: (context: GlobContext) => {
      if (!context.entryTypes) {
        context.logger.warn(
          'this Astro version hands loaders no entry types: prose is compiled per entry by the MDX integration (slower builds)',
        );
        return inner.load(context);
      }
      const renderer = rendererKey(context.config);
      return inner.load({
        ...context,
        entryTypes: withStaticMdx(context.entryTypes),
        // A stored entry is rendered again when its file changes, and when the renderer does.
        generateDigest: (data) => context.generateDigest(typeof data === 'string' ? `${renderer}\n${data}` : data),
        store: {
          ...context.store,
          set: (entry) => {
            if (!entry.rendered?.metadata?.forTheMdxIntegration) return context.store.set(entry);
            const { rendered: _, ...rest } = entry;
            return context.store.set({ ...rest, deferredRender: true });
          },
        },
      } as GlobContext);
    },
  };
}
