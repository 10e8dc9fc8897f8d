/**
 * Content collections, loaded from content/ at the repository root.
 * The schemas live in src/schemas/ (one file per collection, every field documented); this file only wires
 * them to Astro's loaders. The same schemas are checked, with cross-entry rules Astro does not enforce
 * (broken references, duplicate ids, cycles, MDX syntax), by src/integrations/content-integrity.ts.
 */
import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { comparisonSchema } from './schemas/comparison';
import { projectSchema } from './schemas/project';
import { questionSchema } from './schemas/question';
import { roadmapSchema } from './schemas/roadmap';
import { roleSchema } from './schemas/role';
import type { CollectionName, ReferenceFactory } from './schemas/shared';
import { topicSchema } from './schemas/topic';
import { CONTENT_DIR } from './lib/content-files.ts';

const ref = reference as unknown as ReferenceFactory;
/** The file name without extension is the id: it is the URL segment and must never change. */
const fromFileName = ({ entry }: { entry: string }) => entry.replace(/^.*\//, '').replace(/\.[^.]+$/, '');
const load = (name: CollectionName, pattern: string) =>
  glob({ pattern, base: `${CONTENT_DIR}/${name}`, generateId: fromFileName });

export const collections = {
  roadmaps: defineCollection({ loader: load('roadmaps', '**/*.mdx'), schema: roadmapSchema(ref) }),
  topics: defineCollection({ loader: load('topics', '**/*.mdx'), schema: topicSchema(ref) }),
  roles: defineCollection({ loader: load('roles', '**/*.mdx'), schema: roleSchema(ref) }),
  questions: defineCollection({ loader: load('questions', '**/*.mdx'), schema: questionSchema(ref) }),
  projects: defineCollection({ loader: load('projects', '**/*.mdx'), schema: projectSchema(ref) }),
  comparisons: defineCollection({ loader: load('comparisons', '**/*.yaml'), schema: comparisonSchema(ref) }),
};
