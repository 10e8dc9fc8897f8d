/** The site's own link preview card in Brazilian Portuguese, for the Portuguese pages that have none of their own. */
import type { APIRoute } from 'astro';
import { cachedCardPng } from '../../../lib/cards/link-preview-card.ts';
import { siteCard } from '../../../lib/cards/link-preview-content.ts';
import { messages } from '../../../i18n/index.ts';

export const GET: APIRoute = async () =>
  new Response(new Uint8Array(await cachedCardPng(siteCard(messages('pt-br').card))), {
    headers: { 'Content-Type': 'image/png' },
  });
