/**
 * Every roadmap's title and topic ids, as JSON. A roadmap page fetches it only when a learner resets that roadmap
 * (src/components/roadmap/reset.ts), to ask about topics other roadmaps share; no page loads it up front.
 */
import type { APIRoute } from 'astro';
import { getRoadmaps, roadmapTopicIds } from '../../lib/content/content.ts';

export const GET: APIRoute = async () => {
  const roadmaps = Object.fromEntries(
    (await getRoadmaps()).map((r) => [r.id, { title: r.data.title, topics: roadmapTopicIds(r) }]),
  );
  return new Response(JSON.stringify(roadmaps), { headers: { 'Content-Type': 'application/json' } });
};
