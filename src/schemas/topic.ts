import { z } from 'astro/zod';
import {
  entryFields,
  inlineText,
  type ReferenceFactory,
  resourceSchema,
  summarySchema,
  titleSchema,
  TOPIC_AREAS,
} from './shared.ts';

/** One self-check card: a question on the mechanism the page teaches, and its answer, hidden until asked. */
const selfCheckItemSchema = z.strictObject({
  /** One sentence ending with "?", 30–200 characters, testing why/how rather than a definition. */
  question: inlineText(30, 200).refine((q) => q.endsWith('?'), { error: 'must end with "?"' }),
  /** One to four plain sentences, 60–500 characters, that teach one step beyond the page. */
  answer: inlineText(60, 500),
});

/**
 * A topic: one concept a backend engineer learns (JWT, B-tree indexes, the event loop).
 * File: content/topics/<id>.md — the Markdown body is the lesson itself.
 * A topic shared by several roadmaps is one entry, referenced from each.
 */
export const topicSchema = (ref: ReferenceFactory) =>
  z.object({
    /** created, updated, change, searchTerms, aliases: see `entryFields`. */
    ...entryFields,
    /** Page title, e.g. "JSON Web Tokens (JWT)". */
    title: titleSchema,
    /** One sentence that says what the topic is. */
    summary: summarySchema,
    /** Which part of the topic index this belongs to. */
    area: z.enum(TOPIC_AREAS),
    /** Hours a learner should plan to reach working knowledge; drives the study planner. */
    hours: z.number().positive().max(200),
    /** Where to learn more, official docs and specs first. */
    resources: z.array(resourceSchema).min(1),
    /** Topics worth reading next or alongside. */
    related: z.array(ref('topics')).default([]),
    /**
     * The topics a learner cannot do without before this one (go-context before go-net-http, sql before
     * integration-testing). On any roadmap that has both, each must come earlier: in an earlier stage, or earlier in
     * the same stage. Ids must exist, and requirements may not form a cycle.
     */
    requires: z.array(ref('topics')).default([]),
    /**
     * 3–5 questions shown under "Check yourself" at the end of the page, each answer in a <details>; the topic
     * review uses them as flashcards. Format: content/README.md. Required.
     */
    selfCheck: z.array(selfCheckItemSchema).min(3).max(5),
  });
