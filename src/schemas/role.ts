import { z } from 'astro/zod';
import { aliasesSchema, durationSchema, searchTermsSchema, summarySchema, titleSchema, type ReferenceFactory } from './shared.ts';

/** Seniority bands, in order. */
export const SENIORITY = ['entry', 'junior', 'mid', 'senior', 'staff', 'principal'] as const;

/**
 * Market figures are dated claims: every number carries its region, its source and the date it describes.
 */
const marketSchema = z
  .object({
    /** Lower end of the yearly salary range, in `currency`. */
    salaryMin: z.number().int().positive(),
    /** Upper end of the yearly salary range, in `currency`. */
    salaryMax: z.number().int().positive(),
    /** ISO 4217 code, e.g. USD. */
    currency: z.string().regex(/^[A-Z]{3}$/, { error: 'must be an ISO 4217 code such as USD' }),
    /** Where the range applies, e.g. "United States". */
    region: z.string().trim().min(2),
    /** Hiring demand from 1 (scarce) to 5 (very high). */
    demand: z.number().int().min(1).max(5),
    /** Expected yearly growth in openings, in percent, when the source gives one. */
    growth: z.number().min(-100).max(1000).optional(),
    /** Who said so: the publication or data set the figures come from. */
    source: z.string().trim().min(3),
    /** The month the figures describe, YYYY-MM. */
    asOf: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'must be a month as YYYY-MM' }),
  })
  .refine((m) => m.salaryMax >= m.salaryMin, { error: 'salaryMax must be at least salaryMin', path: ['salaryMax'] });

/**
 * A role or career path: what the job is, what it takes and where it leads.
 * File: content/roles/<id>.mdx — the MDX body describes the work day to day.
 * Questions link to roles (question.roles); the role page derives its question list from them.
 */
export const roleSchema = (ref: ReferenceFactory) =>
  z.object({
    /** Page title, e.g. "Go Developer". */
    title: titleSchema,
    /** One sentence on what the role does. */
    summary: summarySchema,
    /** Other words learners search with for this entry; see `searchTermsSchema`. */
    searchTerms: searchTermsSchema,
    /** The seniority bands this role spans, e.g. [junior, mid, senior]. */
    seniority: z.array(z.enum(SENIORITY)).min(1),
    /** How long a motivated learner takes to be hireable in this role. */
    timeToProficiency: durationSchema,
    /** What the role must be able to do, as short phrases. */
    skills: z.array(z.string().trim().min(2)).min(3),
    /** Languages, frameworks and tools typically used. */
    stack: z.array(z.string().trim().min(1)).min(1),
    /** Market figures, with source and date. */
    market: marketSchema,
    /** Roadmaps that lead to this role, most direct first. */
    roadmaps: z.array(ref('roadmaps')).default([]),
    /** Projects that prove the role's skills in a portfolio. */
    projects: z.array(ref('projects')).default([]),
    /** Where this role sits on the career ladder. */
    ladder: z
      .object({
        /** Step on the individual-contributor ladder: 1 junior, 2 mid, 3 senior, 4 staff/principal. */
        step: z.number().int().min(1).max(5).optional(),
        /** The role this one branches off as a specialisation. */
        branchesFrom: ref('roles').optional(),
      })
      .optional(),
    /** Position in listings (lower first). */
    order: z.number().int().default(100),
    /** Old ids of this role; each redirects here. */
    aliases: aliasesSchema,
  });
