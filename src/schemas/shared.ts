import { z } from 'astro/zod';

/** The collections of the site, in the order the navigation shows them. */
export const COLLECTIONS = ['roadmaps', 'topics', 'roles', 'questions', 'projects', 'comparisons'] as const;
export type CollectionName = (typeof COLLECTIONS)[number];

/**
 * Builds the schema for a link to another entry. In Astro this is `reference()` from `astro:content`;
 * the stand-alone content checker (src/lib/content-integrity) passes a plain id schema instead,
 * so both read the same schema definitions.
 */
export type ReferenceFactory = <C extends CollectionName>(collection: C) => z.ZodType<{ id: string; collection: C }>;

/** An entry id: lower-case words joined by hyphens. It is the URL segment and never changes once published. */
export const idSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'must be lower-case words joined by hyphens, e.g. "http-caching"' });

/** Old ids of an entry that was renamed. Each gets a redirect page to the current URL. */
export const aliasesSchema = z.array(idSchema).default([]);

/** A page title as shown in headings, cards and the browser tab. */
export const titleSchema = z.string().trim().min(2).max(90);

/** One plain sentence that says what the entry is; used as the meta description and on cards. */
export const summarySchema = z.string().trim().min(20).max(300);

/**
 * Other words a learner may search with to find this entry: abbreviations (`k8s`), other names (`golang`),
 * spellings with symbols (`n+1`, `c#`) and common phrasings (`borrow checker`). Optional. Indexed for search with
 * a high weight and never shown. Each term belongs to the one entry that answers it: the content check rejects a
 * term that another entry claims too or that is another entry's title.
 */
export const searchTermsSchema = z.array(z.string().trim().min(2).max(40)).max(12).default([]);

/** The kind of a learning resource. Official docs and specs come first on every page. */
export const RESOURCE_TYPES = ['official', 'spec', 'article', 'book', 'course', 'video', 'tool'] as const;

/** An external resource a learner can follow. */
export const resourceSchema = z.object({
  /** What the link is, as a learner would name it ("PostgreSQL manual: Indexes"). */
  title: z.string().trim().min(3),
  /** Absolute https URL; prefer stable official addresses. */
  url: z.url({ protocol: /^https$/, error: 'must be an absolute https:// URL' }),
  /** official | spec | article | book | course | video | tool */
  type: z.enum(RESOURCE_TYPES),
});

/** Levels shared by roadmaps and projects. */
export const LEVELS = ['beginner', 'intermediate', 'advanced', 'expert'] as const;

/** Difficulty of an interview question. */
export const DIFFICULTIES = ['junior', 'mid', 'senior'] as const;

/** Kind of an interview question. */
export const QUESTION_TYPES = ['concept', 'coding', 'system-design', 'behavioral'] as const;

/** A span of time, e.g. 4 to 5 months. */
export const durationSchema = z
  .object({
    min: z.number().positive(),
    max: z.number().positive(),
    unit: z.enum(['weeks', 'months', 'years']),
  })
  .refine((d) => d.max >= d.min, { error: 'max must be at least min', path: ['max'] });

/** Topic areas, used to group the topic index. */
export const TOPIC_AREAS = [
  'fundamentals',
  'languages',
  'frameworks',
  'databases',
  'apis',
  'security',
  'caching',
  'testing',
  'devops',
  'architecture',
  'messaging',
  'observability',
  'performance',
  'search',
  'practices',
] as const;
