/**
 * What the content check reads: the files of a collection with the ids their names give, the entries Astro's
 * content layer loaded from them, references as Astro gives them, and the dotted path of a field for messages.
 */
import type { z } from 'astro/zod';
import { labSchema } from '../../../schemas/lab.ts';
import { comparisonSchema } from '../../../schemas/comparison.ts';
import { projectSchema } from '../../../schemas/project.ts';
import { questionSchema } from '../../../schemas/question.ts';
import { roadmapSchema } from '../../../schemas/roadmap.ts';
import { roleSchema } from '../../../schemas/role.ts';
import { COLLECTIONS, type CollectionName, referenceById } from '../../../schemas/shared.ts';
import { timelineSchema } from '../../../schemas/timeline.ts';
import { topicSchema } from '../../../schemas/topic.ts';

/** A problem found in the content: where it is and what is wrong. */
export interface ContentIssue {
  file: string;
  /** Dotted path of the field, e.g. "stages[2].topics[0]"; "(file)" for the file as a whole. */
  field: string;
  message: string;
}

/** A content file and the id its name gives it. */
export interface ContentFile {
  collection: CollectionName;
  id: string;
  /** Path from the project root, for messages. */
  file: string;
}

/** A file's prose: the Markdown or MDX body and the line of the file it starts on. */
export interface EntryBody extends ContentFile {
  body: string;
  bodyLine: number;
}

/** An entry whose data passed its schema, as the content layer stores it. */
export interface ParsedEntry {
  entry: ContentFile & { body: string };
  data: Record<string, unknown>;
}

/** A link to another entry, as Astro's `reference()` reads it. */
export interface EntryRef {
  id: string;
  collection: CollectionName;
}

const isRef = (value: object): value is EntryRef =>
  Object.keys(value).length === 2 &&
  typeof (value as Partial<EntryRef>).id === 'string' &&
  COLLECTIONS.includes((value as Partial<EntryRef>).collection!);

/** Each collection's schema for tools and tests that parse content outside Astro (check-labs, record-timelines). */
export const SCHEMAS: Record<CollectionName, z.ZodType> = {
  roadmaps: roadmapSchema(referenceById),
  topics: topicSchema(referenceById),
  labs: labSchema(referenceById),
  timelines: timelineSchema(referenceById),
  roles: roleSchema(referenceById),
  questions: questionSchema(referenceById),
  projects: projectSchema(referenceById),
  comparisons: comparisonSchema(referenceById),
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

export function* findRefs(value: unknown, path: PropertyKey[] = []): Generator<{ ref: EntryRef; path: PropertyKey[] }> {
  if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* findRefs(v, [...path, i]);
  else if (value && typeof value === 'object') {
    if (isRef(value)) yield { ref: value, path };
    else for (const [k, v] of Object.entries(value)) yield* findRefs(v, [...path, k]);
  }
}
