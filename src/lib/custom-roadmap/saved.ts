// IMPORTED IN BOTH SERVER- AND CLIENT-SIDE CODE: no Node APIs, astro:content or zod here.
/**
 * "My roadmaps": the roadmaps a learner made or opened, kept in the progress store's "roadmaps" section (format 6,
 * keyed by roadmap id) so that export files, transfer links, merges and backups carry them like everything else.
 */
import { isTimestamp } from '../portfolio-entry.ts';
import { type CustomRoadmap, toCustomRoadmap } from './model.ts';

export interface SavedRoadmap {
  roadmap: CustomRoadmap;
  /** 'made' in the builder here; 'opened' from someone's link or file. */
  origin: 'made' | 'opened';
  /** ISO 8601 time of the last change (a merge keeps the newer). */
  updated: string;
}

/** The store's reader for one saved roadmap. */
export function toSavedRoadmap(value: unknown): SavedRoadmap | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const { roadmap, origin, updated } = value as Record<string, unknown>;
  const checked = toCustomRoadmap(roadmap);
  if (!checked.ok || (origin !== 'made' && origin !== 'opened') || !isTimestamp(updated)) return undefined;
  return { roadmap: checked.value, origin, updated };
}

/** Same roadmap content, whatever the times. */
export const sameRoadmap = (a: CustomRoadmap, b: CustomRoadmap) => JSON.stringify(a) === JSON.stringify(b);
