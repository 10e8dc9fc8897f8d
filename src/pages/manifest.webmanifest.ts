/** The web app manifest: the site installs as "Backend Atlas" with the site mark as its icon (src/lib/icons/site-mark.ts). */
import type { APIRoute } from 'astro';
import { APP_ICONS } from '../lib/icons/site-icons.ts';
import { THEME } from '../lib/icons/site-mark.ts';

export const GET: APIRoute = () =>
  new Response(
    JSON.stringify({
      id: '/',
      name: 'Backend Atlas',
      short_name: 'Atlas',
      description:
        'Roadmaps, topics, roles and interview questions for learning backend engineering, readable offline.',
      lang: 'en',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      background_color: THEME.background,
      theme_color: THEME.brand,
      icons: APP_ICONS.map(({ size, maskable }) => ({
        src: `/icon-${size}${maskable ? '-maskable' : ''}.png`,
        sizes: `${size}x${size}`,
        type: 'image/png',
        purpose: maskable ? 'maskable' : 'any',
      })),
    }),
    { headers: { 'Content-Type': 'application/manifest+json' } },
  );
