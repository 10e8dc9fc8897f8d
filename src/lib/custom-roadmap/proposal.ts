/**
 * The stages of a roadmap proposed from a job advert: a handful, not one per topic. Topics gather by area into the
 * families a learner studies together (data: databases, caching and search; delivery: containers, CI/CD and the
 * cloud; observability and performance; …); a family too small to stand alone joins the one nearest in subject.
 * Stages come in the order of our core path (FAMILY_ORDER) and the topics of a stage in our roadmaps' reading order,
 * so a prerequisite (prerequisites.ts: of the topic's own area, so of its stage) comes before the topic needing it.
 *
 * A stage is named for what it holds: its areas, then the topics the advert names first, by their short names
 * (short-name.ts): "Data and caching: PostgreSQL, Redis and Elasticsearch". Never a stage title of one of our
 * roadmaps, which would name another language's path ("Running Rust in production" for a Go advert's
 * OpenTelemetry) or topics the learner did not pick.
 * A catalog without areas groups by our roadmaps' stages instead, named by their topics alone.
 */
import type { Catalog, TopicArea } from './catalog.ts';
import { type CustomRoadmap, LIMITS } from './model.ts';
import { placeOf } from './places.ts';
import { shortName } from './short-name.ts';

type Family =
  | 'foundations'
  | 'language'
  | 'testing'
  | 'data'
  | 'apis'
  | 'security'
  | 'architecture'
  | 'delivery'
  | 'operations'
  | 'practices';

/** Each area's family, and the word a stage title gives it. */
const AREAS: Record<TopicArea, { family: Family; label: string }> = {
  fundamentals: { family: 'foundations', label: 'Foundations' },
  languages: { family: 'language', label: 'Language' },
  frameworks: { family: 'language', label: 'Frameworks' },
  testing: { family: 'testing', label: 'Testing' },
  databases: { family: 'data', label: 'Data' },
  caching: { family: 'data', label: 'Caching' },
  search: { family: 'data', label: 'Search' },
  apis: { family: 'apis', label: 'APIs' },
  security: { family: 'security', label: 'Security' },
  architecture: { family: 'architecture', label: 'Architecture' },
  messaging: { family: 'architecture', label: 'Messaging' },
  devops: { family: 'delivery', label: 'Delivery' },
  observability: { family: 'operations', label: 'Observability' },
  performance: { family: 'operations', label: 'Performance' },
  practices: { family: 'practices', label: 'Practices' },
};

/**
 * The order stages come in, as on our core path (Backend Developer): how the web works, a language and its
 * framework, testing, data, APIs, security, shipping, architecture and messaging, then running it in production;
 * practices (Git, code review, leadership) go alongside, at the end.
 */
const FAMILY_ORDER: readonly Family[] = [
  'foundations',
  'language',
  'testing',
  'data',
  'apis',
  'security',
  'delivery',
  'architecture',
  'operations',
  'practices',
];

/** Where a family too small for a stage of its own goes, nearest in subject first. */
const JOINS: Record<Family, readonly Family[]> = {
  foundations: ['language', 'apis'],
  language: ['foundations', 'testing'],
  testing: ['language', 'practices'],
  data: ['apis', 'architecture'],
  apis: ['security', 'data', 'architecture'],
  security: ['apis'],
  architecture: ['apis', 'data', 'operations'],
  delivery: ['operations', 'architecture'],
  operations: ['delivery', 'architecture'],
  practices: ['testing', 'architecture'],
};

/** At most this many stages, and about one per four topics. */
export const MAX_STAGES = 6;
const TOPICS_PER_STAGE = 4;
/** How many topics a stage title names. */
const NAMED = 3;
/** The stage of topics none of our roadmaps has and the catalog does not know. */
export const MORE_STAGE = 'More from the advert';

interface ProposalStage {
  title: string;
  ids: string[];
}

interface Topic {
  id: string;
  /** Place in our roadmaps' reading order; Infinity for a topic none of them has. */
  rank: number;
  /** Place in the advert. */
  mention: number;
  area: TopicArea | undefined;
}
interface Group {
  families: Set<Family>;
  topics: Topic[];
}

const byOrder = (a: Topic, b: Topic) => a.rank - b.rank || a.mention - b.mention;
const size = (g: Group) => g.topics.length;
/** Stages in FAMILY_ORDER of their main family; without areas, in our roadmaps' order of their first topics. */
const byFamily = (a: Group, b: Group) => familyIndex(a) - familyIndex(b) || byOrder(a.topics[0]!, b.topics[0]!);
const familyIndex = (g: Group) => {
  const main = mainFamily(g);
  return main ? FAMILY_ORDER.indexOf(main) : FAMILY_ORDER.length;
};

