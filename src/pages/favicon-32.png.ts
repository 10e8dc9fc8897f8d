/** A bitmap favicon for browsers without SVG favicons. */
import type { APIRoute } from 'astro';
import { markPng } from '../lib/icons/site-icons.ts';

export const GET: APIRoute = async () => new Response(await markPng(32), { headers: { 'Content-Type': 'image/png' } });
