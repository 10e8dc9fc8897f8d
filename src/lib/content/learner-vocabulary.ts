/**
 * The learner's vocabulary: content/learner-vocabulary.yaml maps the ways learners ask for something (`says`:
 * abbreviations such as "dlq", everyday phrasings such as "push data to the browser") to the entries that answer it
 * (`means`: "topics/server-sent-events"). It is kept beside the content rather than in each entry's `searchTerms`
 * because a phrasing is the learner's, not the page's: one list to read, extend and review.
 *
 * This module is its one home: it reads the file (for the content check, integrity/learner-vocabulary.ts) and
 * answers "what else does search find entry X by" (for the pages, where SearchTerms.astro's props are assembled).
 * The phrases reach search through what every search term goes through: each is one of the page's exact phrases,
 * which the build turns into the shards that put a named page first, and its words are in the page's Pagefind
 * metadata (a one-word phrase in `terms`, a longer one's in `phrasings`, which weigh as the title does). Nothing new
 * is loaded in the browser.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import type { CollectionName } from '../../schemas/shared.ts';
import { normalizeSearchText } from '../search/search-text.ts';
import { CONTENT_DIR, parseYaml } from './content-files.ts';
import { type ContentIssue, formatPath } from './integrity/entries.ts';

/** The file's name inside the content folder. */
export const VOCABULARY_FILE = 'learner-vocabulary.yaml';

/** An entry as the vocabulary names it: "topics/server-sent-events". */
const targetSchema = z.string().regex(/^[a-z]+\/[a-z0-9]+(?:-[a-z0-9]+)*$/, {
  error: 'must name an entry as collection/id, e.g. "topics/server-sent-events"',
});

const meaningSchema = z.strictObject({
  /**
   * What learners type when they mean it: abbreviations ("dlq"), other names, everyday phrasings ("push data to the
   * browser"). Each is searched as the entry's own search terms are; the check rejects an empty one, one listed
   * twice or under another meaning, and one that is already a title or search term.
   */
  says: z.array(z.string().trim().max(80)).min(1),
  /** The entries that answer it, as collection/id: one, or a few when each answers it. Old ids (aliases) count. */
  means: z.array(targetSchema).min(1).max(4),
});

const vocabularyFileSchema = z.strictObject({ vocabulary: z.array(meaningSchema) });

export type Meaning = z.infer<typeof meaningSchema>;

/** The vocabulary as read: its meanings, the file as messages name it, and what is wrong with its shape. */
export interface Vocabulary {
  file: string;
  meanings: Meaning[];
  issues: ContentIssue[];
}

/**
 * The vocabulary of the tree in `contentDir`, and what is wrong with its shape. A tree without the file (the tests'
 * small fixture trees) has no vocabulary and no issue.
 */
export function readVocabulary(contentDir: string = CONTENT_DIR): Vocabulary {
  const path = join(contentDir, VOCABULARY_FILE);
  const file = path.replaceAll('\\', '/');
  if (!existsSync(path)) return { file, meanings: [], issues: [] };
  let data: unknown;
  try {
    data = parseYaml(readFileSync(path, 'utf8'));
  } catch (error) {
    return {
      file,
      meanings: [],
      issues: [{ file, field: '(file)', message: `could not be read: ${(error as Error).message}` }],
    };
  }
  const parsed = vocabularyFileSchema.safeParse(data);
  if (parsed.success) return { file, meanings: parsed.data.vocabulary, issues: [] };
  return {
    file,
    meanings: [],
    issues: parsed.error.issues.map((i) => ({ file, field: formatPath(i.path), message: i.message })),
  };
}

/** Phrases by the entry they name ("topics/sse-old-id" too: an old id names the entry it redirects to). */
type PhrasesByTarget = ReadonlyMap<string, readonly string[]>;

function byTarget(meanings: readonly Meaning[]): PhrasesByTarget {
  const phrases = new Map<string, string[]>();
  for (const { says, means } of meanings)
    for (const target of means) {
      const list = phrases.get(target) ?? [];
      phrases.set(target, [...list, ...says.filter((phrase) => !list.includes(phrase))]);
    }
  return phrases;
}

/** The file last read, by its folder and modification time: a build reads it once, `astro dev` when it changes. */
let loaded: { path: string; modified: number; phrases: PhrasesByTarget } | undefined;

function phrasesByTarget(contentDir: string): PhrasesByTarget {
  const path = join(contentDir, VOCABULARY_FILE);
  const modified = existsSync(path) ? statSync(path).mtimeMs : -1;
  if (loaded?.path !== path || loaded.modified !== modified)
    loaded = { path, modified, phrases: byTarget(readVocabulary(contentDir).meanings) };
  return loaded.phrases;
}

/** An entry as its page knows it: what the vocabulary may name it by, and its own search terms. */
export interface VocabularyEntry {
  collection: CollectionName;
  id: string;
  data: { searchTerms: readonly string[]; aliases: readonly string[] };
}

/** SearchTerms.astro's props for an entry's page: its search terms, and the phrasings that name it as a whole. */
export interface EntrySearchTerms {
  terms: string[];
  phrasings: string[];
}

/**
 * What search finds an entry's page by beyond its prose (SearchTerms.astro's `terms` and `phrasings`): its own
 * `searchTerms`, then what the learner's vocabulary gives it, under its id or an old one. A phrase of one word
 * ("dlq", "jsonb") is another name, a search term like the entry's own; a longer one is a phrasing, which names the
 * page as a whole. The content check has already refused a vocabulary whose targets do not exist or whose phrases
 * clash, so nothing is dropped here but a repeat.
 */
export function entrySearchTerms(entry: VocabularyEntry, contentDir: string = CONTENT_DIR): EntrySearchTerms {
  const phrases = phrasesByTarget(contentDir);
  const names = [entry.id, ...entry.data.aliases].map((id) => `${entry.collection}/${id}`);
  const learners = [...new Set(names.flatMap((name) => phrases.get(name) ?? []))];
  const isName = (phrase: string) => !normalizeSearchText(phrase).includes(' ');
  const own = new Set(entry.data.searchTerms.map(normalizeSearchText));
  return {
    terms: [...new Set([...entry.data.searchTerms, ...learners.filter(isName)])],
    phrasings: learners.filter((phrase) => !isName(phrase) && !own.has(normalizeSearchText(phrase))),
  };
}
