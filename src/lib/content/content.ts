/**
 * Content queries for pages: every page fetches through here, so sorting, the shape of roadmap stages and
 * the links derived between collections (topic → roadmaps, role → questions) are decided once.
 */
import { type CollectionEntry, getCollection } from 'astro:content';
import { LAB_DIFFICULTIES } from '../labs/shared/lab-spec.ts';
import { encodeOutlines, type StageTopic } from '../roadmap/roadmap-structure.ts';
import type { CollectionName } from '../../schemas/shared.ts';

export type Roadmap = CollectionEntry<'roadmaps'>;
export type Topic = CollectionEntry<'topics'>;
export type Lab = CollectionEntry<'labs'>;
export type Role = CollectionEntry<'roles'>;
export type Question = CollectionEntry<'questions'>;
export type Project = CollectionEntry<'projects'>;
export type Comparison = CollectionEntry<'comparisons'>;
export type Timeline = CollectionEntry<'timelines'>;

type Titled = { data: { title: string } };
const byTitle = (a: Titled, b: Titled) => a.data.title.localeCompare(b.data.title, 'en');
const byOrder = (a: Titled & { data: { order: number } }, b: Titled & { data: { order: number } }) =>
  a.data.order - b.data.order || byTitle(a, b);

/**
 * Reads and sorts a collection once per build, not once per page: 10,000 topic pages each sorting 10,000 topics
 * made build time grow with the square of the site. The array is shared, so it is frozen (copy before sorting).
 * `astro dev` reads afresh each time, because files change under a running server.
 */
function once<T>(load: () => Promise<T[]>): () => Promise<T[]> {
  let loaded: Promise<T[]> | undefined;
  return () => (import.meta.env.DEV ? load() : (loaded ??= load().then((entries) => Object.freeze(entries) as T[])));
}

export const getRoadmaps = once(async () => (await getCollection('roadmaps')).sort(byOrder));
export const getTopics = once(async () => (await getCollection('topics')).sort(byTitle));
/** Labs, easiest first, then by title: the order of every list of labs. */
export const getLabs = once(async () =>
  (await getCollection('labs')).sort(
    (a, b) =>
      LAB_DIFFICULTIES.indexOf(a.data.difficulty) - LAB_DIFFICULTIES.indexOf(b.data.difficulty) || byTitle(a, b),
  ),
);
export const getRoles = once(async () => (await getCollection('roles')).sort(byOrder));
export const getProjects = once(async () => (await getCollection('projects')).sort(byTitle));
export const getComparisons = once(async () => (await getCollection('comparisons')).sort(byTitle));
/** Concurrency timelines, in their `order`: the lost update and its fixes first. */
export const getTimelines = once(async () => (await getCollection('timelines')).sort(byOrder));
export const getQuestions = once(async () =>
  (await getCollection('questions')).sort((a, b) => a.data.question.localeCompare(b.data.question, 'en')),
);

type RawStageTopic = Roadmap['data']['stages'][number]['topics'][number];

export function toStageTopic(item: RawStageTopic): StageTopic {
  if ('topic' in item) return { id: item.topic.id, optional: item.optional, alternative: item.alternative };
  return { id: item.id, optional: false, alternative: undefined };
}

/** A roadmap's stages with their topics resolved: what counts, progress, outlines and walks read. */
export const roadmapStages = (roadmap: Roadmap): { id: string; title: string; topics: StageTopic[] }[] =>
  roadmap.data.stages.map((s) => ({ id: s.id, title: s.title, topics: s.topics.map(toStageTopic) }));

/** Every topic id of a roadmap, in stage order. */
export function roadmapTopicIds(roadmap: Roadmap): string[] {
  return roadmap.data.stages.flatMap((stage) => stage.topics.map((t) => toStageTopic(t).id));
}

const indexes = new WeakMap<readonly { id: string }[], ReadonlyMap<string, { id: string }>>();

