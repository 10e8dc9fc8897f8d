/**
 * What a learner's roadmap needs to know about the atlas, fetched once from /roadmaps/catalog.json (built by
 * src/pages/roadmaps/catalog.json.ts) when a custom roadmap, the builder or a walk through a custom roadmap needs
 * it — no page loads it up front. Topics by id, old ids (aliases) to current ones, and our roadmaps' outlines,
 * whose order gives the prerequisite hints (prerequisites.ts) and the advert's proposal its order.
 */
import type { StageTopic } from '../roadmap/roadmap-structure.ts';
import type { TOPIC_AREAS } from '../../schemas/shared.ts';
import { type CustomRoadmap, stageAnchor } from './model.ts';

export const CATALOG_URL = '/roadmaps/catalog.json';

interface CatalogEntry {
  title: string;
  hours: number;
  summary: string;
  /** The topic has a hands-on lab. */
  lab: boolean;
  /** Other words learners search with (the advert matcher reads them). */
  terms: string[];
  /**
   * The topic's area ("databases", "devops"): a proposed roadmap's stages gather topics by area, and a stage's
   * first topic is a prerequisite only of topics of its own area (prerequisites.ts). Optional: a catalog without
   * areas still works, with stages named from their topics alone.
   */
  area?: TopicArea | undefined;
}
export type TopicArea = (typeof TOPIC_AREAS)[number];
export interface CatalogRoadmap {
  id: string;
  title: string;
  stages: { title: string; topics: StageTopic[] }[];
}
export interface Catalog {
  topics: Record<string, CatalogEntry>;
  /** Old topic id → current id: a link made before a rename still opens. */
  aliases: Record<string, string>;
  /** Our roadmaps in their order (Backend Developer first). */
  roadmaps: CatalogRoadmap[];
}

/** A topic id as it is today: itself, its new id after a rename, or undefined when it is no longer on the site. */
export function currentTopicId(catalog: Catalog, id: string): string | undefined {
  if (Object.hasOwn(catalog.topics, id)) return id;
  const renamed = catalog.aliases[id];
  return renamed && Object.hasOwn(catalog.topics, renamed) ? renamed : undefined;
}

/**
 * A learner's roadmap as progress, counts and the walk read it: per stage (anchored "stage-1", …) its topics under
 * their current ids; own links and topics no longer on the site left out.
 */
export function currentOutline(
  roadmap: CustomRoadmap,
  catalog: Catalog,
): { id: string; title: string; topics: StageTopic[] }[] {
  return roadmap.stages.map((stage, i) => ({
    id: stageAnchor(i),
    title: stage.title,
    topics: stage.items.flatMap((item) => {
      const id = item.kind === 'topic' ? currentTopicId(catalog, item.id) : undefined;
      return item.kind === 'topic' && id ? [{ id, optional: item.optional, alternative: item.alternative }] : [];
    }),
  }));
}

let loading: Promise<Catalog> | undefined;
/** The catalog, fetched once per page (the service worker keeps it for offline use). */
export function loadCatalog(): Promise<Catalog> {
  loading ??= fetch(CATALOG_URL).then((response) => {
    if (!response.ok) throw new Error(`the list of topics could not be loaded (HTTP ${response.status})`);
    return response.json() as Promise<Catalog>;
  });
  loading.catch(() => (loading = undefined));
  return loading;
}
