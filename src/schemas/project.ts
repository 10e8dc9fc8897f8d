import { z } from 'astro/zod';
import { entryFields, type ReferenceFactory, summarySchema, titleSchema } from './shared.ts';

/** Project levels. */
export const PROJECT_LEVELS = ['beginner', 'intermediate', 'advanced'] as const;

/**
 * A project idea to build for practice and a portfolio.
 * File: content/projects/<id>.md — the Markdown body explains the brief, the data model and how to approach it.
 */
export const projectSchema = (ref: ReferenceFactory) =>
  z.object({
    /** created, updated, change, searchTerms, aliases: see `entryFields`. */
    ...entryFields,
    /** Page title, e.g. "To-Do List API". */
    title: titleSchema,
    /** beginner | intermediate | advanced */
    level: z.enum(PROJECT_LEVELS),
    /** One sentence on what gets built. */
    summary: summarySchema,
    /** What the finished project must do. */
    features: z.array(z.string().trim().min(5)).min(3),
    /** Extras once the core works. */
    stretchGoals: z.array(z.string().trim().min(5)).min(1),
    /** Topics the project exercises. */
    topics: z.array(ref('topics')).min(1),
    /** Rough effort in hours. */
    hours: z.number().positive().max(500).optional(),
  });
