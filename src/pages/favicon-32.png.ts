/** A bitmap favicon for browsers without SVG favicons. */
import type { APIRoute } from 'astro';
import { markPng } from '../lib/site-icons';

export const GET: APIRoute = () => new Response(new Uint8Array(markPng(32)), { headers: { 'Content-Type': 'image/png' } });
