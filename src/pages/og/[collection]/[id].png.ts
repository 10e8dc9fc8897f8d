/** The link preview card (og:image) of each roadmap, topic, role, question and project, from the entries Astro loads. */
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getCollection } from 'astro:content';
import { cachedCardPng } from '../../../lib/cards/link-preview-card.ts';
import { CARD_COLLECTIONS, cardInput } from '../../../lib/cards/link-preview-content.ts';
import { rolesById } from '../../../lib/roles/proficiency.ts';
import { messages } from '../../../i18n/index.ts';

export const getStaticPaths = (async () => {
  const roles = rolesById(await getCollection('roles'));
  return (
    await Promise.all(
      CARD_COLLECTIONS.map(async (collection) =>
        (await getCollection(collection)).map((entry) => ({
          params: { collection, id: entry.id },
          props: { card: cardInput(collection, entry, messages('en').card, roles) },
        })),
      ),
    )
  ).flat();
}) satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = async ({ props }) =>
  new Response(new Uint8Array(await cachedCardPng(props.card)), { headers: { 'Content-Type': 'image/png' } });
