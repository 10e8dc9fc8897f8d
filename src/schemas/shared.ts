import { z } from 'astro/zod';
import { isDate, isoDay } from '../core/format/dates.ts';
import { ID_PATTERN } from '../core/format/ids.ts';
import { inlineTextProblem } from '../core/format/inline-code.ts';

/** The collections of the site, in the order the navigation shows them. */
export const COLLECTIONS = [
  'roadmaps',
  'topics',
  'labs',
  'timelines',
  'roles',
  'questions',
  'projects',
  'comparisons',
] as const;
export type CollectionName = (typeof COLLECTIONS)[number];

/**
 * Builds the schema for a link to another entry: an id, read into `{ id, collection }`. The collections
 * (src/content.config.ts) pass Astro's `reference()` from `astro:content`; tools and tests that parse content outside
 * Astro pass `referenceById`, which reads it the same way.
 */
export type ReferenceFactory = <C extends CollectionName>(collection: C) => z.ZodType<{ id: string; collection: C }>;

/** A reference read as Astro's `reference()` reads it, for parsing content outside Astro; whether the entry exists is the content check's to say. */
export const referenceById: ReferenceFactory = (collection) =>
  z
    .string()
    .min(1)
    .transform((id) => ({ id, collection }));

/**
 * The languages a learner can build a project's server in, as the project pages teach them
 * (src/components/project-check/server-languages.ts): a language roadmap or role names its own, and its page links
 * the projects it can practise with the project checker.
 */
export const SERVER_LANGUAGE_NAMES = ['Go', 'Java', 'C#', 'Rust', 'PHP', 'Python', 'Node'] as const;
export const serverLanguageSchema = z.enum(SERVER_LANGUAGE_NAMES);

/** An entry id: lower-case words joined by hyphens. It is the URL segment and never changes once published. */
export const idSchema = z
  .string()
  .regex(ID_PATTERN, { error: 'must be lower-case words joined by hyphens, e.g. "http-caching"' });

/** Old ids of an entry that was renamed. Each gets a redirect page to the current URL. */
const aliasesSchema = z.array(idSchema).default([]);

/** A page title as shown in headings, cards and the browser tab; `inline code` in backticks shows as code. */
export const titleSchema = z.string().trim().min(2).max(90);

/**
 * One plain sentence that says what the entry is; used as the meta description and on cards. `Inline code` in backticks
 * shows as code on pages and cards and as plain words in the meta description (src/core/format/inline-code.ts).
 */
export const summarySchema = z.string().trim().min(20).max(300);

/**
 * Other words a learner may search with to find this entry: abbreviations (`k8s`), other names (`golang`),
 * spellings with symbols (`n+1`, `c#`) and common phrasings (`borrow checker`). Optional. Indexed for search with
 * a high weight and never shown. Each term belongs to the one entry that answers it: the content check rejects a
 * term that another entry claims too or that is another entry's title.
 */
const searchTermsSchema = z.array(z.string().trim().min(2).max(40)).max(12).default([]);

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

/** Levels of a roadmap (projects have their own three, PROJECT_LEVELS in project.ts). */
export const LEVELS = ['beginner', 'intermediate', 'advanced', 'expert'] as const;

/** Difficulty of an interview question. */
export const DIFFICULTIES = ['junior', 'mid', 'senior'] as const;

/** Kind of an interview question. */
export const QUESTION_TYPES = ['concept', 'coding', 'system-design', 'behavioral'] as const;

/** The fields of a duration, for schemas that add their own to it (a role's time to proficiency). */
export const durationFields = {
  min: z.number().positive(),
  max: z.number().positive(),
  unit: z.enum(['weeks', 'months', 'years']),
};

/** A span of time, e.g. 4 to 5 months. */
export const durationSchema = z
  .object(durationFields)
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

/** A calendar month, YYYY-MM: the month a figure describes or a judgement was last reviewed. */
const monthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'must be a month as YYYY-MM, e.g. "2024-05"' });

const httpsUrlSchema = z.url({ protocol: /^https$/, error: 'must be an absolute https:// URL' });

