/**
 * Content collections, loaded from content/ at the repository root.
 * The schemas live in src/schemas/ (one file per collection, every field documented); this file only wires
 * them to the loader. Each collection is read by Astro's glob() with the content check around it
 * (src/lib/content/content-loader.ts): the rules Astro does not enforce (broken references, duplicate ids, cycles,
 * MDX syntax, …) fail the sync with the file and field named. Markdown is rendered once, at content sync, and kept in
 * Astro's content store; MDX by the MDX integration.
 */
import { defineCollection, reference } from 'astro:content';
import type { z } from 'astro/zod';
import { translationLoader } from './i18n/translations/loader.ts';
import { translationSchema } from './i18n/translations/schema.ts';
import { checkedLoaders } from './lib/content/content-loader.ts';
import { labSchema } from './schemas/lab.ts';
import { comparisonSchema } from './schemas/comparison.ts';
import { projectSchema } from './schemas/project.ts';
import { questionSchema } from './schemas/question.ts';
import { roadmapSchema } from './schemas/roadmap.ts';
import { roleSchema } from './schemas/role.ts';
import type { CollectionName } from './schemas/shared.ts';
import { timelineSchema } from './schemas/timeline.ts';
import { topicSchema } from './schemas/topic.ts';

const loader = checkedLoaders();
const collection = <S extends z.ZodType>(name: CollectionName, schema: S) =>
  defineCollection({ loader: loader(name, schema), schema });

export const collections = {
  roadmaps: collection('roadmaps', roadmapSchema(reference)),
  topics: collection('topics', topicSchema(reference)),
  labs: collection('labs', labSchema(reference)),
  timelines: collection('timelines', timelineSchema(reference)),
  roles: collection('roles', roleSchema(reference)),
  questions: collection('questions', questionSchema(reference)),
  projects: collection('projects', projectSchema(reference)),
  comparisons: collection('comparisons', comparisonSchema(reference)),
  // Translated entries, checked against their English sources (src/i18n/translations/).
  translations: defineCollection({ loader: translationLoader(), schema: translationSchema }),
};
