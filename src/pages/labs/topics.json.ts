/** Each lab's topics (/labs/topics.json), fetched by a roadmap page only for a learner who has passed a lab. */
import type { APIRoute } from 'astro';
import { getLabs } from '../../lib/content/content.ts';

export const GET: APIRoute = async () =>
  new Response(
    JSON.stringify(Object.fromEntries((await getLabs()).map((lab) => [lab.id, lab.data.topics.map((t) => t.id)]))),
    {
      headers: { 'Content-Type': 'application/json' },
    },
  );
