/** Every entry of every collection with its dates, for /changes/, its feed and the topic dates roadmap pages fetch. */
import type { CollectionName } from '../../schemas/shared.ts';
import { type DatedEntry, listChanges } from './changes.ts';
import { getComparisons, getProjects, getQuestions, getRoadmaps, getRoles, getTopics } from '../content/content.ts';

type Dated = {
  id: string;
  data: { created: string; updated: string; change?: string | undefined } & ({ title: string } | { question: string });
};

const dated = (collection: CollectionName, entries: readonly Dated[]): DatedEntry[] =>
  entries.map(({ id, data }) => ({
    collection,
    id,
    title: 'title' in data ? data.title : data.question,
    created: data.created,
    updated: data.updated,
    change: data.change,
  }));

export async function getDatedEntries(): Promise<DatedEntry[]> {
  return [
    ...dated('roadmaps', await getRoadmaps()),
    ...dated('topics', await getTopics()),
    ...dated('roles', await getRoles()),
    ...dated('questions', await getQuestions()),
    ...dated('projects', await getProjects()),
    ...dated('comparisons', await getComparisons()),
  ];
}

/** Every entry's latest change, newest first. */
export const getChanges = async () => listChanges(await getDatedEntries());
