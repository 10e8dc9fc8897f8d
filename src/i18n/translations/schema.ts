/**
 * A translated entry: content/translations/<locale>/<collection>/<id>.md translates content/<collection>/<id>.md.
 * Its frontmatter holds only words (the text fields of TEXT_FIELDS) and the hash of the English file it was made
 * from; ids, links, hours, labs and every other field come from the English entry, so they cannot drift.
 * Fields outside TEXT_FIELDS are kept by the schema so that the check (check.ts) can name them.
 */
import { z } from 'astro/zod';
import { summarySchema, titleSchema } from '../../schemas/shared.ts';

/** The collections a translation can translate, and the frontmatter fields of each that are words. */
export const TEXT_FIELDS = {
  topics: ['title', 'summary', 'searchTerms', 'selfCheck'],
  roadmaps: ['title', 'summary', 'searchTerms', 'stages', 'groups'],
  labs: [
    'title',
    'summary',
    'searchTerms',
    'task',
    'hints',
    'explanation',
    'checks',
    'variants',
    'requests',
    'comments',
    'strings',
  ],
} as const;
export type TranslatedCollection = keyof typeof TEXT_FIELDS;

/** The first 12 hex digits of the SHA-256 of the English file, as it was when the translation was made or checked. */
/**
 * Words run longer in Portuguese than in English (a fifth, often more): a translated field may be half as long again
 * as the English field's limit allows.
 */
const words = (min: number, englishMax: number) =>
  z
    .string()
    .trim()
    .min(min)
    .max(Math.round(englishMax * 1.5));

const sourceSchema = z.strictObject({ sha256: z.string().regex(/^[0-9a-f]{12}$/, 'must be 12 hex digits') });

export const translationSchema = z.looseObject({
  source: sourceSchema,
  title: titleSchema,
  summary: summarySchema,
  searchTerms: z.array(z.string().trim().min(2).max(60)).max(12).default([]),
  selfCheck: z
    .array(z.strictObject({ question: z.string().trim().min(10).max(240), answer: z.string().trim().min(20).max(600) }))
    .optional(),
  stages: z
    .array(z.strictObject({ id: z.string(), title: z.string().trim().min(2).max(90), goal: z.string().trim().min(10) }))
    .optional(),
  /** A roadmap's pick-one groups by their English name, as the map's label names them: language: uma linguagem. */
  groups: z.record(z.string(), z.string().trim().min(2).max(40)).optional(),
  /** A lab's text (src/schemas/lab.ts), each list in the English order and of the English length (check.ts). */
  task: words(20, 400).optional(),
  hints: z.array(words(15, 400)).optional(),
  explanation: words(40, 1200).optional(),
  /** An SQL lab's checks: the text of each (name, rule, message, the probes' labels), nothing else. */
  checks: z
    .array(
      z.strictObject({
        name: words(3, 80).optional(),
        rule: words(10, 300).optional(),
        message: words(10, 300).optional(),
        probes: z.array(words(5, 80)).optional(),
      }),
    )
    .optional(),
  /** An SQL lab's hidden datasets: each one's case, completing "Com …" as the English completes "With …". */
  variants: z.array(words(5, 80)).optional(),
  /**
   * An API lab's hidden tests: each one's name, and the message of each of its steps that has one, in order (the
   * requests of a `concurrent` step included, after the step's own).
   */
  requests: z.array(z.strictObject({ name: words(3, 80), messages: z.array(words(10, 300)).default([]) })).optional(),
  /**
   * The comments of a lab's starter and solution, by their English text (without the marker): the code around them
   * stays the English code (code-words.ts). A docstring or block comment is mapped line by line.
   */
  comments: z.record(z.string(), z.string().trim().min(1).max(300)).optional(),
  /**
   * The string literals of a code lab's hidden tests that a learner reads (each test's name, and each literal with
   * words: a failure message or part of one), by their English text as the source spells it (code-words.ts).
   */
  strings: z.record(z.string(), z.string().min(1).max(400)).optional(),
});
