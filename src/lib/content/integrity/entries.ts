/**
 * How the content check reads an entry: each collection's schema with references parsed into `Ref`s but not yet
 * resolved, and the dotted path of a field for messages.
 */
import { z } from 'astro/zod';
import { labSchema } from '../../../schemas/lab.ts';
import { comparisonSchema } from '../../../schemas/comparison.ts';
import { projectSchema } from '../../../schemas/project.ts';
import { questionSchema } from '../../../schemas/question.ts';
import { roadmapSchema } from '../../../schemas/roadmap.ts';
import { roleSchema } from '../../../schemas/role.ts';
import type { CollectionName, ReferenceFactory } from '../../../schemas/shared.ts';
import { timelineSchema } from '../../../schemas/timeline.ts';
import { topicSchema } from '../../../schemas/topic.ts';
import type { RawEntry } from '../content-files.ts';

/** A problem found in the content: where it is and what is wrong. */
export interface ContentIssue {
  file: string;
  /** Dotted path of the field, e.g. "stages[2].topics[0]"; "(file)" for the file as a whole. */
  field: string;
  message: string;
}

/** An entry whose data passed its schema. */
export interface ParsedEntry {
  entry: RawEntry;
  data: Record<string, unknown>;
}

/** A reference found while parsing: the checker resolves it once every entry is known. */
export class Ref {
  readonly collection: CollectionName;
  readonly id: string;
  constructor(collection: CollectionName, id: string) {
    this.collection = collection;
    this.id = id;
  }
}

const ref = ((collection: CollectionName) => z.string().min(1).transform((id) => new Ref(collection, id))) as ReferenceFactory;

/** Each collection's schema with references parsed but not resolved; also used by build steps that read content. */
export const SCHEMAS: Record<CollectionName, z.ZodType> = {
  roadmaps: roadmapSchema(ref),
  topics: topicSchema(ref),
  labs: labSchema(ref),
  timelines: timelineSchema(ref),
  roles: roleSchema(ref),
  questions: questionSchema(ref),
  projects: projectSchema(ref),
  comparisons: comparisonSchema(ref),
};

export const SINGULAR: Record<CollectionName, string> = {
  roadmaps: 'roadmap',
  topics: 'topic',
  labs: 'lab',
  timelines: 'timeline',
  roles: 'role',
  questions: 'question',
  projects: 'project',
  comparisons: 'comparison',
};

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  return out || '(file)';
}

export function* findRefs(value: unknown, path: PropertyKey[] = []): Generator<{ ref: Ref; path: PropertyKey[] }> {
  if (value instanceof Ref) yield { ref: value, path };
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* findRefs(v, [...path, i]);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* findRefs(v, [...path, k]);
}
