/**
 * The link preview card (og:image) of each translated roadmap and topic in Brazilian Portuguese: its title from the
 * translation, its facts in the dictionary's words (src/i18n/), the rest from the English entry.
 */
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getCollection } from 'astro:content';
import { cachedCardPng } from '../../../../lib/cards/link-preview-card.ts';
import { cardInput } from '../../../../lib/cards/link-preview-content.ts';
import { translationsOf } from '../../../../i18n/content.ts';
import { messages } from '../../../../i18n/index.ts';

export const getStaticPaths = (async () =>
  (
    await Promise.all(
      (['roadmaps', 'topics'] as const).map(async (collection) => {
        const translations = await translationsOf('pt-br', collection);
        return (await getCollection(collection))
          .filter((entry) => translations.has(entry.id))
          .map((entry) => ({
            params: { collection, id: entry.id },
            props: {
              card: {
                ...cardInput(collection, entry, messages('pt-br').card),
                title: translations.get(entry.id)!.data.title,
              },
            },
          }));
      }),
    )
  ).flat()) satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = async ({ props }) =>
  new Response(new Uint8Array(await cachedCardPng(props.card)), { headers: { 'Content-Type': 'image/png' } });
