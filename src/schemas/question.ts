import { z } from 'astro/zod';
import { DIFFICULTIES, entryFields, inlineText, QUESTION_TYPES, type ReferenceFactory } from './shared.ts';
import { inlinePlainText } from '../core/format/inline-code.ts';

/** Words a learner can recall on a flashcard, the thesis and its points together. */
const SHORT_ANSWER_MAX_WORDS = 60;

const wordsIn = (text: string) => text.split(/\s+/).filter(Boolean).length;

/**
 * A short answer a learner can recall: a thesis (the answer's core claim, one sentence, right on its own) and up to
 * three short points, at most 60 words in all. The long answer (the Markdown body) keeps the depth.
 */
const shortAnswerSchema = z
  .strictObject({
    /** One sentence: the answer's core claim. Plain text; inline code in backticks. */
    thesis: inlineText(20, 300),
    /** Up to three short points that support the thesis. */
    points: z.array(inlineText(3, 200)).max(3).default([]),
  })
  .superRefine((answer, ctx) => {
    const words = wordsIn(answer.thesis) + answer.points.reduce((sum, p) => sum + wordsIn(p), 0);
    if (words > SHORT_ANSWER_MAX_WORDS)
      ctx.addIssue({
        code: 'custom',
        message: `is ${words} words; a short answer is at most ${SHORT_ANSWER_MAX_WORDS} (thesis and points together): move the detail to the long answer`,
      });
  });
export type ShortAnswer = z.output<typeof shortAnswerSchema>;

/** The short answer as one paragraph of plain text (code without its backticks), for meta descriptions and structured data. */
export const shortAnswerText = ({ thesis, points }: ShortAnswer) =>
  inlinePlainText(points.length ? `${thesis} ${points.map((p) => p.replace(/[.;]+$/, '')).join('; ')}.` : thesis);

/**
 * An interview question. File: content/questions/<id>.md — the Markdown body is the long answer, with examples.
 * System-design answers use the headings: Use cases, Constraints and estimates, High-level design,
 * Components, Scaling, Trade-offs.
 */
export const questionSchema = (ref: ReferenceFactory) =>
  z.object({
    /** created, updated, change, searchTerms, aliases: see `entryFields`. */
    ...entryFields,
    /** The question as an interviewer asks it. */
    question: z.string().trim().min(10).max(200),
    /** The back of the flashcard: one sentence to recall, and at most three short points; see `shortAnswerSchema`. */
    shortAnswer: shortAnswerSchema,
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
  });
