/**
 * The question bank as the question list and the practice page use it: each question's facets and text, and
 * the choices of each filter with labels and counts. Built once per page at build time from the content.
 */
import type { ShortAnswer } from '../../schemas/question.ts';
import { DIFFICULTIES, QUESTION_TYPES } from '../../schemas/shared.ts';
import { getQuestions, getRoles, getTopics } from './content.ts';
import type { Facet, QuestionFacets } from '../questions/question-filters.ts';

export interface BankQuestion extends QuestionFacets {
  difficulty: (typeof DIFFICULTIES)[number];
  type: (typeof QUESTION_TYPES)[number];
  question: string;
  shortAnswer: ShortAnswer;
}

export interface FacetOption {
  value: string;
  label: string;
  count: number;
}

export const DIFFICULTY_LABEL: Record<(typeof DIFFICULTIES)[number], string> = {
  junior: 'Junior',
  mid: 'Mid-level',
  senior: 'Senior',
};
export const TYPE_LABEL: Record<(typeof QUESTION_TYPES)[number], string> = {
  concept: 'Concept',
  coding: 'Coding',
  'system-design': 'System design',
  behavioral: 'Behavioral',
};

/** Every question, junior first, then alphabetical; and for each filter its options that have questions. */
export async function getQuestionBank() {
  const rank = (d: BankQuestion['difficulty']) => DIFFICULTIES.indexOf(d);
  const questions: BankQuestion[] = (await getQuestions())
    .map((q) => ({
      id: q.id,
      question: q.data.question,
      shortAnswer: q.data.shortAnswer,
      difficulty: q.data.difficulty,
      type: q.data.type,
      topics: q.data.topics.map((t) => t.id),
      roles: q.data.roles.map((r) => r.id),
    }))
    .sort((a, b) => rank(a.difficulty) - rank(b.difficulty));
  const count = (pick: (q: BankQuestion) => readonly string[], value: string) =>
    questions.filter((q) => pick(q).includes(value)).length;
  const withCounts = (pick: (q: BankQuestion) => readonly string[], entries: [string, string][]): FacetOption[] =>
    entries.map(([value, label]) => ({ value, label, count: count(pick, value) })).filter((o) => o.count > 0);
  const options: Record<Facet, FacetOption[]> = {
    difficulty: withCounts((q) => [q.difficulty], Object.entries(DIFFICULTY_LABEL)),
    type: withCounts((q) => [q.type], Object.entries(TYPE_LABEL)),
    topic: withCounts(
      (q) => q.topics,
      (await getTopics()).map((t) => [t.id, t.data.title]),
    ),
    role: withCounts(
      (q) => q.roles,
      (await getRoles()).map((r) => [r.id, r.data.title]),
    ),
  };
  return { questions, options };
}
