/** A bitmap favicon for browsers without SVG favicons. */
import type { APIRoute } from 'astro';
import { markPng } from '../lib/icons/site-icons.ts';

export const GET: APIRoute = () =>
  new Response(new Uint8Array(markPng(32)), { headers: { 'Content-Type': 'image/png' } });
