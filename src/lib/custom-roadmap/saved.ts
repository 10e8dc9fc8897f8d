/**
 * "My roadmaps": the roadmaps a learner made or opened, kept in the progress store's "roadmaps" section (format 6,
 * keyed by roadmap id) so that export files, transfer links, merges and backups carry them like everything else.
 *
 * Every page reads the store, but only a few use a roadmap: the store checks each entry's shape and size here
 * (a few hundred bytes of code for every page), and the pages that use one validate the roadmap in full with
 * `usableRoadmap` (model.ts) before they show or edit it. An entry that fails there is kept, not dropped, and shown
 * as unreadable, so the learner decides what happens to it.
 */
import { isTimestamp } from '../progress/portfolio-entry.ts';

export interface SavedRoadmap {
  /** The roadmap as stored: a CustomRoadmap (model.ts) once `usableRoadmap` has checked it. */
  roadmap: { id: string; title: string; stages: readonly unknown[] };
  /** 'made' in the builder here; 'opened' from someone's link or file. */
  origin: 'made' | 'opened';
  /** ISO 8601 time of the last change (a merge keeps the newer). */
  updated: string;
}

/** Largest stored roadmap, as JSON: many times a roadmap at model.ts's LIMITS. */
const MAX_STORED = 200_000;

/** The store's reader for one saved roadmap: its shape and size. */
export function toSavedRoadmap(value: unknown): SavedRoadmap | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const { roadmap, origin, updated } = value as Record<string, unknown>;
  if (!roadmap || typeof roadmap !== 'object' || (origin !== 'made' && origin !== 'opened') || !isTimestamp(updated))
    return undefined;
  const { id, title, stages } = roadmap as Record<string, unknown>;
  if (
    typeof id !== 'string' ||
    typeof title !== 'string' ||
    !Array.isArray(stages) ||
    JSON.stringify(roadmap).length > MAX_STORED
  )
    return undefined;
  return { roadmap: roadmap as SavedRoadmap['roadmap'], origin, updated };
}
