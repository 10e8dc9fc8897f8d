/**
 * The walk through a learner's own roadmap on a topic page: the roadmap from "My roadmaps" (the progress store),
 * topic titles from the catalog (fetched now, kept by the service worker), the map link back to its own link.
 */
import { getProgress } from '../progress/progress.ts';
import { currentOutline, loadCatalog } from '../../lib/custom-roadmap/catalog.ts';
import { usableRoadmap } from '../../lib/custom-roadmap/model.ts';
import { roadmapLink } from '../../lib/custom-roadmap/roadmap-link.ts';
import { type PageWalk, walkAt } from '../../lib/roadmap/roadmap-walk.ts';

/**
 * The walk through roadmap `id` at this topic page (`path`: /topics/<id>/, or under a language's prefix, whose topic
 * pages it walks), or undefined when it does not have the topic.
 */
export async function customWalk(id: string, path: string): Promise<PageWalk | undefined> {
  const roadmap = usableRoadmap(getProgress().roadmaps[id]);
  const [, prefix = '', topic] = /^(\/[a-z]{2}-[a-z]+)?\/topics\/([a-z0-9-]+)\/$/.exec(path) ?? [];
  if (!roadmap || !topic) return undefined;
  let catalog;
  try {
    catalog = await loadCatalog();
  } catch {
    return undefined;
  }
  const walk = walkAt(
    { id, title: roadmap.title, stages: currentOutline(roadmap, catalog) },
    topic,
    (t) => catalog.topics[t]?.title ?? t,
  );
  if (!walk) return undefined;
  return {
    ...walk,
    map: await roadmapLink(location.origin, roadmap),
    prevUrl: walk.prev && `${prefix}/topics/${walk.prev.id}/`,
    nextUrl: walk.next && `${prefix}/topics/${walk.next.id}/`,
  };
}
