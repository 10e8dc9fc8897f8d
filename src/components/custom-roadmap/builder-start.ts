/**
 * Where the roadmap builder starts, as the page's address says: a roadmap of ours to copy (?from=<id>), one of the
 * learner's to edit (?edit=<id>), a roadmap link (#roadmap=…: the learner's own is edited in place, anyone else's
 * copied under a new id, renamed topics followed to their current id), or a blank roadmap.
 */
import { getProgress } from '../progress/progress.ts';
import { ROADMAP_PREFIX } from '../../lib/custom-roadmap/ids.ts';
import { type Catalog, currentTopicId } from '../../lib/custom-roadmap/catalog.ts';
import { type CustomRoadmap, LIMITS, newRoadmapId, usableRoadmap } from '../../lib/custom-roadmap/model.ts';

/** The roadmap to start from, as the page's address says; a blank one when it says nothing usable. */
export async function startingRoadmap(
  catalog: Catalog,
  { search, hash }: { search: string; hash: string },
): Promise<{ roadmap: CustomRoadmap; problem?: string }> {
  const params = new URLSearchParams(search);
  const blank = (): CustomRoadmap => ({
    id: newRoadmapId(),
    title: 'My roadmap',
    summary: '',
    stages: [{ title: 'Stage 1', items: [] }],
  });
  const mine = getProgress().roadmaps;
  const ours = catalog.roadmaps.find((r) => r.id === params.get('from'));
  if (ours) {
    const stages = ours.stages.map((s) => ({
      title: s.title,
      items: s.topics.map((t) => ({ kind: 'topic' as const, ...t })),
    }));
    return {
      roadmap: {
        id: newRoadmapId(),
        title: `${ours.title} (my copy)`.slice(0, LIMITS.title),
        summary: `A copy of the ${ours.title} roadmap on Backend Atlas.`,
        stages,
      },
    };
  }
  const editing = mine[params.get('edit') ?? ''];
  const stored = usableRoadmap(editing);
  if (editing && !stored)
    return {
      roadmap: blank(),
      problem: 'That roadmap in My roadmaps could not be read, so it is left as it is; you start with a blank roadmap.',
    };
  // Someone else's roadmap (opened from a link) is copied, so the one they shared stays as it was.
  if (editing && stored) return { roadmap: editing.origin === 'made' ? stored : { ...stored, id: newRoadmapId() } };
  if (hash.startsWith(ROADMAP_PREFIX)) {
    const { codeFromHash, decodeRoadmap } = await import('../../lib/custom-roadmap/roadmap-link.ts');
    const decoded = await decodeRoadmap(codeFromHash(hash));
    if (!decoded.ok)
      return {
        roadmap: blank(),
        problem: `The roadmap link could not be opened (${decoded.reason}); you start with a blank roadmap.`,
      };
    const own = mine[decoded.value.id]?.origin === 'made';
    // Renamed topics take their current id; a learner's own roadmap is edited in place, anyone else's copied.
    const stages = decoded.value.stages.map((s) => ({
      ...s,
      items: s.items.map((i) => (i.kind === 'topic' ? { ...i, id: currentTopicId(catalog, i.id) ?? i.id } : i)),
    }));
    return { roadmap: { ...decoded.value, stages, id: own ? decoded.value.id : newRoadmapId() } };
  }
  return { roadmap: blank() };
}
