/** The web app manifest's icons (src/pages/manifest.webmanifest.ts): 192 and 512 px, and a maskable 512. */
import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { APP_ICONS, markPng } from '../lib/icons/site-icons.ts';

export const getStaticPaths = (() =>
  APP_ICONS.map(({ size, maskable }) => ({
    params: { name: `${size}${maskable ? '-maskable' : ''}` },
    props: { size, maskable },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = async ({ props }) =>
  new Response(await markPng(props.size, { maskable: props.maskable }), {
    headers: { 'Content-Type': 'image/png' },
  });
