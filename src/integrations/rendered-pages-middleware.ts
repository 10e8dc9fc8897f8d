/**
 * Middleware added by the pagefind() integration for `astro build`: hands each prerendered HTML page to the page
 * sink (src/lib/content/rendered-pages.ts) and returns the same page. Without a sink (dev, or any other command) it does
 * nothing.
 */
import { defineMiddleware } from 'astro:middleware';
import { pageFile, pageSink } from '../lib/content/rendered-pages.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  const slot = context.isPrerendered ? pageSink()?.reserve() : undefined;
  if (!slot) return next();
  try {
    const response = await next();
    if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
    const html = await response.text();
    slot({ file: pageFile(context.url.pathname), html });
    return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
  } finally {
    slot(); // a response that is not a page, or failed, still frees its place in the order (a second call does nothing)
  }
});