/** Map from id to entry, for looking up referenced entries; built once per (shared, frozen) collection array. */
export function indexById<T extends { id: string }>(entries: readonly T[]): ReadonlyMap<string, T> {
  let index = indexes.get(entries);
  if (!index) {
    index = new Map(entries.map((e) => [e.id, e]));
    if (Object.isFrozen(entries)) indexes.set(entries, index);
  }
  return index as ReadonlyMap<string, T>;
}

/** Looks up a referenced entry; the content-integrity check guarantees it exists. */
export function resolve<T>(index: ReadonlyMap<string, T>, id: string): T {
  const entry = index.get(id);
  if (!entry) throw new Error(`Unresolved reference "${id}" (content-integrity should have caught this)`);
  return entry;
}

const loaders: { [C in CollectionName]: () => Promise<readonly CollectionEntry<C>[]> } = {
  roadmaps: getRoadmaps,
  topics: getTopics,
  labs: getLabs,
  timelines: getTimelines,
  roles: getRoles,
  questions: getQuestions,
  projects: getProjects,
  comparisons: getComparisons,
};

/** An entry of one of the collections, narrowed by its `collection` field. */
export type EntryOf<C extends CollectionName> = { [K in C]: CollectionEntry<K> }[C];

/** The entries references name, in their order (an entry passes as a reference to itself): `resolveAll(data.related)`. */
export async function resolveAll<C extends CollectionName>(
  refs: readonly { collection: C; id: string }[],
): Promise<EntryOf<C>[]> {
  const load = (collection: C) => loaders[collection]() as Promise<readonly EntryOf<C>[]>;
  return Promise.all(refs.map(async (ref) => resolve(indexById(await load(ref.collection)), ref.id)));
}

/** The fields of a collection's entries that list entries of another, each named after it (a question's `roles`). */
type ListField<C extends CollectionName> = keyof CollectionEntry<C>['data'] & CollectionName;

/**
 * The entries of `collection` that list an entry in the field named after its collection: `listing('questions', topic)`
 * is the questions whose `topics` name the topic. Each page links back to what lists it.
 */
export async function listing<C extends CollectionName>(
  collection: C,
  listed: { collection: ListField<C>; id: string },
): Promise<CollectionEntry<C>[]> {
  const listsIt = (entry: CollectionEntry<C>) =>
    ((entry.data as Record<string, unknown>)[listed.collection] as readonly { id: string }[]).some(
      (ref) => ref.id === listed.id,
    );
  return (await loaders[collection]()).filter(listsIt);
}

/** Roadmaps that contain a topic, with the stage it sits in. */
export async function roadmapsWithTopic(topicId: string) {
  return (await getRoadmaps()).flatMap((roadmap) => {
    const stage = roadmap.data.stages.find((s) => s.topics.some((t) => toStageTopic(t).id === topicId));
    return stage ? [{ roadmap, stage }] : [];
  });
}

/** Ids of the topics that have at least one lab: roadmap maps mark them. */
const labTopicIds = once(async () => [...new Set((await getLabs()).flatMap((l) => l.data.topics.map((t) => t.id)))]);
export const topicHasLab = async (topicId: string) => (await labTopicIds()).includes(topicId);

export { formatDuration } from '../../core/format/format.ts';

/**
 * Outlines of roadmaps for the browser, which computes progress with the same rules as the roadmap page: progress
 * on lists of roadmaps, and with `topics` the titles for "Continue: <next topic>".
 */
export function roadmapOutlines(roadmaps: readonly Roadmap[], topics?: readonly Topic[]): string {
  const topicById = topics && indexById(topics);
  const titles: Record<string, string> = {};
  const outlines = Object.fromEntries(
    roadmaps.map((r) => {
      const stages = roadmapStages(r);
      if (topicById)
        for (const stage of stages) for (const t of stage.topics) titles[t.id] = resolve(topicById, t.id).data.title;
      return [r.id, { title: r.data.title, stages }];
    }),
  );
  return encodeOutlines({ roadmaps: outlines, titles });
}
