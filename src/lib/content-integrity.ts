/**
 * Checks the whole content tree before Astro builds it, so that bad content fails the build with the file
 * and the field named. Astro validates each entry's schema but only logs broken references and silently
 * keeps one of two entries with the same id; this module makes those, and the cross-entry rules of the
 * site (aliases, duplicate topics in a roadmap, prerequisite cycles, MDX syntax), fatal.
 */
import { z } from 'astro/zod';
import { mdxToJs } from 'satteri';
import { comparisonSchema } from '../schemas/comparison.ts';
import { projectSchema } from '../schemas/project.ts';
import { questionSchema } from '../schemas/question.ts';
import { roadmapSchema } from '../schemas/roadmap.ts';
import { roleSchema } from '../schemas/role.ts';
import { type CollectionName, idSchema, type ReferenceFactory } from '../schemas/shared.ts';
import { topicSchema } from '../schemas/topic.ts';
import type { RawEntry } from './content-files.ts';

/** A problem found in the content: where it is and what is wrong. */
export interface ContentIssue {
  file: string;
  /** Dotted path of the field, e.g. "stages[2].topics[0]"; "(file)" for the file as a whole. */
  field: string;
  message: string;
}

/** A reference found while parsing: the checker resolves it once every entry is known. */
class Ref {
  readonly collection: CollectionName;
  readonly id: string;
  constructor(collection: CollectionName, id: string) {
    this.collection = collection;
    this.id = id;
  }
}

const ref = ((collection: CollectionName) => z.string().min(1).transform((id) => new Ref(collection, id))) as ReferenceFactory;

/** Each collection's schema with references parsed but not resolved; also used by build steps that read content. */
export const SCHEMAS: Record<CollectionName, z.ZodType> = {
  roadmaps: roadmapSchema(ref),
  topics: topicSchema(ref),
  roles: roleSchema(ref),
  questions: questionSchema(ref),
  projects: projectSchema(ref),
  comparisons: comparisonSchema(ref),
};

const SINGULAR: Record<CollectionName, string> = {
  roadmaps: 'roadmap',
  topics: 'topic',
  roles: 'role',
  questions: 'question',
  projects: 'project',
  comparisons: 'comparison',
};

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  return out || '(file)';
}

function* findRefs(value: unknown, path: PropertyKey[] = []): Generator<{ ref: Ref; path: PropertyKey[] }> {
  if (value instanceof Ref) yield { ref: value, path };
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* findRefs(v, [...path, i]);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* findRefs(v, [...path, k]);
}

/** Finds a cycle in a directed graph given as adjacency lists; returns the cycle's nodes or null. */
export function findCycle(edges: ReadonlyMap<string, readonly string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === 'done') return null;
    if (state.get(node) === 'open') return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, 'open');
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of [...edges.keys()].sort()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

function checkMdx(entry: RawEntry): ContentIssue | null {
  try {
    mdxToJs(entry.body);
    return null;
  } catch (error) {
    const message = (error as Error).message;
    // satteri reports "line:column: reason"; shift the line past the frontmatter so it matches the file.
    const located = /^(\d+):(\d+): ([\s\S]*)$/.exec(message);
    const where = located ? `line ${Number(located[1]) + entry.bodyLine - 1}, column ${located[2]}: ` : '';
    // Drop satteri's body-relative "(l:c)" positions: the line above is the one that matches the file.
    const reason = (located ? located[3]! : message).replace(/ \(\d+:\d+\)/g, '');
    return { file: entry.file, field: 'body', message: `MDX syntax error at ${where}${reason}` };
  }
}

