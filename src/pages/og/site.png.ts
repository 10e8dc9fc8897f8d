/** The site's own share card, for pages that have none of their own (home, indexes). */
import type { APIRoute } from 'astro';
import { cachedCardPng } from '../../lib/share-card';
import { SITE_CARD } from '../../lib/share-card-content';

export const GET: APIRoute = async () => new Response(new Uint8Array(await cachedCardPng(SITE_CARD)), { headers: { 'Content-Type': 'image/png' } });
