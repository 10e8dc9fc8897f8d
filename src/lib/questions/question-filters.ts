/**
 * Question sets chosen by URL parameters, shared by the question list (/questions/) and practice (/practice/):
 * ?difficulty=mid&type=coding&topic=jwt&role=nodejs-developer&due=1. One value per facet; every facet given
 * must match. Pure: the pages pass the questions' facets and the learner's due list.
 */
import { ID_PATTERN } from '../../core/format/ids.ts';

export const FACETS = ['difficulty', 'type', 'topic', 'role'] as const;
export type Facet = (typeof FACETS)[number];

/** What a question is filtered on: one difficulty and type, any number of topics and roles. */
export interface QuestionFacets {
  id: string;
  difficulty: string;
  type: string;
  topics: readonly string[];
  roles: readonly string[];
}

/** `by`: the date a practice session reviews for (YYYY-MM-DD, checked where it is read: review-session.ts). */
export type Filters = Partial<Record<Facet, string>> & { due?: boolean; by?: string | undefined };

/** Reads filters from a query string; values that are not ids are ignored rather than trusted. */
export function parseFilters(search: string | URLSearchParams): Filters {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const filters: Filters = {};
  for (const facet of FACETS) {
    const value = params.get(facet);
    if (value && ID_PATTERN.test(value)) filters[facet] = value;
  }
  if (params.get('due') === '1') filters.due = true;
  return filters;
}

/** The query string for filters ("" when none), in a fixed order so equal sets share one URL. */
export function toSearch(filters: Filters): string {
  const params = new URLSearchParams();
  for (const facet of FACETS) {
    const value = filters[facet];
    if (value) params.set(facet, value);
  }
  if (filters.due) params.set('due', '1');
  if (filters.by) params.set('by', filters.by);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The practice page for a set of questions. */
/** The flashcards' questions, a file of the build (src/pages/practice/bank.json.ts). */
export const PRACTICE_BANK_URL = '/practice/bank.json';

export const practiceUrl = (filters: Filters): string => `/practice/${toSearch(filters)}`;

const valuesOf = (q: QuestionFacets, facet: Facet): readonly string[] =>
  facet === 'difficulty' ? [q.difficulty] : facet === 'type' ? [q.type] : facet === 'topic' ? q.topics : q.roles;

/** Whether a question is in the set; `isDue` answers for the due filter. */
export function matches(q: QuestionFacets, filters: Filters, isDue: (id: string) => boolean = () => false): boolean {
  for (const facet of FACETS) {
    const wanted = filters[facet];
    if (wanted && !valuesOf(q, facet).includes(wanted)) return false;
  }
  return !filters.due || isDue(q.id);
}

/**
 * For each facet, how many questions each value would leave if chosen with the other filters kept — the number
 * shown beside each option, so no choice leads to an empty list by surprise. The key "" counts "any value".
 */
export function facetCounts(
  questions: readonly QuestionFacets[],
  filters: Filters,
  isDue?: (id: string) => boolean,
): Record<Facet, Map<string, number>> {
  const counts = Object.fromEntries(FACETS.map((f) => [f, new Map<string, number>()])) as Record<
    Facet,
    Map<string, number>
  >;
  for (const facet of FACETS) {
    const others = { ...filters, [facet]: undefined };
    for (const q of questions) {
      if (!matches(q, others, isDue)) continue;
      counts[facet].set('', (counts[facet].get('') ?? 0) + 1);
      for (const value of new Set(valuesOf(q, facet))) counts[facet].set(value, (counts[facet].get(value) ?? 0) + 1);
    }
  }
  return counts;
}
