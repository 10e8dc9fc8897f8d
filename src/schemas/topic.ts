import { z } from 'astro/zod';
import { aliasesSchema, resourceSchema, searchTermsSchema, summarySchema, titleSchema, TOPIC_AREAS, type ReferenceFactory } from './shared.ts';

/**
 * A topic: one concept a backend engineer learns (JWT, B-tree indexes, the event loop).
 * File: content/topics/<id>.mdx — the MDX body is the lesson itself.
 * A topic shared by several roadmaps is one entry, referenced from each.
 */
export const topicSchema = (ref: ReferenceFactory) =>
  z.object({
    /** Page title, e.g. "JSON Web Tokens (JWT)". */
    title: titleSchema,
    /** One sentence that says what the topic is. */
    summary: summarySchema,
    /** Other words learners search with for this entry; see `searchTermsSchema`. */
    searchTerms: searchTermsSchema,
    /** Which part of the topic index this belongs to. */
    area: z.enum(TOPIC_AREAS),
    /** Hours a learner should plan to reach working knowledge; drives the study planner. */
    hours: z.number().positive().max(200),
    /** Where to learn more, official docs and specs first. */
    resources: z.array(resourceSchema).min(1),
    /** Topics worth reading next or alongside. */
    related: z.array(ref('topics')).default([]),
    /** Old ids of this topic; each redirects here. */
    aliases: aliasesSchema,
  });
