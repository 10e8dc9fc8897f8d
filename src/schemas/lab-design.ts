/**
 * A design lab's own fields (lab.ts, `language: design`): the interview's steps around the design — requirements to
 * scope, estimates graded with a tolerance, trade-offs compared with a rubric — and the hidden scenarios the design
 * must meet. The design itself (starter, solution, wrong answers) is in the simulator's text format, src/lib/labs/design/.
 */
import { z } from 'astro/zod';
import type { ReferenceFactory } from './shared.ts';

/** A requirement the learner marks in or out of scope; `why` is shown once they commit. */
const designRequirementSchema = z.strictObject({
  /** The requirement as the interviewer states it ("Redirect a short code to its long URL"). */
  text: z.string().trim().min(10).max(200),
  /** Whether it is in scope for this design. */
  inScope: z.boolean(),
  /** Why it is in or out, one or two sentences. */
  why: z.string().trim().min(20).max(400),
});

/** A number the learner estimates before designing, graded within a relative tolerance. */
const designEstimateSchema = z.strictObject({
  /** Stable id (kebab-case): the learner's answer is kept under it. */
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  /** What to estimate ("Redirects a second at the daily peak"). */
  question: z.string().trim().min(10).max(200),
  /** The unit the answer is in ("requests/s", "GB a day"). */
  unit: z.string().trim().min(1).max(30),
  /** The lab's estimate. */
  answer: z.number().positive(),
  /** Relative tolerance: 0.5 accepts ±50 %. Estimates are orders of magnitude, so 0.25–0.6 is usual. */
  tolerance: z.number().min(0.05).max(1),
  /** The arithmetic, shown after the learner answers ("100 M × 100 ÷ 2.6 M s ≈ 3,900/s; × 5 at peak ≈ 19,000/s"). */
  working: z.string().trim().min(20).max(600),
});

/** The trade-offs step: a question the learner answers in writing, then compares with the rubric. */
const designTradeoffsSchema = z.strictObject({
  /** What to write about ("What does your cache cost you, and when would you drop it?"). */
  prompt: z.string().trim().min(20).max(400),
  /** What a strong answer covers, one point each, shown once the learner commits. */
  rubric: z.array(z.string().trim().min(20).max(400)).min(3).max(8),
});

/**
 * The deep-dive step: the part of the design an interviewer asks to see built, practised in a lab of another kind
 * (a design lab is not a deep dive). `why` ties the lab to this design: which part of it the lab builds.
 */
const designDeepDiveSchema = (ref: ReferenceFactory) =>
  z.strictObject({
    /** The lab that builds it (content check: it exists and is not a design lab). */
    lab: ref('labs'),
    /** Which part of this design the lab builds, and what to look for there. */
    why: z.string().trim().min(40).max(400),
  });

/** What a missing need tells the learner, without naming the route or the column that meets it. */
const needText = z.string().trim().min(10).max(160);

/**
 * The API-and-data-model step: the routes and tables the task needs, as patterns the checker matches by structure
 * (src/lib/labs/design/grading/api-model.ts), the model answer (routes, then SQL) and a rubric. The content check
 * holds the model answer to its own patterns, and a unit test runs its SQL on PostgreSQL.
 */
const designApiModelSchema = z.strictObject({
  /**
   * `METHOD /path`: methods and literal words with `|` alternatives, `:name` for a parameter; several shapes that
   * each meet the need are separated by `, `.
   */
  routes: z
    .array(
      z.strictObject({
        route: z.string().regex(/^[A-Z]+(?:\|[A-Z]+)* \/[\w|:/.-]*(?:, [A-Z]+(?:\|[A-Z]+)* \/[\w|:/.-]*)*$/),
        need: needText,
      }),
    )
    .max(6),
  /** A table by its names, and the columns unique together (`key`) or an index's leading columns (`index`). */
  tables: z
    .array(
      z
        .strictObject({
          table: z.string().regex(/^(?:\*|[a-z_]+(?:\|[a-z_]+)*)$/),
          key: z.string().trim().min(1).optional(),
          index: z.string().trim().min(1).optional(),
          need: needText,
        })
        .refine((t) => (t.key === undefined) !== (t.index === undefined), 'needs exactly one of key or index'),
    )
    .max(4),
  /** The model answer: one route a line, a blank line, then the SQL. */
  model: z.string().trim().min(60).max(3000),
  /** What a strong answer covers, shown with the model answer. */
  rubric: z.array(z.string().trim().min(20).max(400)).min(3).max(6),
});

/** The design kind's fields, each optional here and required of a design lab by lab.ts's refinement. */
export const designLabFields = (ref: ReferenceFactory) => ({
  /** Design labs: the requirements the learner scopes first (3–10). */
  requirements: z.array(designRequirementSchema).min(3).max(10).optional(),
  /** Design labs: numbers the learner estimates before designing (2–6). */
  estimates: z.array(designEstimateSchema).min(2).max(6).optional(),
  /**
   * Design labs: the same estimates at production scale (say 100 times the task's traffic), and what slice of that
   * system the simulated run is ("this run is one shard at its peak"). Shown with the arithmetic, once it is revealed.
   */
  atScale: z.string().trim().min(100).max(900).optional(),
  /** Design labs: the hidden scenarios (traffic and faults, with the bar to meet) in the simulator's format. */
  scenarios: z.array(z.unknown()).min(2).max(8).optional(),
  /**
   * Design labs: facts for every part of a kind the starter may lack, one `<kind> <param> <value>` each
   * (`cdn hits 95 %`). The starter's lines marked `# measured`, its traffic and every price are facts already: a
   * design that changes one is not run (src/lib/labs/design/grading/design-measured.ts).
   */
  measured: z
    .array(
      // Each line is read by the simulator's own parser in the content check (src/lib/content/integrity/design-labs.ts).
      z.string().trim(),
    )
    .max(10)
    .optional(),
  /** Design labs: the trade-offs step. */
  tradeoffs: designTradeoffsSchema.optional(),
  /** Design labs: the API-and-data-model step, between the estimates and the design. */
  apiModel: designApiModelSchema.optional(),
  /** Design labs: the deep dive, one to three labs that build the design's core algorithm. */
  deepDives: z.array(designDeepDiveSchema(ref)).min(1).max(3).optional(),
});
