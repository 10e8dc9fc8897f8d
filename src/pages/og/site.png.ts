/** The site's own link preview card, for pages that have none of their own. */
import type { APIRoute } from 'astro';
import { cachedCardPng } from '../../lib/cards/link-preview-card.ts';
import { SITE_CARD } from '../../lib/cards/link-preview-content.ts';

export const GET: APIRoute = async () =>
  new Response(new Uint8Array(await cachedCardPng(SITE_CARD)), { headers: { 'Content-Type': 'image/png' } });
