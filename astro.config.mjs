// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import { satteri } from '@astrojs/markdown-satteri';
import { defineConfig } from 'astro/config';
import { focusableCodeBlocks } from './src/markdown/focusable-code-blocks.ts';
import aliasRedirects from './src/integrations/alias-redirects.ts';
import contentIntegrity from './src/integrations/content-integrity.ts';
import pagefind from './src/integrations/pagefind.ts';
import securityHeaders from './src/integrations/security-headers.ts';
import shareCards from './src/integrations/share-cards.ts';

/** The public origin the site is served from; canonical URLs, the sitemap and share cards use it. */
const site = process.env.SITE_URL ?? 'https://backend-atlas.dev';

export default defineConfig({
  // Plain, theme-coloured code blocks: highlighters emit inline styles, which the CSP forbids.
  markdown: { syntaxHighlight: false, processor: satteri({ hastPlugins: [focusableCodeBlocks] }) },
  site,
  trailingSlash: 'always',
  integrations: [contentIntegrity(), aliasRedirects(), shareCards(), mdx(), sitemap({ filter: (page) => !page.includes('/404') }), pagefind(), securityHeaders()],
  vite: { plugins: [tailwindcss()] },
  security: {
    csp: {
      directives: ["default-src 'self'", "img-src 'self' data:", "font-src 'self'", "connect-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
});
