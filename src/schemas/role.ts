import { z } from 'astro/zod';
import {
  durationFields,
  entryFields,
  type ReferenceFactory,
  serverLanguageSchema,
  type Source,
  sourceSchema,
  summarySchema,
  titleSchema,
} from './shared.ts';
import { withArticle } from '../core/format/words.ts';

/** Seniority bands, in order. */
export const SENIORITY = ['entry', 'junior', 'mid', 'senior', 'staff', 'principal'] as const;

/** The occupation codes (SOC, e.g. 15-1252) a source names, in its name or in a BLS page address (oes151252.htm). */
function occupationCodes(source: Source): string[] {
  const publications = source.kind === 'external' ? [source] : source.kind === 'estimate' ? source.from : [];
  return [
    ...new Set(
      publications.flatMap(({ name, url }) => [
        ...[...name.matchAll(/\b(\d{2}-\d{4})\b/g)].map((m) => m[1]!),
        ...[...url.matchAll(/oes(\d{2})(\d{4})\.htm/g)].map((m) => `${m[1]}-${m[2]}`),
      ]),
    ),
  ];
}

/**
 * Yearly pay: a range (min and max, with the median when known), or the median alone where only that is
 * confirmed. Always the figure of the role's own occupation (`market.occupation`).
 */
const salarySchema = z
  .strictObject({
    /** Lower end of the yearly range, in `currency`. */
    min: z.number().int().positive().optional(),
    /** Upper end of the yearly range, in `currency`. */
    max: z.number().int().positive().optional(),
    /** The occupation's median yearly pay, in `currency`. */
    median: z.number().int().positive().optional(),
    source: sourceSchema,
  })
  .superRefine((s, ctx) => {
    if ((s.min === undefined) !== (s.max === undefined))
      ctx.addIssue({
        code: 'custom',
        path: [s.min === undefined ? 'min' : 'max'],
        message: 'a range needs both min and max',
      });
    else if (s.min === undefined && s.median === undefined)
      ctx.addIssue({ code: 'custom', message: 'needs a range (min and max) or a median' });
    else if (s.min !== undefined && s.max! < s.min)
      ctx.addIssue({ code: 'custom', path: ['max'], message: 'max must be at least min' });
    else if (s.median !== undefined && s.min !== undefined && (s.median < s.min || s.median > s.max!))
      ctx.addIssue({ code: 'custom', path: ['median'], message: 'the median must lie within the range' });
  });
export type Salary = z.output<typeof salarySchema>;

/**
 * Market figures are dated claims: each one carries its own source (see `sourceSchema`), so a reader can tell a
 * published figure from one we derived and from our own judgement, and can check each.
 */
