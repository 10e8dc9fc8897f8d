/**
 * The site in more than one language: the locales and their paths, each language's interface text, and the
 * translated content's sources and freshness. Pages and components take their words from `messagesFor(Astro.url)`.
 */
import { DICTIONARIES, type Messages } from './dictionary/index.ts';
import { type Locale, LOCALES, localeOfPath } from './locales.ts';

export type { Messages } from './dictionary/index.ts';
export {
  type Alternate,
  DEFAULT_LOCALE,
  isLocale,
  type Locale,
  LOCALES,
  localeOfPath,
  pathIn,
  sourcePath,
  TRANSLATED_LOCALES,
} from './locales.ts';

/** The interface text of a language. */
export const messages = (locale: Locale): Messages => DICTIONARIES[locale];

/** The interface text of the language a page's URL is in. */
export const messagesFor = (url: URL): Messages => DICTIONARIES[localeOfPath(url.pathname)];

/** A day (YYYY-MM-DD or a Date) written as the language writes dates: "28 November 2026", "28 de novembro de 2026". */
export function formatDate(locale: Locale, day: string | Date): string {
  const date = typeof day === 'string' ? new Date(`${day.slice(0, 10)}T00:00:00Z`) : day;
  return new Intl.DateTimeFormat(LOCALES[locale].intl, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** A number as the language writes it: 2,500 or 2.500; 1.5 or 1,5. */
export const formatNumber = (locale: Locale, n: number): string =>
  new Intl.NumberFormat(LOCALES[locale].intl).format(n);
