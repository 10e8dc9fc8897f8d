/**
 * What the personal layer on /progress/ and /practice/ needs to know of the site's topics, written into the page
 * at build: every roadmap in the site's order with its topic ids in map order, and every topic's title.
 * Browser code imports the type only (the builder reads content collections).
 */
import { type Roadmap, roadmapTopicIds, type Topic } from './content.ts';

export interface TopicIndex {
  roadmaps: { id: string; title: string; topics: string[] }[];
  titles: Record<string, string>;
}

export function topicIndex(roadmaps: readonly Roadmap[], topics: readonly Topic[]): TopicIndex {
  return {
    roadmaps: roadmaps.map((r) => ({ id: r.id, title: r.data.title, topics: roadmapTopicIds(r) })),
    titles: Object.fromEntries(topics.map((t) => [t.id, t.data.title])),
  };
}

/** One topic as a review card (/topic-review/<id>.json): its title, summary and self-check. */
export interface TopicCard {
  title: string;
  summary: string;
  selfCheck: { question: string; answer: string }[];
}

/** JSON for a <script type="application/json">: "<" escaped so no title can close the element. */
export const scriptJson = (value: unknown): string => JSON.stringify(value).replaceAll('<', '\\u003c');
