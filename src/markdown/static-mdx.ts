/**
 * An MDX body as HTML, when it is plain Markdown. Most prose on the site uses no MDX feature (no components,
 * imports or {expressions}); such a body renders the same on every page, so it is rendered once, at content
 * sync, instead of being compiled into a JavaScript module per entry that Vite bundles and every page imports.
 * The body is parsed as MDX, with the plugins and features the MDX integration uses, so its HTML is what the
 * integration would print. A body that uses an MDX feature, or fails here, is left to the integration.
 */
import { type Features, type HastPluginList, evaluate, type MdastNode, mdxToMdast } from 'satteri';
import { satteriHeadingIdsPlugin } from '@astrojs/markdown-satteri';
import type { MarkdownHeading } from 'astro';

export interface StaticMdx {
  html: string;
  /** The body's headings, as Astro's `render()` returns them (the table of contents reads these). */
  headings: MarkdownHeading[];
}

export interface StaticMdxOptions {
  /** The site's hast plugins (code highlighting), run before heading ids as in the MDX integration. */
  hastPlugins: HastPluginList;
  features: Features;
  fileURL?: URL;
}

/** mdast node types only MDX has: components, imports and exports, and {expressions}. */
const MDX_NODE = /^mdx/;

/** Whether a node or any node below it is an MDX feature, or an image (the integration turns those into components). */
function usesMdx(node: MdastNode): boolean {
  if (MDX_NODE.test(node.type) || node.type === 'image' || node.type === 'imageReference') return true;
  return 'children' in node && Array.isArray(node.children) && (node.children as MdastNode[]).some(usesMdx);
}

/** The component the static parts of a compiled body are handed to, with their HTML. */
const STATIC_HTML = 'StaticHtml';
const staticPart = Symbol('static part');
type Part = { [staticPart]: string } | null;

/**
 * The body's HTML and headings, or undefined when the body needs the MDX integration (it uses components,
 * imports, expressions or images). Throws when the body is not valid MDX.
 */
export async function renderStaticMdx(
  body: string,
  { hastPlugins, features, fileURL }: StaticMdxOptions,
): Promise<StaticMdx | undefined> {
  if (usesMdx(mdxToMdast(body, { features }))) return undefined;
  // Astro's per-file data, as satteri's plugins type it; only the heading ids write to it here (a plain body has no
  // image and no {frontmatter.…} expression).
  const astro = {
    frontmatter: {},
    headings: [] as MarkdownHeading[],
    localImagePaths: new Set<string>(),
    remoteImagePaths: new Set<string>(),
  };
  // Compiled with every static subtree folded into one HTML string (the MDX integration's `optimize`), the body
  // of a plain document is a single <StaticHtml set:html="…"> and nothing else.
  const jsx = (type: unknown, props: unknown): Part => {
    const html = (props as Record<string, unknown>)['set:html'];
    return type === staticHtml && typeof html === 'string' && Object.keys(props as object).length === 1
      ? { [staticPart]: html }
      : null;
  };
  const staticHtml = () => null;
  const compiled = (await evaluate(body, {
    Fragment: Symbol('fragment'),
    jsx,
    jsxs: jsx,
    hastPlugins: [...hastPlugins, satteriHeadingIdsPlugin()],
    features,
    ...(fileURL ? { fileURL } : {}),
    optimizeStatic: { component: STATIC_HTML, prop: 'set:html' },
    elementAttributeNameCase: 'html',
    data: { astro },
  })) as { default: (props: { components: Record<string, unknown> }) => Part | undefined };
  const result = compiled.default({ components: { [STATIC_HTML]: staticHtml } });
  if (result === undefined || result === null)
    return body.trim() === '' ? { html: '', headings: astro.headings } : undefined;
  return { html: result[staticPart], headings: astro.headings };
}
