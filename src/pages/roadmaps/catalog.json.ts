/**
 * The atlas as a learner's own roadmap needs it (src/lib/custom-roadmap/catalog.ts): every topic's title, hours,
 * summary, lab and search terms, old topic ids, and our roadmaps' outlines. Fetched on first use only.
 */
import type { APIRoute } from 'astro';
import { getLabs, getRoadmaps, getTopics, roadmapStages } from '../../lib/content/content.ts';
import type { Catalog } from '../../lib/custom-roadmap/catalog.ts';

export const GET: APIRoute = async () => {
  const labTopics = new Set((await getLabs()).flatMap((lab) => lab.data.topics.map((t) => t.id)));
  const topics = await getTopics();
  const catalog: Catalog = {
    topics: Object.fromEntries(
      topics.map((t) => [
        t.id,
        {
          title: t.data.title,
          area: t.data.area,
          hours: t.data.hours,
          summary: t.data.summary,
          lab: labTopics.has(t.id),
          terms: t.data.searchTerms,
        },
      ]),
    ),
    aliases: Object.fromEntries(topics.flatMap((t) => t.data.aliases.map((alias) => [alias, t.id]))),
    roadmaps: (await getRoadmaps()).map((r) => ({
      id: r.id,
      title: r.data.title,
      stages: roadmapStages(r).map((s) => ({ title: s.title, topics: s.topics })),
    })),
  };
  return new Response(JSON.stringify(catalog), { headers: { 'Content-Type': 'application/json' } });
};