const marketSchema = z
  .strictObject({
    /** Where the figures apply, e.g. "United States". */
    region: z.string().trim().min(2),
    /** ISO 4217 code of the salary figures, e.g. USD. */
    currency: z.string().regex(/^[A-Z]{3}$/, { error: 'must be an ISO 4217 code such as USD' }),
    /**
     * The occupation whose published figures are this role's (BLS SOC code and title, e.g. 15-1252 Software
     * Developers). Leave it out where no occupation fits the role, and say so in `noSalary`.
     */
    occupation: z
      .strictObject({
        code: z.string().regex(/^\d{2}-\d{4}$/, { error: 'must be a SOC code such as 15-1252' }),
        title: z.string().trim().min(3),
      })
      .optional(),
    /** Yearly pay of the role's own occupation; see `salarySchema`. Left out where no published figure fits. */
    salary: salarySchema.optional(),
    /** Where there is no salary: why no published figure fits this role, in one or two sentences. */
    noSalary: z.string().trim().min(30).max(400).optional(),
    /** Projected change in employment, when a public projection covers the role's occupation. */
    growth: z
      .strictObject({
        /** Change over the whole period, in percent, e.g. 15.8. */
        percent: z.number().min(-100).max(1000),
        /** The projection period as the source writes it, e.g. "2024–34". */
        period: z.string().trim().min(4),
        source: sourceSchema,
      })
      .optional(),
    /** How easy it is to find openings, from 1 (scarce) to 5 (very high): usually our assessment. */
    demand: z.strictObject({
      rating: z.number().int().min(1).max(5),
      source: sourceSchema,
    }),
  })
  .superRefine((market, ctx) => {
    const { salary, occupation } = market;
    if (!salary && !market.noSalary)
      ctx.addIssue({
        code: 'custom',
        path: ['noSalary'],
        message: 'a role without a salary must say why no published figure fits it',
      });
    if (salary && market.noSalary)
      ctx.addIssue({ code: 'custom', path: ['noSalary'], message: 'give a salary or say why there is none, not both' });
    if (salary && !occupation)
      ctx.addIssue({
        code: 'custom',
        path: ['occupation'],
        message: 'a salary must name the occupation it is the figure of (code and title)',
      });
    if (salary && occupation) {
      const codes = occupationCodes(salary.source);
      const others = codes.filter((c) => c !== occupation.code);
      if (others.length || (salary.source.kind !== 'assessment' && !codes.includes(occupation.code)))
        ctx.addIssue({
          code: 'custom',
          path: ['salary', 'source'],
          message: others.length
            ? `is the figure of another occupation (${others.join(', ')}), not this role's ${occupation.code} ${occupation.title}: show the role's own occupation's figure, or none`
            : `must name the occupation it comes from (${occupation.code}) in a publication's name or BLS address`,
        });
    }
    // Pay and growth are figures: a reader must be able to open what they come from. Judgement is for the rating.
    for (const field of ['salary', 'growth'] as const) {
      if (market[field]?.source.kind === 'assessment') {
        ctx.addIssue({
          code: 'custom',
          path: [field, 'source', 'kind'],
          message: `${withArticle(field)} figure needs a publication ({ name, url, asOf }) or kind: estimate with what it was derived from, not an assessment`,
        });
      }
    }
  });

/**
 * A role or career path: what the job is, what it takes and where it leads.
 * File: content/roles/<id>.md — the Markdown body describes the work day to day.
 * Questions link to roles (question.roles); the role page derives its question list from them.
 */
export const roleSchema = (ref: ReferenceFactory) =>
  z.object({
    /** created, updated, change, searchTerms, aliases: see `entryFields`. */
    ...entryFields,
    /** Page title, e.g. "Go Developer". */
    title: titleSchema,
    /** One sentence on what the role does. */
    summary: summarySchema,
    /** The seniority bands this role spans, e.g. [junior, mid, senior]. */
    seniority: z.array(z.enum(SENIORITY)).min(1),
    /**
     * How long a motivated learner takes to be hireable in this role, counted from a start of learning, or with
     * `after` from reaching another role: System Architect's `{ min: 8, max: 12, unit: months, after:
     * senior-backend-engineer }` reads "+8–12 months after Senior Backend Engineer" in every table, chart and page,
     * and sorts by the time from a start (its own plus that of the roles it follows). No cycles.
     */
    timeToProficiency: z
      .object({
        ...durationFields,
        /** The role this time is counted after, when it is not counted from a start of learning. */
        after: ref('roles').optional(),
      })
      .refine((d) => d.max >= d.min, { error: 'max must be at least min', path: ['max'] }),
    /** What the role must be able to do, as short phrases. */
    skills: z.array(z.string().trim().min(2)).min(3),
    /** Languages, frameworks and tools typically used. */
    stack: z.array(z.string().trim().min(1)).min(1),
    /** Market figures (salary, growth, demand), each with its source and month. */
    market: marketSchema,
    /** Roadmaps that lead to this role, most direct first. */
    roadmaps: z.array(ref('roadmaps')).default([]),
    /** Projects that prove the role's skills in a portfolio. */
    projects: z.array(ref('projects')).default([]),
    /** The language the role works in, when it is one: its page says to build its projects in it and check them. */
    serverLanguage: serverLanguageSchema.optional(),
    /** Where this role sits on the career ladder. */
    ladder: z
      .object({
        /** Step on the individual-contributor ladder, 1 to 5: today 1 junior, 2 mid, 3 senior, 4 staff/principal; 5 is free for a step above. */
        step: z.number().int().min(1).max(5).optional(),
        /** The role this one branches off as a specialisation. */
        branchesFrom: ref('roles').optional(),
      })
      .optional(),
    /** Position in listings (lower first). */
    order: z.number().int().default(100),
  });