/** Stages for topics in the order an advert names them. */
function proposalStages(catalog: Catalog, ids: readonly string[]): ProposalStage[] {
  const groups = new Map<string, Group>();
  const more: string[] = [];
  [...new Set(ids)].forEach((id, mention) => {
    const place = placeOf(catalog, id);
    const area = Object.hasOwn(catalog.topics, id) ? catalog.topics[id]!.area : undefined;
    const family = area && Object.hasOwn(AREAS, area) ? AREAS[area].family : undefined;
    const key = family ?? (place && `${place.roadmap.id} ${place.stage}`);
    if (!key) return void more.push(id);
    const group = groups.get(key) ?? { families: new Set(family ? [family] : []), topics: [] };
    group.topics.push({ id, rank: place?.rank ?? Infinity, mention, area: family && area });
    groups.set(key, group);
  });
  const stages = [...groups.values()];
  for (const g of stages) g.topics.sort(byOrder);
  const inOrder = () => stages.sort(byFamily);
  inOrder();
  const count = stages.reduce((n, g) => n + size(g), 0);
  const limit = Math.min(MAX_STAGES, Math.max(1, Math.ceil(count / TOPICS_PER_STAGE)));
  // Merge the smallest stage (the later of equals) into its nearest while there are too many, or a stage of one
  // topic and more than half the stages allowed.
  while (stages.length > 1) {
    const small = stages.reduce((a, b) => (size(b) <= size(a) ? b : a));
    if (stages.length <= limit && (size(small) > 1 || stages.length <= Math.ceil(limit / 2))) break;
    const into = nearest(small, stages);
    into.topics = [...into.topics, ...small.topics].sort(byOrder);
    for (const family of small.families) into.families.add(family);
    stages.splice(stages.indexOf(small), 1);
    inOrder();
  }
  const proposal = stages.map((g) => ({ title: titleOf(catalog, g), ids: g.topics.map((t) => t.id) }));
  return more.length ? [...proposal, { title: MORE_STAGE, ids: more }] : proposal;
}

/** The stage a small one joins: the first of its family's JOINS present, else the smaller of its neighbours. */
function nearest(small: Group, stages: readonly Group[]): Group {
  const others = stages.filter((g) => g !== small);
  const main = mainFamily(small);
  for (const family of main ? JOINS[main] : []) {
    const match = others.find((g) => g.families.has(family));
    if (match) return match;
  }
  const at = stages.indexOf(small);
  const [before, after] = [stages[at - 1], stages[at + 1]];
  return !after || (before && size(before) <= size(after)) ? before! : after;
}

/** The family most of a stage's topics belong to (of equals, the first in FAMILY_ORDER). */
function mainFamily(g: Group): Family | undefined {
  const counts = new Map<Family, number>();
  for (const t of g.topics) if (t.area) counts.set(AREAS[t.area].family, (counts.get(AREAS[t.area].family) ?? 0) + 1);
  const order = (f: Family) => FAMILY_ORDER.indexOf(f);
  return [...counts].sort((a, b) => b[1] - a[1] || order(a[0]) - order(b[0]))[0]?.[0];
}

/** Areas a stage title names first when a stage holds as many of each: the subject before its setting. */
const LABEL_ORDER: readonly TopicArea[] = [
  'languages',
  'frameworks',
  'databases',
  'apis',
  'security',
  'devops',
  'architecture',
  'messaging',
  'observability',
  'testing',
  'caching',
  'search',
  'performance',
  'fundamentals',
  'practices',
];
/** A stage title this long or shorter reads at a glance; longer ones name fewer topics. */
const TITLE_LENGTH = 80;

/**
 * "Data and caching: PostgreSQL, Redis and Elasticsearch": the stage's areas (the two with most topics), then the
 * topics the advert names first, by their short names, and how many more there are.
 */
function titleOf(catalog: Catalog, g: Group): string {
  const counts = new Map<TopicArea, number>();
  for (const t of g.topics) if (t.area) counts.set(t.area, (counts.get(t.area) ?? 0) + 1);
  const areas = [...counts]
    .sort((a, b) => b[1] - a[1] || LABEL_ORDER.indexOf(a[0]) - LABEL_ORDER.indexOf(b[0]))
    .slice(0, 2)
    .map(([area], i) => (i ? lower(AREAS[area].label) : AREAS[area].label));
  const label = areas.join(' and ');
  const names = [...g.topics].sort((a, b) => a.mention - b.mention).map((t) => shortName(catalog, t.id));
  let title = '';
  for (let shown = names.length; shown >= 1; shown--) {
    const rest = names.length - shown;
    if (shown > NAMED || rest === 1) continue; // "and 1 more" says less than the topic's name
    const list = listOf(rest ? [...names.slice(0, shown), `${rest} more`] : names);
    title = label ? `${label}: ${list}` : list;
    if (title.length <= TITLE_LENGTH) break;
  }
  return title.length <= LIMITS.stageTitle ? title : label || names[0]!.slice(0, LIMITS.stageTitle);
}

const lower = (label: string) => (label === 'APIs' ? label : label.toLowerCase());
const listOf = (items: readonly string[]) =>
  items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : (items[0] ?? '');

/**
 * A roadmap of `ids` (in the order the advert names them) in a handful of stages, each of topics of neighbouring
 * areas in our roadmaps' order and named for what it holds (proposal.ts); topics we do not know at the end.
 */
export function proposeRoadmap(
  catalog: Catalog,
  ids: readonly string[],
  base: Pick<CustomRoadmap, 'id' | 'title' | 'summary'>,
): CustomRoadmap {
  const stages = proposalStages(catalog, ids).map((stage) => ({
    title: stage.title,
    items: stage.ids.map((id) => ({ kind: 'topic' as const, id, optional: false })),
  }));
  return { ...base, stages: stages.length ? stages : [{ title: 'Stage 1', items: [] }] };
}
