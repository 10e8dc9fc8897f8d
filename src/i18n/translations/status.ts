/**
 * Every translation of a language, by its English source: current, outdated (the English changed since) or
 * missing (a topic the language's translated roadmaps hold, or a lab such a topic links, that has no translation yet). Read from the files, for
 * the command line and tests; the status page reads the same through the content layer.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT_DIR } from '../../lib/content/content-files.ts';
import type { Locale } from '../locales.ts';
import { freshness, splitSource } from './check.ts';
import { readSource, TRANSLATIONS_DIR } from './loader.ts';
import { TEXT_FIELDS, type TranslatedCollection } from './schema.ts';
import { sourceHash, translationId } from './sources.ts';

type TranslationState = 'current' | 'outdated' | 'missing';
export interface TranslationStatus {
  collection: TranslatedCollection;
  id: string;
  state: TranslationState;
}

/** The topics a roadmap file lists in its stages. */
function roadmapTopics(text: string): string[] {
  const stages = (splitSource(text).data.stages ?? []) as { topics?: (string | { topic: string })[] }[];
  return stages.flatMap((s) => (s.topics ?? []).map((t) => (typeof t === 'string' ? t : t.topic)));
}

/** The recorded source hash of a translation file. */
const recordedHash = (text: string): string =>
  ((splitSource(text).data.source ?? {}) as { sha256?: string }).sha256 ?? '';

export function translationStatus(locale: Locale, contentDir: string = CONTENT_DIR): TranslationStatus[] {
  const dir = join(contentDir, TRANSLATIONS_DIR, locale);
  const translated = (collection: TranslatedCollection) =>
    existsSync(join(dir, collection))
      ? readdirSync(join(dir, collection))
          .filter((name) => name.endsWith('.md'))
          .map((name) => name.slice(0, -3))
      : [];
  const statuses: TranslationStatus[] = [];
  const wanted = new Set<string>();
  for (const collection of Object.keys(TEXT_FIELDS) as TranslatedCollection[]) {
    for (const id of translated(collection)) {
      const key = translationId({ locale, collection, id });
      const source = readSource(key, contentDir);
      const text = readFileSync(join(dir, collection, `${id}.md`), 'utf8');
      statuses.push({ collection, id, state: source ? freshness(recordedHash(text), source) : 'outdated' });
      if (collection === 'roadmaps' && source) roadmapTopics(source.text).forEach((topic) => wanted.add(topic));
    }
  }
  const topics = new Set(translated('topics'));
  for (const id of [...wanted].sort()) {
    if (!topics.has(id)) statuses.push({ collection: 'topics', id, state: 'missing' });
  }
  // The labs those topics link: a lab lists its topics, and a topic page links every lab that lists it.
  const labs = new Set(translated('labs'));
  const labsDir = join(contentDir, 'labs');
  for (const name of existsSync(labsDir) ? readdirSync(labsDir).sort() : []) {
    const id = name.replace(/\.md$/, '');
    if (!name.endsWith('.md') || labs.has(id)) continue;
    const { topics: of = [] } = splitSource(readFileSync(join(labsDir, name), 'utf8')).data as { topics?: string[] };
    if (of.some((topic) => wanted.has(topic))) statuses.push({ collection: 'labs', id, state: 'missing' });
  }
  return statuses;
}

/** A translation file's text with its source hash set to the English file's as it is now. */
export function stampTranslation(text: string, englishText: string): string {
  const line = `source: { sha256: "${sourceHash(englishText)}" }`;
  if (/^source:.*$/m.test(text.split(/\n---\r?\n/)[0] ?? '')) return text.replace(/^source:.*$/m, line);
  return text.replace(/^---\r?\n/, `---\n${line}\n`);
}
