/**
 * The site's languages. English is the source and lives at the root; every other language lives under its own
 * prefix (`/pt-br/`). A new language is one entry here and one dictionary (dictionary/), nothing else.
 */
export const LOCALES = {
  en: { lang: 'en', prefix: '', name: 'English', short: 'EN', intl: 'en-GB' },
  'pt-br': { lang: 'pt-BR', prefix: '/pt-br', name: 'Português (Brasil)', short: 'PT', intl: 'pt-BR' },
} as const;

export type Locale = keyof typeof LOCALES;
export const DEFAULT_LOCALE: Locale = 'en';
/** Every language but the source: the ones with translations. */
export const TRANSLATED_LOCALES = (Object.keys(LOCALES) as Locale[]).filter((l) => l !== DEFAULT_LOCALE);

export const isLocale = (value: string): value is Locale => Object.hasOwn(LOCALES, value);

/** The language of a site path: the prefix it starts with, else English. */
export function localeOfPath(pathname: string): Locale {
  const first = /^\/([^/]+)\//.exec(pathname)?.[1] ?? '';
  return isLocale(first) && first !== DEFAULT_LOCALE ? first : DEFAULT_LOCALE;
}

/** A path without its language prefix: the English page's path. */
export function sourcePath(pathname: string): string {
  const { prefix } = LOCALES[localeOfPath(pathname)];
  return prefix ? pathname.slice(prefix.length) || '/' : pathname;
}

/** A site path (English, or already in some language) in `locale`. Hash and query are kept. */
export function pathIn(locale: Locale, pathname: string): string {
  return `${LOCALES[locale].prefix}${sourcePath(pathname)}`;
}

/** A page in another language: where it is. */
export interface Alternate {
  locale: Locale;
  href: string;
}
