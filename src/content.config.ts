/**
 * Content collections, loaded from content/ at the repository root.
 * The schemas live in src/schemas/ (one file per collection, every field documented); this file only wires
 * them to Astro's loaders. The same schemas are checked, with cross-entry rules Astro does not enforce
 * (broken references, duplicate ids, cycles, MDX syntax), by src/integrations/content-integrity.ts.
 */
import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { labSchema } from './schemas/lab.ts';
import { comparisonSchema } from './schemas/comparison.ts';
import { projectSchema } from './schemas/project.ts';
import { questionSchema } from './schemas/question.ts';
import { roadmapSchema } from './schemas/roadmap.ts';
import { roleSchema } from './schemas/role.ts';
import type { CollectionName, ReferenceFactory } from './schemas/shared.ts';
import { timelineSchema } from './schemas/timeline.ts';
import { topicSchema } from './schemas/topic.ts';
import { CONTENT_DIR, entryIdOf, EXTENSIONS } from './lib/content/content-files.ts';

const ref = reference as unknown as ReferenceFactory;
/**
 * Every file of a collection with one of its extensions, anywhere below its folder; the file name is the id.
 * Markdown is rendered once, at content sync, and kept in Astro's content store; MDX by the MDX integration.
 * The store keeps the rendered HTML but not the Markdown it came from (no page reads `body`): the store is held in
 * memory several times over during a build, and the Markdown was a quarter of it.
 */
const load = (name: CollectionName) =>
  glob({
    pattern: EXTENSIONS[name].length === 1 ? `**/*${EXTENSIONS[name][0]}` : `**/*{${EXTENSIONS[name].join(',')}}`,
    base: `${CONTENT_DIR}/${name}`,
    generateId: ({ entry }) => entryIdOf(entry),
    retainBody: false,
  });

export const collections = {
  roadmaps: defineCollection({ loader: load('roadmaps'), schema: roadmapSchema(ref) }),
  topics: defineCollection({ loader: load('topics'), schema: topicSchema(ref) }),
  labs: defineCollection({ loader: load('labs'), schema: labSchema(ref) }),
  timelines: defineCollection({ loader: load('timelines'), schema: timelineSchema(ref) }),
  roles: defineCollection({ loader: load('roles'), schema: roleSchema(ref) }),
  questions: defineCollection({ loader: load('questions'), schema: questionSchema(ref) }),
  projects: defineCollection({ loader: load('projects'), schema: projectSchema(ref) }),
  comparisons: defineCollection({ loader: load('comparisons'), schema: comparisonSchema(ref) }),
};
