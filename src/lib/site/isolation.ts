/**
 * Cross-origin isolation for the lab pages, IMPORTED IN BOTH SERVER- AND CLIENT-SIDE CODE: the build writes it into
 * dist/_headers (src/integrations/security-headers.ts) and the service worker adds it to the responses it serves
 * (src/components/offline/service-worker.ts), for hosts that send no headers. An isolated page may share memory with
 * its workers, which is how the Python labs stop a runaway run without ending the interpreter (python-lab.ts). Every
 * file the site loads is its own, so `require-corp` blocks nothing; the scripts a lab page starts as workers carry the
 * embedder policy too, as an isolated page's workers must.
 */

import { LOCALES, sourcePath } from '../../i18n/locales.ts';

/** The pages that are isolated: the lab pages (and the lab list, which shares their path), in every language. */
export const ISOLATED_PAGES = Object.values(LOCALES).map(({ prefix }) => `${prefix}/labs/*`);
/** The files whose scripts may run as an isolated page's workers: the lab engines, and search's. */
export const WORKER_SCRIPTS = ['/_astro/*', '/pagefind/*'] as const;

export const PAGE_ISOLATION: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};
export const WORKER_ISOLATION: Readonly<Record<string, string>> = {
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** The isolation headers a response for `path` carries (a page under /labs/ or /pt-br/labs/, a file under /_astro/), if any. */
export function isolationHeaders(path: string): Readonly<Record<string, string>> {
  if (sourcePath(path).startsWith('/labs/')) return PAGE_ISOLATION;
  if (path.startsWith('/_astro/') || path.startsWith('/pagefind/')) return WORKER_ISOLATION;
  return {};
}