/** Validates every entry and the links between them. Returns an empty list when the content is sound. */
export function checkContent(entries: readonly RawEntry[]): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const parsed: { entry: RawEntry; data: Record<string, unknown> }[] = [];

  // 1. Each file on its own: id, parse, schema, MDX syntax.
  for (const entry of entries) {
    if (!idSchema.safeParse(entry.id).success) {
      issues.push({ file: entry.file, field: '(file name)', message: `id "${entry.id}" must be lower-case words joined by hyphens` });
    }
    if (entry.parseError) {
      issues.push({ file: entry.file, field: '(file)', message: entry.parseError });
      continue;
    }
    const result = SCHEMAS[entry.collection].safeParse(entry.data);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const missing = issue.code === 'invalid_type' && issue.input === undefined;
        issues.push({ file: entry.file, field: formatPath(issue.path), message: missing ? 'is required but missing' : issue.message });
      }
    } else {
      parsed.push({ entry, data: result.data as Record<string, unknown> });
    }
    if (entry.collection !== 'comparisons') {
      const mdx = checkMdx(entry);
      if (mdx) issues.push(mdx);
    }
  }

  // 2. Ids and aliases are unique within a collection; an alias never shadows a live id.
  const ids = new Map<string, Map<string, RawEntry>>();
  const aliases = new Map<string, Map<string, RawEntry>>();
  for (const entry of entries) {
    const seen = ids.get(entry.collection) ?? new Map<string, RawEntry>();
    ids.set(entry.collection, seen);
    const first = seen.get(entry.id);
    if (first) issues.push({ file: entry.file, field: '(file name)', message: `duplicate ${SINGULAR[entry.collection]} id "${entry.id}": ${first.file} has it too` });
    else seen.set(entry.id, entry);
  }
  for (const { entry, data } of parsed) {
    const own = aliases.get(entry.collection) ?? new Map<string, RawEntry>();
    aliases.set(entry.collection, own);
    for (const [i, alias] of (data.aliases as string[]).entries()) {
      const live = ids.get(entry.collection)?.get(alias);
      if (live) issues.push({ file: entry.file, field: `aliases[${i}]`, message: `alias "${alias}" is the id of ${live.file}` });
      const other = own.get(alias);
      if (other && other !== entry) issues.push({ file: entry.file, field: `aliases[${i}]`, message: `alias "${alias}" is also an alias in ${other.file}` });
      own.set(alias, entry);
    }
  }

  // 3. Every reference points at an entry that exists (and at its current id, not an old alias).
  for (const { entry, data } of parsed) {
    for (const { ref: target, path } of findRefs(data)) {
      if (ids.get(target.collection)?.has(target.id)) continue;
      const renamed = aliases.get(target.collection)?.get(target.id);
      const message = renamed
        ? `refers to ${SINGULAR[target.collection]} "${target.id}", an old id of "${renamed.id}": use "${renamed.id}"`
        : `refers to ${SINGULAR[target.collection]} "${target.id}", which does not exist (no ${target.collection}/${target.id} file)`;
      issues.push({ file: entry.file, field: formatPath(path), message });
    }
  }

  // 4. Roadmaps: a topic once per roadmap, stage anchors unique, prerequisites acyclic.
  const prerequisites = new Map<string, string[]>();
  for (const { entry, data } of parsed) {
    if (entry.collection !== 'roadmaps') continue;
    const stages = data.stages as { id: string; topics: (Ref | { topic: Ref })[] }[];
    const topicAt = new Map<string, string>();
    const anchors = new Map<string, string>();
    stages.forEach((stage, s) => {
      const prior = anchors.get(stage.id);
      if (prior) issues.push({ file: entry.file, field: `stages[${s}].id`, message: `stage id "${stage.id}" is used by ${prior} too` });
      anchors.set(stage.id, `stages[${s}]`);
      stage.topics.forEach((item, t) => {
        const id = (item instanceof Ref ? item : item.topic).id;
        const field = `stages[${s}].topics[${t}]`;
        const first = topicAt.get(id);
        if (first) issues.push({ file: entry.file, field, message: `topic "${id}" appears twice in this roadmap (first at ${first})` });
        else topicAt.set(id, field);
      });
    });
    for (const [id, field] of topicAt) {
      const stage = anchors.get(id);
      if (stage) issues.push({ file: entry.file, field: `${stage}.id`, message: `stage id "${id}" is also a topic id at ${field}; anchors must be unique` });
    }
    prerequisites.set(entry.id, (data.prerequisites as Ref[]).map((r) => r.id));
  }
  const cycle = findCycle(prerequisites);
  if (cycle) {
    const owner = parsed.find((p) => p.entry.collection === 'roadmaps' && p.entry.id === cycle[0]);
    issues.push({ file: owner?.entry.file ?? cycle[0]!, field: 'prerequisites', message: `roadmap prerequisites form a cycle: ${cycle.join(' → ')}` });
  }

  return issues;
}

/** One line per issue: "content/topics/jwt.mdx: related[0]: refers to …". */
export function formatIssues(issues: readonly ContentIssue[]): string {
  return issues.map((i) => `${i.file}: ${i.field}: ${i.message}`).join('\n');
}
