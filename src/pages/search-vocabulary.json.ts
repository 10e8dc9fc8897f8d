/**
 * /search-vocabulary.json: every word of every title and search term, for the search box's "Did you mean …?".
 * Fetched only when a query finds little (src/components/search/search-suggestion.ts).
 */
import type { APIRoute } from 'astro';
import { buildVocabulary } from '../lib/search/did-you-mean.ts';
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
  return new Response(JSON.stringify(buildVocabulary(titles, terms)), {
    headers: { 'Content-Type': 'application/json' },
  });
};
