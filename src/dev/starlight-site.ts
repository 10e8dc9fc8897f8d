/**
 * The Starlight site `npm run bench:build -- --vs-starlight` builds beside ours (src/cli/bench-build.ts): the same
 * topic pages with Starlight's defaults (Expressive Code, Pagefind), and, in the run with cards, a link preview
 * card per page drawn by astro-og-canvas, which is how Starlight sites get theirs (an `og/[...slug]` route and an
 * og:image tag added by route middleware, as in astro-og-canvas's Starlight recipe).
 */
import { dump } from 'js-yaml';
import { parseProseFile } from '../lib/content/content-files.ts';

/** The releases compared against; Starlight must accept the Astro version the site uses. */
export const STARLIGHT_PACKAGES = { '@astrojs/starlight': '0.42.4', 'astro-og-canvas': '0.13.2' } as const;

/** The font files of our cards, copied into the Starlight project so both draw the same face. */
export const CARD_FONTS = ['inter-latin-400-normal.woff', 'inter-latin-700-normal.woff'];

/** The same topic as a Starlight docs page: title and description, and the same Markdown body. */
export function starlightPage(text: string): string {
  const { data, body, parseError } = parseProseFile(text);
  if (parseError) throw new Error(parseError);
  const { title, summary } = data as { title: string; summary: string };
  return `---\n${dump({ title, description: summary }, { lineWidth: -1 }).trimEnd()}\n---\n${body}`;
}

/**
 * A card like ours: the title in bold over the summary, in our colours and font (copied into the Starlight site's
 * own fonts folder). The sidebar has one link instead of every page, since a sidebar of N links on each of N pages
 * grows quadratically.
 */
const cardRoute = `import { getCollection } from 'astro:content';
import { OGImageRoute } from 'astro-og-canvas';

const pages = Object.fromEntries((await getCollection('docs')).map(({ id, data }) => [id, data]));

export const { getStaticPaths, GET } = await OGImageRoute({
  param: 'slug',
  pages,
  getImageOptions: (_id, page) => ({
    title: page.title,
    description: page.description ?? '',
    bgGradient: [[15, 26, 42]],
    border: { color: [124, 184, 245], width: 12 },
    padding: 72,
    fonts: ${JSON.stringify(CARD_FONTS.map((name) => `./src/fonts/${name}`))},
    font: {
      title: { families: ['Inter'], weight: 'Bold', size: 62, color: [242, 245, 248] },
      description: { families: ['Inter'], size: 30, color: [197, 208, 219] },
    },
  }),
});
`;

const cardTag = `import { defineRouteMiddleware } from '@astrojs/starlight/route-data';

export const onRequest = defineRouteMiddleware((context) => {
  const { id, head } = context.locals.starlightRoute;
  const image = new URL(\`/og/\${id || 'index'}.png\`, context.site);
  head.push({ tag: 'meta', attrs: { property: 'og:image', content: image.href } });
});
`;

/** The Starlight project's own files (besides the topic pages and fonts), by path: with or without cards. */
export function starlightFiles(cards: boolean): Record<string, string> {
  const options = [
    `title: 'Backend Atlas benchmark'`,
    `sidebar: [{ label: 'Home', link: '/' }]`,
    ...(cards ? [`routeMiddleware: './src/card-tag.ts'`] : []),
  ];
  return {
    'astro.config.mjs': `import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
export default defineConfig({
  site: 'https://bench.example',
  integrations: [starlight({ ${options.join(', ')} })],
});
`,
    'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`,
    'src/content/docs/index.md': '---\ntitle: Backend Atlas benchmark\n---\n\nTopic pages built with Starlight.\n',
    ...(cards ? { 'src/pages/og/[...slug].ts': cardRoute, 'src/card-tag.ts': cardTag } : {}),
  };
}
