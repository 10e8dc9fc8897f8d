/**
 * /practice/bank.json: the flashcards' questions with their short answers and facets, for <atlas-practice-session>
 * (practice-session.ts). A file of its own rather than JSON in the page, so the page's first paint does not wait for
 * 35 KB of answers; the service worker keeps it with the shell, so practice works offline.
 */
import type { APIRoute } from 'astro';
import { getQuestionBank } from '../../lib/content/question-bank.ts';

export const GET: APIRoute = async () => {
  const { questions } = await getQuestionBank();
  const cards = questions.map(({ id, question, shortAnswer, difficulty, type, topics, roles }) => ({
    id,
    question,
    shortAnswer,
    difficulty,
    type,
    topics,
    roles,
  }));
  return new Response(JSON.stringify(cards), { headers: { 'Content-Type': 'application/json' } });
};
