/**
 * No page is missing in another language: every English page without a translation is served under the language's
 * prefix as it is in English (/pt-br/topics/kafka/ is /topics/kafka/), with one line in that language at the top of
 * its main content saying the page is not translated yet and linking the English page. The copy keeps the English
 * page's `lang`, canonical address and everything else, so a search engine counts one page and a screen reader reads
 * English as English; the line is marked with its own language.
 * Written last (src/cli/after-build.ts): after the search index, so search finds each page once, in the language it is
 * in; after the offline lists, so the copy of an English roadmap saves the English list, as its page says.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DEFAULT_LOCALE, LOCALES, localeOfPath, messages, pathIn, TRANSLATED_LOCALES } from '../i18n/index.ts';

/** Pages that are not content: the service worker's offline page and the not-found page. */
const NOT_CONTENT = new Set(['/offline/', '/404.html']);

/** The line a copy carries, in `locale`'s words, for the English page at `path`. */
function notice(locale: (typeof TRANSLATED_LOCALES)[number], path: string): string {
  const { fallback, readSource, translated } = messages(locale).language;
  return (
    `<p class="notice mx-auto mb-6 max-w-6xl text-sm" lang="${LOCALES[locale].lang}" data-untranslated data-pagefind-ignore="all">` +
    `${fallback} <a href="${path}" hreflang="en">${readSource}</a> · <a href="${pathIn(locale, '/')}">${translated}</a></p>`
  );
}

/**
 * Writes the copies into `dist` for the HTML files `pages` (paths from dist/, "topics/kafka/index.html"); returns what
 * it did, for the build's log. A page with no main element fails the build (its copy would have no line); a redirect
 * is copied as it is.
 */
export function writeFallbackPages(dist: string, pages: readonly string[]): string {
  let written = 0;
  for (const page of pages) {
    const path = `/${page.replace(/index\.html$/, '')}`;
    if (localeOfPath(path) !== DEFAULT_LOCALE || NOT_CONTENT.has(path)) continue;
    const html = readFileSync(join(dist, page), 'utf8');
    // Every page of the site has a main element; a redirect left by a renamed entry (alias-redirects.ts) has none,
    // and is copied as it is: the old address redirects to the English page from every prefix.
    const open = /<main\b[^>]*>/.exec(html);
    if (!open && !/http-equiv="refresh"/i.test(html))
      throw new Error(`Fallback pages: ${page} has no <main> to put the line in`);
    for (const locale of TRANSLATED_LOCALES) {
      const target = join(dist, pathIn(locale, `/${page}`));
      if (existsSync(target)) continue;
      const at = open ? open.index + open[0].length : 0;
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, open ? `${html.slice(0, at)}${notice(locale, path)}${html.slice(at)}` : html);
      written += 1;
    }
  }
  return `Fallback pages: ${String(written)} English pages served under ${TRANSLATED_LOCALES.map((l) => LOCALES[l].prefix).join(', ')} until translated`;
}
