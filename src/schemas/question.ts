import { z } from 'astro/zod';
import {
  aliasesSchema,
  changeFields,
  DIFFICULTIES,
  QUESTION_TYPES,
  searchTermsSchema,
  type ReferenceFactory,
} from './shared.ts';

/**
 * An interview question. File: content/questions/<id>.md — the Markdown body is the long answer, with examples.
 * System-design answers use the headings: Use cases, Constraints and estimates, High-level design,
 * Components, Scaling, Trade-offs.
 */
export const questionSchema = (ref: ReferenceFactory) =>
  z.object({
    /** created, updated, change: see `changeFields`. */
    ...changeFields,
    /** The question as an interviewer asks it. */
    question: z.string().trim().min(10).max(200),
    /** Other words learners search with for this question, e.g. `tinyurl`; see `searchTermsSchema`. */
    searchTerms: searchTermsSchema,
    /** The answer in two to four sentences: the back of the flashcard. */
    shortAnswer: z.string().trim().min(40).max(900),
    /** junior | mid | senior */
    difficulty: z.enum(DIFFICULTIES),
    /** concept | coding | system-design | behavioral */
    type: z.enum(QUESTION_TYPES),
    /** Topics the question tests. */
    topics: z.array(ref('topics')).min(1),
    /** Roles whose interviews ask it. */
    roles: z.array(ref('roles')).default([]),
    /** Questions an interviewer is likely to ask next. */
    followUps: z.array(z.string().trim().min(10)).default([]),
    /** Old ids of this question; each redirects here. */
    aliases: aliasesSchema,
  });
