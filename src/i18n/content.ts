/**
 * Translated content, for the build: the collection's loader and schema (content.config.ts), and what pages ask of
 * it — the translation of an entry, whether it is current, and the status of every translation of a language.
 * Runs in Node only; components take words from index.ts.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import {
  type Alternate,
  DEFAULT_LOCALE,
  type Locale,
  localeOfPath,
  pathIn,
  sourcePath,
  TRANSLATED_LOCALES,
} from './locales.ts';
import { freshness, type Freshness } from './translations/check.ts';
import { readSource } from './translations/loader.ts';
import type { TranslatedCollection } from './translations/schema.ts';
import { parseTranslationId } from './translations/sources.ts';

export type { TranslatedCollection } from './translations/schema.ts';
export type { Freshness } from './translations/check.ts';

export type Translation = CollectionEntry<'translations'>;

/** Every translation of a language into one collection, by the English id. */
export async function translationsOf(
  locale: Locale,
  collection: TranslatedCollection,
): Promise<Map<string, Translation>> {
  const all = await getCollection('translations');
  return new Map(
    all.flatMap((entry) => {
      const key = parseTranslationId(entry.id);
      return key && key.locale === locale && key.collection === collection ? [[key.id, entry] as const] : [];
    }),
  );
}

/**
 * The static paths of a collection's pages in a language: one per translated entry, with the entry localized and
 * whether its translation is current (src/pages/pt-br/topics/[id].astro, …/roadmaps/[id].astro).
 */
export async function translatedPaths<E extends { id: string }>(
  locale: Locale,
  collection: TranslatedCollection,
  entries: readonly E[],
  localize: (entry: E, translation: Translation, locale: Locale) => Promise<E>,
) {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const translations = await translationsOf(locale, collection);
  return Promise.all(
    [...translations].map(async ([id, translation]) => {
      const entry = byId.get(id);
      if (!entry)
        throw new Error(`${translation.filePath ?? id}: translates ${collection}/${id}, which does not exist`);
      return {
        params: { id },
        props: { entry: await localize(entry, translation, locale), freshness: freshnessOf(translation) },
      };
    }),
  );
}

/** Whether a translation was made from its English file as it is now (the loader has checked that the file exists). */
function freshnessOf(translation: Translation): Freshness {
  const source = readSource(translation.id);
  return source ? freshness(translation.data.source.sha256, source) : 'outdated';
}

/** Links and names on a page in its own language: to the translated page where there is one, else the English. */
export interface LocalLinks {
  /** A site path, to the same page in the page's language where it is translated (hash kept). */
  href(path: string): string;
  /** An entry's title in the page's language, or the English one given. */
  title(collection: string, id: string, english: string): string;
  /** An entry's summary in the page's language, or the English one given. */
  summary(collection: string, id: string, english: string): string;
  /** A roadmap stage's title in the page's language, or the English one given. */
  stage(roadmap: string, stage: string, english: string): string;
  /** A roadmap's pick-one group as its map names it ("uma linguagem"), or the English name given. */
  group(roadmap: string, name: string, english: string): string;
  /** `en` for an entry whose words stay English on a page in another language (its `lang` attribute), else nothing. */
  langOf(collection: string, id: string): 'en' | undefined;
}

/** The collections whose translated entries have pages of their own. */
const PAGED: ReadonlySet<string> = new Set(['topics', 'roadmaps', 'labs']);

const ENGLISH: LocalLinks = {
  href: (path) => path,
  title: (_c, _i, english) => english,
  summary: (_c, _i, english) => english,
  stage: (_r, _s, english) => english,
  group: (_r, _g, english) => english,
  langOf: () => undefined,
};
const cached = new Map<Locale, Promise<LocalLinks>>();

async function linksIn(locale: Locale): Promise<LocalLinks> {
  const entries = (await getCollection('translations')).flatMap((entry) => {
    const key = parseTranslationId(entry.id);
    return key?.locale === locale ? [{ key, entry }] : [];
  });
  const byPath = new Map(
    entries
      .filter(({ key }) => PAGED.has(key.collection))
      .map(({ key, entry }) => [`/${key.collection}/${key.id}/`, entry]),
  );
  const words = new Map(entries.map(({ key, entry }) => [`/${key.collection}/${key.id}/`, entry.data]));
  const stages = new Map(
    entries.flatMap(({ key, entry }) => (entry.data.stages ?? []).map((s) => [`${key.id}/${s.id}`, s.title] as const)),
  );
  return {
    href: (path) => {
      const [page = '', hash] = path.split('#');
      return byPath.has(page) ? `${pathIn(locale, page)}${hash === undefined ? '' : `#${hash}`}` : path;
    },
    title: (collection, id, english) => words.get(`/${collection}/${id}/`)?.title ?? english,
    summary: (collection, id, english) => words.get(`/${collection}/${id}/`)?.summary ?? english,
    stage: (roadmap, stage, english) => stages.get(`${roadmap}/${stage}`) ?? english,
    group: (roadmap, name, english) => words.get(`/roadmaps/${roadmap}/`)?.groups?.[name] ?? english,
    langOf: (collection, id) => (words.has(`/${collection}/${id}/`) ? undefined : 'en'),
  };
}

/** The links and names of a page's language (the English ones on an English page). */
export function localLinks(url: URL): Promise<LocalLinks> {
  return linksOf(localeOfPath(url.pathname));
}

/** The links and names of a language, made once per build. */
export function linksOf(locale: Locale): Promise<LocalLinks> {
  if (locale === DEFAULT_LOCALE) return Promise.resolve(ENGLISH);
  let links = cached.get(locale);
  if (!links) cached.set(locale, (links = linksIn(locale)));
  return links;
}

/** Topics with their titles in a page's language, where they are translated (a roadmap's map measures them). */
export async function localTopics<T extends CollectionEntry<'topics'>>(topics: readonly T[], url: URL): Promise<T[]> {
  const links = await localLinks(url);
  return topics.map((t) => ({ ...t, data: { ...t.data, title: links.title('topics', t.id, t.data.title) } }));
}

/**
 * A page's link preview card (a path from cardUrl) in the page's language: the translated card where the entry is
 * translated (src/pages/pt-br/og/), the site's card in every language, else the English card.
 */
export async function localCard(url: URL, card: string): Promise<string> {
  const locale = localeOfPath(url.pathname);
  if (locale === DEFAULT_LOCALE) return card;
  const entry = /^\/og\/([^/]+)\/([^/]+)\.png$/.exec(card);
  if (!entry) return card === '/og/site.png' ? pathIn(locale, card) : card;
  return (await linksOf(locale)).langOf(entry[1] ?? '', entry[2] ?? '') ? card : pathIn(locale, card);
}

/**
 * A page in the other languages it exists in: an English page's translations, a translated page's English source.
 * Pages the translations do not cover (indexes, labs) exist in English only, for now.
 */
export async function alternatesOf(pathname: string): Promise<Alternate[]> {
  const locale = localeOfPath(pathname);
  if (locale !== DEFAULT_LOCALE) return [{ locale: DEFAULT_LOCALE, href: sourcePath(pathname) }];
  // Every language has a start page.
  if (pathname === '/') return TRANSLATED_LOCALES.map((other) => ({ locale: other, href: pathIn(other, '/') }));
  const found = await Promise.all(
    TRANSLATED_LOCALES.map(async (other) => ({ locale: other, href: (await linksOf(other)).href(pathname) })),
  );
  return found.filter((a) => a.href !== pathname);
}
