/** The question bank (src/lib/content/question-bank.ts) over a mocked `astro:content`: facets, order, filter options with counts. */
import { describe, expect, it, vi } from 'vitest';
import { DIFFICULTIES, QUESTION_TYPES } from '../../../src/schemas/shared.ts';
import { DIFFICULTY_LABEL, getQuestionBank, TYPE_LABEL } from '../../../src/lib/content/question-bank.ts';

vi.mock('astro:content', () => import('../astro-content-mock.ts'));

describe('question bank', () => {
  it('lists every question with its facets and text, junior first and alphabetical within a level', async () => {
    const { questions } = await getQuestionBank();
    expect(questions.map((q) => q.id)).toEqual(['q-get', 'q-status', 'q-tls', 'q-index']);
    expect(questions[0]).toEqual({
      id: 'q-get',
      question: 'Is GET safe?',
      shortAnswer: { thesis: 'Yes.', points: [] },
      difficulty: 'junior',
      type: 'concept',
      topics: ['http'],
      roles: ['backend-dev', 'sre'],
    });
    expect(questions[3]!.roles).toEqual([]);
  });

  it('offers each filter value that has questions, labelled, with how many, in the order of its list', async () => {
    const { options } = await getQuestionBank();
    expect(options.difficulty).toEqual([
      { value: 'junior', label: 'Junior', count: 1 },
      { value: 'mid', label: 'Mid-level', count: 2 },
      { value: 'senior', label: 'Senior', count: 1 },
    ]);
    // No question is a coding or behavioral one, so those are not offered.
    expect(options.type).toEqual([
      { value: 'concept', label: 'Concept', count: 3 },
      { value: 'system-design', label: 'System design', count: 1 },
    ]);
    // Topics by title and roles by order, as the content queries sort them; gRPC, Go and Node.js have no questions.
    expect(options.topic).toEqual([
      { value: 'http', label: 'HTTP', count: 3 },
      { value: 'sql', label: 'SQL', count: 1 },
    ]);
    expect(options.role).toEqual([
      { value: 'backend-dev', label: 'Backend developer', count: 2 },
      { value: 'sre', label: 'Site reliability engineer', count: 2 },
    ]);
  });

  it('has a label for every difficulty and question type the schema allows', () => {
    expect(Object.keys(DIFFICULTY_LABEL)).toEqual([...DIFFICULTIES]);
    expect(Object.keys(TYPE_LABEL).sort()).toEqual([...QUESTION_TYPES].sort());
  });
});
