import { z } from 'astro/zod';
import { entryFields, type ReferenceFactory, summarySchema, titleSchema } from './shared.ts';

/** Isolation levels a scenario can be about, as PostgreSQL names them. */
const ISOLATION_LEVELS = ['read committed', 'repeatable read', 'serializable'] as const;

/** A session's name: one upper-case letter, the column it is drawn in (A, B, C). */
const sessionSchema = z.string().regex(/^[A-Z]$/, { error: 'must be one upper-case letter, e.g. A' });

/** One statement one session runs, in the order the scenario runs them. */
const stepSchema = z.strictObject({
  /** The session that runs it: one of the scenario's `sessions`. */
  session: sessionSchema,
  /** One SQL statement, without a trailing semicolon. */
  sql: z
    .string()
    .trim()
    .min(3)
    .refine((sql) => !/;\s*\S/.test(sql), { error: 'must be one statement: a step runs one statement' }),
  /** Why this step does what it does: shown once the learner has predicted it. One to three sentences. */
  why: z.string().trim().min(10).max(600),
  /**
   * For a step that returns rows: two to four answers the learner picks from, each the rows as the page prints
   * them (values of a row joined by ", ", rows by " | ", e.g. "100" or "1, alice | 2, bob"). The recording must
   * match exactly one of them, so the right choice is always the server's.
   */
  choices: z.array(z.string().trim().min(1)).min(2).max(4).optional(),
});
export type TimelineStep = z.output<typeof stepSchema>;

/**
 * A concurrency scenario: two or three sessions on one PostgreSQL database, their statements interleaved step by
 * step. File: content/timelines/<id>.yaml. What each step did is never written here: `npm run timelines:record`
 * runs the scenario on a real server and writes content/timelines/recordings/<id>.json.
 */
export const timelineSchema = (ref: ReferenceFactory) =>
  z
    .object({
      /** created, updated, change, searchTerms, aliases: see `entryFields`. */
      ...entryFields,
      /** Page title, e.g. "The lost update". */
      title: titleSchema,
      /** One sentence: what the learner watches happen. */
      summary: summarySchema,
      /** Place in the list of timelines: the lost update and its fixes first, then the other anomalies. */
      order: z.number().int().min(1),
      /** The isolation level(s) its transactions run at. */
      isolation: z.array(z.enum(ISOLATION_LEVELS)).min(1),
      /** Topics it belongs to (the first is its home); each topic page links it. */
      topics: z.array(ref('topics')).min(1),
      /** Single-session labs that fix what it shows; each lab page links it. */
      labs: z.array(ref('labs')).default([]),
      /** Interview questions it illustrates; each question page links it. */
      questions: z.array(ref('questions')).default([]),
      /** The scenario before the steps: what the learner should look for. Two to five sentences. */
      intro: z.string().trim().min(80).max(1200),
      /** Tables and seed rows, run once on a new database before the sessions connect. */
      setup: z.string().trim().min(10),
      /** The sessions, in column order: two or three. */
      sessions: z.array(sessionSchema).min(2).max(3),
      /** The statements in the order they run. */
      steps: z.array(stepSchema).min(3).max(24),
      /** What to take away, after the last step: the fix and when to use it. Two to five sentences. */
      takeaway: z.string().trim().min(80).max(1200),
    })
    .superRefine((timeline, ctx) => {
      if (new Set(timeline.sessions).size !== timeline.sessions.length)
        ctx.addIssue({ code: 'custom', path: ['sessions'], message: 'names a session twice' });
      timeline.steps.forEach((step, i) => {
        if (!timeline.sessions.includes(step.session))
          ctx.addIssue({
            code: 'custom',
            path: ['steps', i, 'session'],
            message: `"${step.session}" is not one of the sessions (${timeline.sessions.join(', ')})`,
          });
      });
      for (const session of timeline.sessions)
        if (!timeline.steps.some((s) => s.session === session))
          ctx.addIssue({ code: 'custom', path: ['sessions'], message: `session ${session} runs no step` });
    });
