import { z } from 'astro/zod';
import {
  durationSchema,
  entryFields,
  idSchema,
  LEVELS,
  type ReferenceFactory,
  serverLanguageSchema,
  summarySchema,
  titleSchema,
} from './shared.ts';

/**
 * A topic's place in a stage. Write a bare topic id for a required topic, or an object to mark it
 * optional or as one of several alternatives ("pick one of Express, Fastify, NestJS").
 */
const stageTopicSchema = (ref: ReferenceFactory) =>
  z.union([
    ref('topics'),
    z.object({
      /** The topic id. */
      topic: ref('topics'),
      /** Worth knowing, but the stage is complete without it. */
      optional: z.boolean().default(false),
      /** Topics sharing a group name are alternatives: learning one of them completes the choice. */
      alternative: idSchema.optional(),
    }),
  ]);

/** One stage of a roadmap: a block of topics learned together, in order. */
const stageSchema = (ref: ReferenceFactory) =>
  z.object({
    /** Stable anchor of the stage on the roadmap page (#<id>); never reuse a topic id. */
    id: idSchema,
    /** Stage heading, e.g. "Relational databases". */
    title: titleSchema,
    /** One or two sentences on what this stage achieves. */
    goal: z.string().trim().min(10).optional(),
    /** The weeks this stage covers in the suggested schedule, e.g. { from: 5, to: 8 }. */
    weeks: z
      .object({ from: z.number().int().positive(), to: z.number().int().positive() })
      .refine((w) => w.to >= w.from, { error: 'to must be at least from', path: ['to'] })
      .optional(),
    /** The topics of the stage, in learning order. */
    topics: z.array(stageTopicSchema(ref)).min(1),
  });

/**
 * A roadmap: ordered stages of topics towards a goal (a role, a language, a skill).
 * File: content/roadmaps/<id>.md — the Markdown body is the introduction: who it is for and how to use it.
 * Roles link to roadmaps (role.roadmaps); the roadmap page derives its related roles from them.
 */
export const roadmapSchema = (ref: ReferenceFactory) =>
  z.object({
    /** created, updated, change, searchTerms, aliases: see `entryFields`. */
    ...entryFields,
    /** Page title, e.g. "Backend Developer". */
    title: titleSchema,
    /** One sentence on what the roadmap leads to. */
    summary: summarySchema,
    /** Who it suits: one or more of beginner | intermediate | advanced | expert. */
    levels: z.array(z.enum(LEVELS)).min(1),
    /** How long the whole roadmap takes at the suggested pace. */
    duration: durationSchema,
    /** The pace the duration assumes, in hours per week. */
    hoursPerWeek: z.object({ min: z.number().positive(), max: z.number().positive() }),
    /** Stages in learning order. A topic appears at most once per roadmap. */
    stages: z.array(stageSchema(ref)).min(1),
    /** Roadmaps to finish first. Must not form a cycle. */
    prerequisites: z.array(ref('roadmaps')).default([]),
    /** Position in listings (lower first); roadmaps with equal order sort by title. */
    order: z.number().int().default(100),
    /** A language roadmap's language: its page links the projects to build in it and check (Go, Java, C# …). */
    serverLanguage: serverLanguageSchema.optional(),
  });
