/**
 * The essentials a track promises: a roadmap that teaches one of a rule's `when` topics (a topic a learner must take,
 * on its own or as a pick-one group of such topics) also teaches each of its `teach` topics as required, and, where
 * the rule has `within`, no more than that many stages after the first `when` topic's stage. A topic a prerequisite roadmap
 * teaches (followed up the chain) counts as taught: a track that builds on the beginner path need not repeat it.
 */
import type { ContentIssue, ParsedEntry } from './entries.ts';
import { prerequisiteChain, type Roadmap, roadmapsOf } from './roadmap-order.ts';

interface Essential {
  when: readonly string[];
  teach: readonly string[];
  /** Stages the taught topic may come after the first `when` topic's stage; none: anywhere on the roadmap. */
  within?: number;
  /** Levels the rule skips: a roadmap whose every level is one of these need not teach `teach`. */
  notFor?: readonly string[];
  reason: string;
}

/** SQL from a server: the language, a relational server, or an ORM that writes the SQL. */
const SQL = [
  ...['sql', 'postgresql', 'mysql', 'sql-server', 'sqlite', 'orms', 'prisma', 'sequelize', 'sqlalchemy'],
  ...['django-orm', 'gorm', 'diesel', 'spring-data-jpa', 'entity-framework-core', 'eloquent-orm'],
];

const ESSENTIALS: readonly Essential[] = [
  {
    when: SQL,
    teach: ['database-indexes', 'acid-transactions'],
    within: 1,
    reason:
      'a database needs indexes to stay fast and transactions to stay correct from the day it holds data, not months later',
  },
  {
    when: SQL,
    teach: ['connection-pooling'],
    within: 1,
    notFor: ['beginner'],
    reason:
      'a server that queries per request needs a sized pool as soon as it has a database (a beginner-only path is exempt: its one-process first project runs on the default pool of its driver or ORM)',
  },
  {
    when: SQL,
    teach: ['sql-injection'],
    reason: 'SQL built from request input is how a server gives its database away',
  },
  {
    when: ['authentication', 'basic-authentication', 'session-authentication', 'cookies-and-sessions'],
    teach: ['password-hashing'],
    reason: 'a login checks a password the server stored, which must be stored as a slow salted hash',
  },
  {
    when: ['template-engines', 'cookies-and-sessions', 'session-authentication'],
    teach: ['csrf', 'xss'],
    reason:
      'a browser sends the session cookie with requests another site forges, and a page rendered on the server runs any script it echoes unescaped',
  },
];

/** Stage of each topic a learner must take (an optional topic is not taught), first stage wins. */
function requiredStages(roadmap: Roadmap): Map<string, number> {
  const at = new Map<string, number>();
  roadmap.stages.forEach((stage, s) => {
    for (const item of stage.topics) if (!item.optional && !at.has(item.id)) at.set(item.id, s);
  });
  return at;
}

/**
 * The first `when` topic every learner meets, and its stage: one taken outright, or a pick-one group whose every
 * choice is a `when` topic (PostgreSQL or SQL Server; one ORM or another). A group that offers SQL or a cache does
 * not promise SQL.
 */
function meets(roadmap: Roadmap, when: readonly string[]): { id: string; s: number } | undefined {
  for (const [s, stage] of roadmap.stages.entries()) {
    for (const item of stage.topics) {
      if (item.optional || !when.includes(item.id)) continue;
      const group = stage.topics.filter((t) => t.alternative !== undefined && t.alternative === item.alternative);
      if (group.every((t) => when.includes(t.id))) return { id: item.id, s };
    }
  }
  return undefined;
}

/** Topics the roadmap's prerequisites teach, up the chain. */
function inherited(roadmap: Roadmap, byId: ReadonlyMap<string, Roadmap>): Set<string> {
  return new Set(prerequisiteChain(roadmap, byId).flatMap((before) => [...requiredStages(before).keys()]));
}

export function checkEssentials(parsed: readonly ParsedEntry[], rules = ESSENTIALS): ContentIssue[] {
  const roadmaps = roadmapsOf(parsed);
  const byId = new Map(roadmaps.map((r) => [r.id, r]));
  const issues: ContentIssue[] = [];
  for (const roadmap of roadmaps) {
    const at = requiredStages(roadmap);
    const before = inherited(roadmap, byId);
    for (const rule of rules) {
      if (rule.notFor && roadmap.levels.every((level) => rule.notFor!.includes(level))) continue;
      const trigger = meets(roadmap, rule.when);
      if (trigger === undefined) continue;
      const first = trigger.s;
      for (const topic of rule.teach) {
        if (before.has(topic)) continue;
        const s = at.get(topic);
        const late = s !== undefined && rule.within !== undefined && s > first + rule.within;
        if (s !== undefined && !late) continue;
        const where = rule.within === undefined ? '' : ` by stages[${first + rule.within}]`;
        issues.push({
          file: roadmap.file,
          field: late ? `stages[${s}]` : 'stages',
          message: `teaches "${trigger.id}" (stages[${first}]) but ${late ? `only teaches "${topic}" in stages[${s}]` : `never requires "${topic}"`}: add "${topic}" as a required topic${where}, because ${rule.reason}`,
        });
      }
    }
  }
  return issues;
}
