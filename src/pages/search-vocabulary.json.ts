/**
 * /search-vocabulary.json: every word of every title and search term, for the search box's "Did you mean …?", and
 * the common English words near them, which it never corrects (src/lib/search/english-words.ts).
 * Fetched only when a query finds little (src/components/search/search-suggestion.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRoute } from 'astro';
import { buildVocabulary } from '../lib/search/did-you-mean.ts';
import { englishNearVocabulary, parseWordList } from '../lib/search/english-words.ts';
import { normalizeSearchText } from '../lib/search/search-text.ts';
import { getComparisons, getProjects, getQuestions, getRoadmaps, getRoles, getTopics } from '../lib/content/content.ts';

export const GET: APIRoute = async () => {
  // Topics first: on an equally near match, the word of a topic title is the likelier meaning.
  const named = [
    ...(await getTopics()),
    ...(await getRoadmaps()),
    ...(await getRoles()),
    ...(await getProjects()),
    ...(await getComparisons()),
  ];
  const questions = await getQuestions();
  const titles = [...named.map((entry) => entry.data.title), ...questions.map((question) => question.data.question)];
  const terms = [...named, ...questions].flatMap((entry) => entry.data.searchTerms);
  const vocabulary = buildVocabulary(titles, terms);
  const english = parseWordList(readFileSync(join(process.cwd(), 'src/lib/search/english-words.txt'), 'utf8'));
  const keys = [...vocabulary.titles, ...vocabulary.terms].map(normalizeSearchText);
  vocabulary.english = englishNearVocabulary(english, keys);
  return new Response(JSON.stringify(vocabulary), {
    headers: { 'Content-Type': 'application/json' },
  });
};
