/**
 * What the offline lists say of a built page (offline.ts): its title, and the page of a lab in a roadmap's language.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { localeOfPath, pathIn } from '../i18n/locales.ts';
import { withoutSiteName } from '../lib/site/site.ts';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" };
/** A page's title, without the site's name. */
export function titleOf(html: string): string {
  const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
  return withoutSiteName(title.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, name: string) => ENTITIES[name]!));
}

/** A built file's path in `dist`, for a URL (a page's URL ends in "/"). */
export const fileOf = (dist: string, url: string) => join(dist, url.endsWith('/') ? `${url}index.html` : url);

/** A lab page in the language of the roadmap page `page`, where it is translated; else the English one. */
export function localLab(dist: string, page: string, lab: { url: string; title: string }) {
  const url = pathIn(localeOfPath(page), lab.url);
  return url !== lab.url && existsSync(fileOf(dist, url))
    ? { url, title: titleOf(readFileSync(fileOf(dist, url), 'utf8')) }
    : lab;
}