/** A published document a reader can open and check: a data table, a survey, an official page. */
const externalSourceSchema = z.strictObject({
  /** Optional; a source without a `kind` is external. */
  kind: z.literal('external').default('external'),
  /** Publisher and title as a reader would cite it ("U.S. Bureau of Labor Statistics, OEWS May 2024: Software Developers"). */
  name: z.string().trim().min(3),
  /** Where to check it: an absolute https URL, the page itself rather than a home page. */
  url: httpsUrlSchema,
  /** The month the figures describe (or, for a projection or survey, the month it was published), YYYY-MM. */
  asOf: monthSchema,
});

/** A link to something a judgement rests on: a benchmark, an official document, a survey. */
const evidenceSchema = z.strictObject({
  /** What the link is ("TechEmpower Framework Benchmarks"). */
  name: z.string().trim().min(3),
  url: httpsUrlSchema,
});

/** Our own judgement, said as such: a rating or a choice the site makes and reviews, not a measured figure. */
const assessmentSourceSchema = z.strictObject({
  kind: z.literal('assessment'),
  /** The month we last checked the judgement against the evidence, YYYY-MM. */
  reviewed: monthSchema,
  /** Public material the judgement rests on, where there is any. */
  evidence: z.array(evidenceSchema).default([]),
});

/** A figure the site derived from published data, e.g. a salary band read off an occupation's percentiles. */
const estimateSourceSchema = z.strictObject({
  kind: z.literal('estimate'),
  /** How the figure was derived, in one or two plain sentences a reader can repeat. */
  method: z.string().trim().min(20),
  /** The published data it was derived from; each with its link and month. */
  from: z.array(externalSourceSchema.omit({ kind: true }).strict()).min(1),
});

/**
 * Where a dated claim or a rating comes from, shared by roles and comparisons. One of three forms:
 * an external source (`name`, https `url`, `asOf` month), `kind: assessment` (our judgement, with the month it was
 * reviewed and optional evidence links) or `kind: estimate` (a figure we derived, how, and from what).
 */
export const sourceSchema = z.preprocess(
  (value) =>
    value && typeof value === 'object' && !Array.isArray(value) && !('kind' in value)
      ? { ...value, kind: 'external' }
      : value,
  z.discriminatedUnion('kind', [externalSourceSchema, assessmentSourceSchema, estimateSourceSchema], {
    error:
      'must be a source: { name, url, asOf } for a publication, { kind: assessment, reviewed } for our judgement, or { kind: estimate, method, from } for a derived figure',
  }),
);
export type Source = z.output<typeof sourceSchema>;

/** Plain text with `inline code` in backticks: no HTML, no links, no line breaks (see src/core/format/inline-code.ts). */
export const inlineText = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .superRefine((text, ctx) => {
      const problem = inlineTextProblem(text);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });

/**
 * A calendar day, YYYY-MM-DD, kept as that text. Astro's YAML reader turns an unquoted date into a Date (and an
 * impossible one such as 2026-02-30 into a real later day, which the content check catches in the file's text:
 * src/lib/content/integrity/change-dates.ts); a quoted date stays text and is checked here.
 */
const daySchema = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? isoDay(value) : value),
  z
    .string({ error: 'must be a day as YYYY-MM-DD, e.g. 2026-11-22' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a day as YYYY-MM-DD, e.g. 2026-11-22' })
    .refine(isDate, { error: 'is not a day of the calendar' }),
);

/**
 * When an entry was published and last changed, and what changed: every entry page shows the date, and the
 * "What changed" page (/changes/), its Atom feed and the new/updated marks on roadmaps are built from these.
 * The content check adds: no date in the future, `updated` not before `created`, and a `change` line whenever
 * `updated` is after `created`. Written as the first lines of the frontmatter.
 */
const changeFields = {
  /** The day the entry was first published, YYYY-MM-DD. It does not change afterwards. */
  created: daySchema,
  /**
   * The day of the last change a learner would want to hear about (new or corrected teaching, new self-check,
   * changed stages or figures), YYYY-MM-DD. Typo fixes and reformatting leave it alone.
   */
  updated: daySchema,
  /** What that change was, in one plain sentence ("Added self-check questions."). Required once `updated` is after `created`. */
  change: inlineText(10, 200).optional(),
};

/**
 * The fields every entry has besides its title and summary: when it was published and last changed (`changeFields`),
 * other words learners search with for it (`searchTermsSchema`) and its old ids, each of which redirects to it
 * (`aliasesSchema`).
 */
export const entryFields = { ...changeFields, searchTerms: searchTermsSchema, aliases: aliasesSchema };
