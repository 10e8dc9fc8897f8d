/** Share cards (Open Graph / Twitter images), one PNG per roadmap, topic, role, question and project, drawn at build time. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { cachedCardPng } from '../../../lib/share-card';
import { CARD_COLLECTIONS, cardInput } from '../../../lib/share-card-content';

export const getStaticPaths = (async () => {
  const paths = [];
  for (const collection of CARD_COLLECTIONS) {
    for (const entry of await getCollection(collection)) paths.push({ params: { collection, id: entry.id }, props: { card: cardInput(collection, entry) } });
  }
  return paths;
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const png = await cachedCardPng((props as { card: ReturnType<typeof cardInput> }).card);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};

