/** Each topic's created and updated day (/changes/topics.json), fetched by a roadmap page only for a returning learner. */
import type { APIRoute } from 'astro';
import { getDatedEntries } from '../../lib/changes/change-log.ts';
import { topicDates } from '../../lib/changes/changes.ts';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(topicDates(await getDatedEntries())), {
    headers: { 'Content-Type': 'application/json' },
  });
