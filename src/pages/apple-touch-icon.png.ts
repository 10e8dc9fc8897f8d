/** The home-screen icon for iOS and others (180 × 180). */
import type { APIRoute } from 'astro';
import { markPng } from '../lib/icons/site-icons.ts';

export const GET: APIRoute = async () =>
  new Response(await markPng(180, { tile: true }), { headers: { 'Content-Type': 'image/png' } });
