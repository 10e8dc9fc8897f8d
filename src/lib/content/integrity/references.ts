/**
 * The links between entries: ids and aliases unique, every reference resolved (to a current id, not an old
 * alias), a topic once per roadmap, stage anchors unique, and roadmap prerequisites without a cycle.
 */
import {
  type ContentFile,
  type ContentIssue,
  type EntryRef,
  findRefs,
  formatPath,
  type ParsedEntry,
  SINGULAR,
} from './entries.ts';

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

type Index = Map<string, Map<string, ContentFile>>;

/** Ids and aliases are unique within a collection; an alias never shadows a live id. */
function indexIds(files: readonly ContentFile[], parsed: readonly ParsedEntry[], issues: ContentIssue[]) {
  const ids: Index = new Map();
  const aliases: Index = new Map();
  for (const entry of files) {
    const seen = ids.get(entry.collection) ?? new Map<string, ContentFile>();
    ids.set(entry.collection, seen);
    const first = seen.get(entry.id);
    if (first)
      issues.push({
        file: entry.file,
        field: '(file name)',
        message: `duplicate ${SINGULAR[entry.collection]} id "${entry.id}": ${first.file} has it too`,
      });
    else seen.set(entry.id, entry);
  }
  for (const { entry, data } of parsed) {
    const own = aliases.get(entry.collection) ?? new Map<string, ContentFile>();
    aliases.set(entry.collection, own);
    for (const [i, alias] of (data.aliases as string[]).entries()) {
      const live = ids.get(entry.collection)?.get(alias);
      if (live)
        issues.push({
          file: entry.file,
          field: `aliases[${i}]`,
          message: `alias "${alias}" is the id of ${live.file}`,
        });
      const other = own.get(alias);
      if (other && other.file !== entry.file)
        issues.push({
          file: entry.file,
          field: `aliases[${i}]`,
          message: `alias "${alias}" is also an alias in ${other.file}`,
        });
      own.set(alias, entry);
    }
  }
  return { ids, aliases };
}

/** A roadmap holds a topic once, and its stage anchors are unique, topic ids included. */
function checkRoadmapAnchors(entry: ContentFile, data: Record<string, unknown>, issues: ContentIssue[]) {
  const stages = data.stages as { id: string; topics: (EntryRef | { topic: EntryRef })[] }[];
  const topicAt = new Map<string, string>();
  const anchors = new Map<string, string>();
  stages.forEach((stage, s) => {
    const prior = anchors.get(stage.id);
    if (prior)
      issues.push({
        file: entry.file,
        field: `stages[${s}].id`,
        message: `stage id "${stage.id}" is used by ${prior} too`,
      });
    anchors.set(stage.id, `stages[${s}]`);
    stage.topics.forEach((item, t) => {
      const id = ('topic' in item ? item.topic : item).id;
      const field = `stages[${s}].topics[${t}]`;
      const first = topicAt.get(id);
      if (first)
        issues.push({
          file: entry.file,
          field,
          message: `topic "${id}" appears twice in this roadmap (first at ${first})`,
        });
      else topicAt.set(id, field);
    });
  });
  for (const [id, field] of topicAt) {
    const stage = anchors.get(id);
    if (stage)
      issues.push({
        file: entry.file,
        field: `${stage}.id`,
        message: `stage id "${id}" is also a topic id at ${field}; anchors must be unique`,
      });
  }
}

/** Every problem in the links between entries; `files` are every file found, `parsed` the entries whose data passed their schema. */
export function checkReferences(files: readonly ContentFile[], parsed: readonly ParsedEntry[]): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const { ids, aliases } = indexIds(files, parsed, issues);
  // Every reference points at an entry that exists (and at its current id, not an old alias).
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
  for (const { entry, data } of parsed) if (entry.collection === 'roadmaps') checkRoadmapAnchors(entry, data, issues);
  return issues;
}

/** Roadmap prerequisites form no cycle (a learner could never start any roadmap on it). */
export function checkPrerequisites(parsed: readonly ParsedEntry[]): ContentIssue[] {
  const roadmaps = parsed.filter((p) => p.entry.collection === 'roadmaps');
  const cycle = findCycle(
    new Map(roadmaps.map(({ entry, data }) => [entry.id, (data.prerequisites as EntryRef[]).map((r) => r.id)])),
  );
  if (!cycle) return [];
  const owner = roadmaps.find((p) => p.entry.id === cycle[0]);
  return [
    {
      file: owner?.entry.file ?? cycle[0]!,
      field: 'prerequisites',
      message: `roadmap prerequisites form a cycle: ${cycle.join(' → ')}`,
    },
  ];
}
