/**
 * The site's own constants, each in one place: its origin and name, the theme's storage key, and how search is
 * wired (debounce, filters). Read by astro.config.mjs, the layout, the pages and the browser scripts alike.
 */

/** The public origin when SITE_URL is not set at build time; canonical URLs, the sitemap, the feed and link preview cards use it. */
export const DEFAULT_SITE_URL = 'https://backend-atlas.dev';

export const SITE_NAME = 'Backend Atlas';

/** What follows a page's title in the browser tab (the home page puts the name first instead). */
export const TITLE_SUFFIX = ` · ${SITE_NAME}`;

/** A page's title as it reads without the site's name, e.g. in a list of saved pages. */
export const withoutSiteName = (title: string): string =>
  title.endsWith(TITLE_SUFFIX) ? title.slice(0, -TITLE_SUFFIX.length) : title;

/**
 * localStorage key of the visitor's theme, 'light' or 'dark' (absent: follow the system). Written by the theme
 * toggle and read before first paint by BaseLayout's inline script.
 */
export const THEME_KEY = 'atlas-theme';

/** The search index's filters (data-pagefind-filter keys); the search page carries the same names in its URL. */
export const SEARCH_FILTERS = ['type', 'level', 'difficulty', 'role'] as const;
export type SearchFilter = (typeof SEARCH_FILTERS)[number];
