/**
 * The roadmap proposed from a job advert (src/lib/custom-roadmap/proposal.ts) and the prerequisite hints
 * (prerequisites.ts), on the site's own catalog — topics with their areas and our roadmaps, as
 * /roadmaps/catalog.json serves them — and the adverts of tests/fixtures/adverts/: a handful of stages in learning
 * order, each named for what it holds, never after another language's roadmap; hints only for what a topic
 * really builds on.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseYaml, readContentDir } from '../../../src/lib/content/content-files.ts';
import { compileCatalog } from '../../../src/lib/custom-roadmap/advert-match.ts';
import type { Catalog, CatalogRoadmap, TopicArea } from '../../../src/lib/custom-roadmap/catalog.ts';
import { type CustomRoadmap, customTopicIds } from '../../../src/lib/custom-roadmap/model.ts';
import {
  isPrerequisite,
  prerequisiteChain,
  prerequisiteHints,
  usualPrerequisites,
} from '../../../src/lib/custom-roadmap/prerequisites.ts';
import { MAX_STAGES, MORE_STAGE, proposeRoadmap } from '../../../src/lib/custom-roadmap/proposal.ts';
import { shortName } from '../../../src/lib/custom-roadmap/short-name.ts';

type RawItem = string | { topic: string; optional?: boolean; alternative?: string };
const entries = readContentDir('content');
const roadmaps: CatalogRoadmap[] = entries
  .filter((e) => e.collection === 'roadmaps')
  .map((e) => ({
    id: e.id,
    data: e.data as { title: string; order?: number; stages: { title: string; topics: RawItem[] }[] },
  }))
  .sort((a, b) => (a.data.order ?? 100) - (b.data.order ?? 100) || a.data.title.localeCompare(b.data.title, 'en'))
  .map(({ id, data }) => ({
    id,
    title: data.title,
    stages: data.stages.map((s) => ({
      title: s.title,
      topics: s.topics.map((t) =>
        typeof t === 'string'
          ? { id: t, optional: false }
          : { id: t.topic, optional: t.optional ?? false, alternative: t.alternative },
      ),
    })),
  }));
const catalog: Catalog = {
  topics: Object.fromEntries(
    entries
      .filter((e) => e.collection === 'topics')
      .map((e) => {
        const data = e.data as {
          title: string;
          hours: number;
          summary: string;
          searchTerms?: string[];
          area: TopicArea;
        };
        return [
          e.id,
          {
            title: data.title,
            hours: data.hours,
            summary: data.summary,
            lab: false,
            terms: data.searchTerms ?? [],
            area: data.area,
          },
        ];
      }),
  ),
  aliases: {},
  roadmaps,
};
const match = compileCatalog(Object.entries(catalog.topics).map(([id, t]) => ({ id, title: t.title, terms: t.terms })));

const ADVERTS_DIR = join(import.meta.dirname, '../../fixtures/adverts');
const adverts = readdirSync(ADVERTS_DIR)
  .filter((file) => file.endsWith('.yaml'))
  .sort()
  .map((file) => ({ file, ...(parseYaml(readFileSync(join(ADVERTS_DIR, file), 'utf8')) as { text: string }) }));

const base = { id: 'my-proposal0', title: 'From a job advert', summary: '' };
const propose = (ids: readonly string[]) => proposeRoadmap(catalog, ids, base);
const stagesOf = (r: CustomRoadmap) =>
  r.stages.map((s) => ({ title: s.title, ids: customTopicIds({ ...r, stages: [s] }) }));
const topic = (id: string) => ({ kind: 'topic' as const, id, optional: false });
const roadmapOf = (...ids: string[]): CustomRoadmap => ({ ...base, stages: [{ title: 'S', items: ids.map(topic) }] });

/** Stage titles of our language roadmaps (Go, Rust, Node.js, Python, Java, PHP, C#): never a proposal's. */
const languageRoadmapStages = new Set(
  roadmaps
    .filter((r) => r.stages.some((s) => s.topics.some((t) => catalog.topics[t.id]?.area === 'languages')))
    .filter((r) => r.id !== 'backend-developer')
    .flatMap((r) => r.stages.map((s) => s.title)),
);
const languages = Object.keys(catalog.topics).filter((id) => catalog.topics[id]!.area === 'languages');
const named = (title: string, name: string) =>
  new RegExp(`(^|[\\s:,])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[\\s,])`).test(title);

