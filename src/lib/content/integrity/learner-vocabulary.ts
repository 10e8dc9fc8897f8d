/**
 * The learner's vocabulary (content/learner-vocabulary.yaml, read by ../learner-vocabulary.ts) holds: every entry it
 * means exists (an old id among an entry's aliases counts) and has a page that carries search terms; every phrase has
 * words search can match, is listed once, under one meaning, and is new to search: not already an entry's title or
 * search term, which would either repeat it or make a second page answer for words that name the first.
 */
import { COLLECTIONS, type CollectionName } from '../../../schemas/shared.ts';
import { phraseKey } from '../../search/exact-ranking.ts';
import { titleAliases } from '../../search/search-text.ts';
import type { Meaning, Vocabulary } from '../learner-vocabulary.ts';
import type { ContentFile, ContentIssue, ParsedEntry } from './entries.ts';

/** Lab pages carry no search terms (EntryLayout's `noSearchTerms`): a phrase meant for one would reach nothing. */
const WITHOUT_SEARCH_TERMS: ReadonlySet<CollectionName> = new Set(['labs']);

const isCollection = (name: string): name is CollectionName => (COLLECTIONS as readonly string[]).includes(name);

/** Why `target` ("topics/jwt") names no page search could lead to, or undefined when it names one. */
function missingTarget(target: string, ids: ReadonlySet<string>, aliases: ReadonlySet<string>): string | undefined {
  const [collection = ''] = target.split('/');
  if (!isCollection(collection))
    return `"${target}": there is no collection "${collection}" (${COLLECTIONS.join(', ')})`;
  if (WITHOUT_SEARCH_TERMS.has(collection))
    return `"${target}": ${collection} pages carry no search terms; name the topic it practises instead`;
  if (ids.has(target) || aliases.has(target)) return undefined;
  return `"${target}" does not exist: no ${target} file, and no ${collection.replace(/s$/, '')} has it among its aliases`;
}

/** What already names a page in search: each title (and the two names of "X (Y)") and search term, by phrase key. */
function namedAlready(parsed: readonly ParsedEntry[]): Map<string, { what: string; target: string }> {
  const named = new Map<string, { what: string; target: string }>();
  for (const { entry, data } of parsed) {
    if (WITHOUT_SEARCH_TERMS.has(entry.collection)) continue;
    const target = `${entry.collection}/${entry.id}`;
    const heading = data.title ?? data.question;
    const title = typeof heading === 'string' ? heading : '';
    const titles = [title, ...titleAliases(title).split('|')].map(phraseKey).filter(Boolean);
    for (const key of titles) if (!named.has(key)) named.set(key, { what: 'the title', target });
    for (const term of (data.searchTerms as string[] | undefined) ?? []) {
      const key = phraseKey(term);
      if (key && !named.has(key)) named.set(key, { what: 'a search term', target });
    }
  }
  return named;
}

/** An entry of the vocabulary as messages name it: its place and its first phrase. */
const label = (meanings: readonly Meaning[], i: number) => `vocabulary[${i}] ("${meanings[i]!.says[0] ?? ''}")`;

/** Every problem of the vocabulary's phrases and targets, against the entries of the content. */
export function checkVocabulary(
  vocabulary: Vocabulary,
  files: readonly ContentFile[],
  parsed: readonly ParsedEntry[],
): ContentIssue[] {
  const { file, meanings } = vocabulary;
  const ids = new Set(files.map((f) => `${f.collection}/${f.id}`));
  const aliases = new Set(
    parsed.flatMap(({ entry, data }) =>
      ((data.aliases as string[] | undefined) ?? []).map((alias) => `${entry.collection}/${alias}`),
    ),
  );
  const named = namedAlready(parsed);
  const seen = new Map<string, number>();
  const issues: ContentIssue[] = [];
  meanings.forEach(({ says, means }, i) => {
    const issue = (field: string, message: string) =>
      issues.push({ file, field: `vocabulary[${i}].${field}`, message });
    means.forEach((target, j) => {
      const missing = missingTarget(target, ids, aliases);
      if (missing) issue(`means[${j}]`, missing);
      else if (means.indexOf(target) < j) issue(`means[${j}]`, `"${target}" is listed twice`);
    });
    const meaning = [...means].sort().join(', ');
    says.forEach((phrase, k) => {
      const key = phraseKey(phrase);
      const field = `says[${k}]`;
      const other = seen.get(key);
      const owner = named.get(key);
      if (!key) issue(field, `"${phrase}" has no word search can match: write what a learner types`);
      else if (other === i) issue(field, `"${phrase}" is listed twice (as search reads it: "${key}")`);
      else if (other !== undefined) {
        const same = [...meanings[other]!.means].sort().join(', ') === meaning;
        issue(
          field,
          same
            ? `"${phrase}" is also under ${label(meanings, other)}, which means the same: keep it once`
            : `"${phrase}" is also under ${label(meanings, other)}, which means ${meanings[other]!.means.join(', ')}: a phrase has one meaning`,
        );
      } else if (owner)
        issue(
          field,
          means.includes(owner.target)
            ? `"${phrase}" is already ${owner.what} of ${owner.target}, which search finds by it`
            : `"${phrase}" is ${owner.what} of ${owner.target}: it would put a second page first for words that name that one`,
        );
      if (key && other === undefined) seen.set(key, i);
    });
  });
  return issues;
}