/** The 14 topics of the Go advert: 11 stages before, one of them "Running Rust in production". */
const GO_ADVERT = [
  'go',
  'goroutines-and-channels',
  'go-context',
  'grpc',
  'rest',
  'postgresql',
  'schema-design',
  'redis',
  'kafka',
  'event-driven-architecture',
  'docker',
  'kubernetes',
  'distributed-tracing',
  'opentelemetry',
];

describe('a roadmap proposed from an advert', () => {
  it('has a handful of stages for the 14-topic Go advert, none named after another roadmap', () => {
    const stages = stagesOf(propose(GO_ADVERT));
    expect(stages.length).toBeGreaterThanOrEqual(3);
    expect(stages.length).toBeLessThanOrEqual(MAX_STAGES);
    expect(stages.flatMap((s) => s.ids).sort()).toEqual([...GO_ADVERT].sort());
    for (const { title } of stages) {
      expect(title).not.toMatch(/Rust|Node|Python|Java|PHP|C#/);
      expect(languageRoadmapStages.has(title), title).toBe(false);
    }
    // Containers, tracing and the data topics are in stages named for them, not in a stage of one topic.
    const holding = (id: string) => stages.find((s) => s.ids.includes(id))!;
    expect(holding('docker')).toBe(holding('kubernetes'));
    expect(holding('distributed-tracing')).toBe(holding('opentelemetry'));
    expect(holding('postgresql')).toBe(holding('schema-design'));
    expect(holding('go').title).toMatch(/^Language\b.*: Go\b/);
    expect(holding('postgresql').title).toMatch(/^Data\b.*PostgreSQL/);
    expect(stages.filter((s) => s.ids.length === 1)).toEqual([]);
  });

  it('for every advert: at most six stages, about one per four topics, each named for what it holds', () => {
    for (const ad of adverts) {
      const ids = match(ad.text).map((m) => m.id);
      const stages = stagesOf(propose(ids));
      expect(stages.length, ad.file).toBeLessThanOrEqual(Math.min(MAX_STAGES, Math.ceil(ids.length / 4)));
      expect(stages.flatMap((s) => s.ids).sort(), ad.file).toEqual([...ids].sort());
      for (const { title, ids: held } of stages) {
        expect(title.length, `${ad.file}: ${title}`).toBeLessThanOrEqual(120);
        expect(languageRoadmapStages.has(title), `${ad.file}: ${title}`).toBe(false);
        // A language is in a stage's title only when the stage holds it.
        for (const language of languages) {
          if (named(title, shortName(catalog, language))) expect(held, `${ad.file}: ${title}`).toContain(language);
        }
        // The title names the stage's own topics, those the advert names first.
        expect(
          held.some((id) => title.includes(shortName(catalog, id))),
          `${ad.file}: ${title}`,
        ).toBe(true);
      }
    }
  });

  it('puts every prerequisite before the topic that needs it', () => {
    for (const ad of adverts) {
      const proposal = propose(match(ad.text).map((m) => m.id));
      expect(
        prerequisiteHints(catalog, proposal).filter((h) => h.kind === 'later'),
        ad.file,
      ).toEqual([]);
    }
    const order = customTopicIds(propose(['oauth2', 'kubernetes', 'jwt', 'postgresql', 'docker', 'sql']));
    expect(order.indexOf('sql')).toBeLessThan(order.indexOf('postgresql'));
    expect(order.indexOf('jwt')).toBeLessThan(order.indexOf('oauth2'));
    expect(order.indexOf('docker')).toBeLessThan(order.indexOf('kubernetes'));
  });

  it('puts topics the catalog does not know last, and is one empty stage for nothing', () => {
    expect(stagesOf(propose(['postgresql', 'not-ours'])).at(-1)).toEqual({ title: MORE_STAGE, ids: ['not-ours'] });
    expect(propose([]).stages).toEqual([{ title: 'Stage 1', items: [] }]);
  });

  it('without areas in the catalog, still gathers a handful of stages named by their topics', () => {
    const bare: Catalog = {
      ...catalog,
      topics: Object.fromEntries(Object.entries(catalog.topics).map(([id, { area: _, ...t }]) => [id, t])),
    };
    const stages = stagesOf(proposeRoadmap(bare, GO_ADVERT, base));
    expect(stages.length).toBeLessThanOrEqual(Math.ceil(GO_ADVERT.length / 4));
    for (const { title } of stages) expect(languageRoadmapStages.has(title), title).toBe(false);
  });
});

describe('prerequisite hints', () => {
  it('name a topic’s stage entry point in its own area, and nothing for the topics merely before it', () => {
    expect(usualPrerequisites(catalog, 'jwt')).toEqual(['authentication']);
    expect(usualPrerequisites(catalog, 'kubernetes')).toEqual(['docker']);
    expect(usualPrerequisites(catalog, 'postgresql')).toEqual(['relational-databases']);
    expect(usualPrerequisites(catalog, 'goroutines-and-channels')).toEqual(['go']);
    expect(usualPrerequisites(catalog, 'circuit-breaker')).toEqual(['retries-and-timeouts']);
    expect(usualPrerequisites(catalog, 'idempotency')).toEqual(['rest']);
    // Stages that mix areas, and practices, are no prerequisite chains.
    expect(usualPrerequisites(catalog, 'metrics-and-monitoring')).toEqual([]);
    expect(usualPrerequisites(catalog, 'logging')).toEqual([]);
    expect(usualPrerequisites(catalog, 'linux-command-line')).toEqual([]);
    expect(usualPrerequisites(catalog, 'code-review-culture')).toEqual([]);
    expect(usualPrerequisites(catalog, 'authentication')).toEqual([]);
    expect(usualPrerequisites(catalog, 'not-ours')).toEqual([]);
    expect(prerequisiteChain(catalog, 'mysql')).toEqual(['sql', 'relational-databases']);
    expect(isPrerequisite(catalog, 'relational-databases', 'mysql')).toBe(true);
    expect(isPrerequisite(catalog, 'mysql', 'relational-databases')).toBe(false);
  });

  it('never suggest API Pagination before Idempotency, nor any neighbour in a stage', () => {
    for (const r of [roadmapOf('idempotency'), roadmapOf('idempotency', 'pagination', 'api-error-handling')]) {
      expect(prerequisiteHints(catalog, r).map((h) => h.prerequisite)).not.toContain('pagination');
      expect(prerequisiteHints(catalog, r).map((h) => h.prerequisite)).not.toContain('api-error-handling');
    }
    expect(prerequisiteHints(catalog, roadmapOf('idempotency'))).toEqual([
      { topic: 'idempotency', prerequisite: 'rest', kind: 'missing' },
    ]);
  });

  it('are each a true edge of the prerequisite graph: the entry point of the topic’s stage, in its area', () => {
    const firstStage = (id: string) => {
      for (const r of roadmaps) for (const s of r.stages) if (s.topics.some((t) => t.id === id)) return s;
      return undefined;
    };
    for (const id of Object.keys(catalog.topics)) {
      const prerequisites = usualPrerequisites(catalog, id);
      expect(prerequisites.length, id).toBeLessThanOrEqual(1);
      for (const p of prerequisites) {
        const required = firstStage(id)!.topics.filter((t) => !t.optional && !t.alternative);
        expect(required[0]!.id, id).toBe(p);
        expect(
          required.map((t) => t.id),
          id,
        ).toContain(id);
        expect(catalog.topics[p]!.area, `${p} → ${id}`).toBe(catalog.topics[id]!.area);
        expect(catalog.topics[id]!.area).not.toBe('practices');
      }
    }
    for (const ad of adverts) {
      const ids = match(ad.text).map((m) => m.id);
      for (const r of [propose(ids), roadmapOf(...ids), roadmapOf(...[...ids].reverse())]) {
        for (const hint of prerequisiteHints(catalog, r)) {
          expect(isPrerequisite(catalog, hint.prerequisite, hint.topic), `${ad.file}: ${JSON.stringify(hint)}`).toBe(
            true,
          );
        }
      }
    }
  });

  it('offer a missing prerequisite once, and move a later one up, however far up the chain', () => {
    expect(prerequisiteHints(catalog, roadmapOf('jwt', 'authentication', 'oauth2'))).toEqual([
      { topic: 'jwt', prerequisite: 'authentication', kind: 'later' },
    ]);
    expect(prerequisiteHints(catalog, roadmapOf('jwt', 'oauth2'))).toEqual([
      { topic: 'jwt', prerequisite: 'authentication', kind: 'missing' },
    ]);
    expect(prerequisiteHints(catalog, roadmapOf('mysql', 'relational-databases'))).toEqual([
      { topic: 'mysql', prerequisite: 'sql', kind: 'missing' },
      { topic: 'mysql', prerequisite: 'relational-databases', kind: 'later' },
    ]);
  });
});
