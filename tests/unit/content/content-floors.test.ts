/**
 * The corpus itself: floors the site promises (entries per collection, words and resources per topic, both
 * answers per question, system-design structure, every seed role/path/project/table present). Prints what it
 * measured, so the numbers are in every test run's output.
 */
import { describe, expect, it } from 'vitest';
import { readContentDir } from '../../../src/lib/content/content-files.ts';
import { WEEKS_PER_UNIT } from '../../../src/lib/content/integrity.ts';
import { remainingTopics } from '../../../src/lib/roadmap/roadmap-progress.ts';
import { planWeeks } from '../../../src/lib/roadmap/study-planner.ts';
import { TOPIC_FLOORS } from '../../../src/lib/content/integrity.ts';
import { countWords } from '../../../src/lib/content/words.ts';

const entries = readContentDir('content');
const of = (collection: string) => entries.filter((e) => e.collection === collection);
type Data = Record<string, unknown>;
const data = (e: { data: unknown }) => e.data as Data;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** The core path (issue 30): every required topic of this roadmap teaches in depth. */
const CORE_ROADMAP = 'backend-developer';
const CORE_FLOOR = { min: 450, median: 700 };

const FLOORS = { roadmaps: 17, topics: 200, roles: 22, questions: 150, projects: 15, comparisons: 6 };
const SYSTEM_DESIGN_HEADINGS = [
  'Use cases',
  'Constraints and estimates',
  'High-level design',
  'Components',
  'Scaling',
  'Trade-offs',
];

/** Everything the seed outlines name, by id: it must all be on the site. */
const SEEDED = {
  roadmaps: [
    'backend-developer',
    'nodejs',
    'python',
    'go',
    'rust',
    'java-spring-boot',
    'php-laravel',
    'csharp-aspnet-core',
    'api-design',
    'graphql',
    'databases',
    'microservices-system-design',
    'backend-devops',
    'beginner-path',
    'intermediate-path',
    'advanced-path',
    'expert-path',
  ],
  roles: [
    'junior-backend-developer',
    'mid-level-backend-developer',
    'senior-backend-engineer',
    'staff-principal-engineer',
    'nodejs-developer',
    'python-developer',
    'go-developer',
    'rust-developer',
    'java-spring-boot-developer',
    'dotnet-developer',
    'php-laravel-developer',
    'api-designer',
    'graphql-specialist',
    'microservices-architect',
    'database-architect',
    'backend-performance-engineer',
    'backend-engineering-manager',
    'backend-devops-engineer',
    'system-architect',
    'site-reliability-engineer',
    'data-engineer',
    'security-engineer',
  ],
  projects: [
    'simple-rest-api',
    'to-do-list-api',
    'blog-backend',
    'weather-api-wrapper',
    'calculator-api',
    'ecommerce-backend',
    'social-media-api',
    'chat-api',
    'analytics-api',
    'content-management-system',
    'microservices-platform',
    'realtime-notification-system',
    'ml-model-serving-api',
    'stream-processing-platform',
    'multi-tenant-saas-backend',
  ],
  comparisons: [
    'backend-languages',
    'backend-frameworks',
    'databases',
    'job-market-by-role',
    'tech-stacks-by-role',
    'backend-trends',
  ],
  questions: [
    'design-a-url-shortener',
    'design-a-social-media-feed',
    'design-a-real-time-chat-system',
    'design-a-payment-processing-system',
    'design-a-video-streaming-platform',
    'design-a-recommendation-system',
    'design-a-notification-system',
  ],
};

describe('content floors', () => {
  it('has at least the promised number of entries per collection', () => {
    const counts = Object.fromEntries(Object.keys(FLOORS).map((c) => [c, of(c).length]));
    console.log(`content: entries per collection ${JSON.stringify(counts)} (floors ${JSON.stringify(FLOORS)})`);
    for (const [collection, floor] of Object.entries(FLOORS))
      expect(counts[collection], collection).toBeGreaterThanOrEqual(floor);
  });

  it('has every role, path, project, table and system-design challenge from the seeds', () => {
    for (const [collection, ids] of Object.entries(SEEDED)) {
      const present = new Set(of(collection).map((e) => e.id));
      expect(
        ids.filter((id) => !present.has(id)),
        `${collection} missing`,
      ).toEqual([]);
    }
  });

  it('teaches: every topic has at least 500 words of prose (the median 750) and 3 typed resources', () => {
    const topics = of('topics');
    const words = topics.map((t) => ({ id: t.id, words: countWords(t.body) }));
    const resources = topics.map((t) => (data(t).resources as { type: string }[]).length);
    console.log(
      `content: topic words (prose, code excluded) median ${median(words.map((w) => w.words))}, min ${Math.min(...words.map((w) => w.words))}; ` +
        `resources per topic median ${median(resources)}, min ${Math.min(...resources)}`,
    );
    expect(words.filter((w) => w.words < TOPIC_FLOORS.words)).toEqual([]);
    expect(median(words.map((w) => w.words))).toBeGreaterThanOrEqual(TOPIC_FLOORS.medianWords);
    for (const t of topics) {
      const list = data(t).resources as { type: string }[];
      expect(list.length, `${t.file} resources`).toBeGreaterThanOrEqual(3);
    }
    // Pages list official docs and specs first (ResourceList sorts by type). Concept topics (CAP, SOLID, hiring)
    // have no official docs; they lean on papers and books, which is right, so this is reported, not enforced.
    const withoutOfficial = topics.filter(
      (t) => !(data(t).resources as { type: string }[]).some((r) => r.type === 'official' || r.type === 'spec'),
    );
    console.log(
      `content: ${topics.length - withoutOfficial.length} of ${topics.length} topics cite official docs or a spec; without: ${withoutOfficial.map((t) => t.id).join(', ')}`,
    );
  });

  it('the core path teaches in depth: every required Backend Developer topic explains, works an example and shows it', () => {
    const roadmap = of('roadmaps').find((r) => r.id === CORE_ROADMAP)!;
    const stages = data(roadmap).stages as { topics: (string | { topic: string; optional?: boolean })[] }[];
    // Required: every topic not marked optional (the language and framework alternatives count: a learner takes one).
    const required = stages
      .flatMap((s) => s.topics)
      .flatMap((t) => (typeof t === 'string' ? [t] : t.optional ? [] : [t.topic]));
    const topics = required.map((id) => of('topics').find((t) => t.id === id)!);
    const words = topics.map((t) => countWords(t.body));
    console.log(
      `content: ${topics.length} required core topics, words (prose, code excluded) median ${median(words)}, min ${Math.min(...words)}`,
    );
    for (const [i, topic] of topics.entries()) {
      expect(words[i], `${topic.file}: ${words[i]} words of prose, under the core floor`).toBeGreaterThanOrEqual(
        CORE_FLOOR.min,
      );
      expect(topic.body, `${topic.file}: no "## How it works" section`).toMatch(/^## How it works\s*$/m);
      expect(topic.body, `${topic.file}: no "## Worked example" section`).toMatch(/^## Worked example\b/m);
      expect(topic.body, `${topic.file}: no diagram or table`).toMatch(/^```mermaid|^\|[ :-]*-{3}/m);
    }
    expect(median(words), 'median words of the required core topics').toBeGreaterThanOrEqual(CORE_FLOOR.median);
  });

  it('types a link once: the same URL has the same resource type on every page', () => {
    const types = new Map<string, Map<string, string[]>>();
    for (const entry of entries)
      for (const { url, type } of (data(entry).resources ?? []) as { url: string; type: string }[]) {
        const byType = types.get(url) ?? types.set(url, new Map()).get(url)!;
        byType.set(type, [...(byType.get(type) ?? []), entry.file]);
      }
    const mixed = [...types]
      .filter(([, byType]) => byType.size > 1)
      .map(
        ([url, byType]) => `${url}: ${[...byType].map(([type, files]) => `${type} in ${files.join(', ')}`).join('; ')}`,
      );
    expect(mixed).toEqual([]);
  });

  it('checks: every topic has a self-check of 3 to 5 questions', () => {
    const topics = of('topics');
    const withCheck = topics.filter((t) => data(t).selfCheck !== undefined);
    console.log(`content: ${withCheck.length} of ${topics.length} topics have a self-check`);
    expect(topics.filter((t) => data(t).selfCheck === undefined).map((t) => t.file)).toEqual([]);
    for (const t of topics) {
      const items = data(t).selfCheck as unknown[];
      expect(Array.isArray(items) ? items.length : 0, `${t.file} selfCheck items`).toBeGreaterThanOrEqual(3);
      expect(items.length, `${t.file} selfCheck items`).toBeLessThanOrEqual(5);
    }
  });

  it('answers: every question has a short answer and a long answer; system-design answers follow the six steps', () => {
    const questions = of('questions');
    const long = questions.map((q) => countWords(q.body));
    const systemDesign = questions.filter((q) => data(q).type === 'system-design');
    console.log(
      `content: ${questions.length} questions, all with both answers; long answer words median ${median(long)}, min ${Math.min(...long)}; ${systemDesign.length} system-design`,
    );
    for (const q of questions) {
      expect((data(q).shortAnswer as { thesis: string }).thesis.length, `${q.file} short answer`).toBeGreaterThan(20);
      expect(countWords(q.body), `${q.file} long answer`).toBeGreaterThanOrEqual(120);
    }
    for (const q of systemDesign) {
      const headings = [...q.body.matchAll(/^## (.+)$/gm)].map((m) => m[1]!.trim());
      expect(
        headings.filter((h) => SYSTEM_DESIGN_HEADINGS.includes(h)),
        `${q.file} headings`,
      ).toEqual(SYSTEM_DESIGN_HEADINGS);
    }
  });

  it('every roadmap topic resolves to a topic page', () => {
    const topics = new Set(of('topics').map((t) => t.id));
    const missing = of('roadmaps').flatMap((r) =>
      (data(r).stages as { topics: (string | { topic: string })[] }[])
        .flatMap((s) => s.topics.map((t) => (typeof t === 'string' ? t : t.topic)))
        .filter((id) => !topics.has(id))
        .map((id) => `${r.id}: ${id}`),
    );
    expect(missing).toEqual([]);
  });

  it("the study planner at a roadmap's slower pace ends within 20 % of its stated maximum duration", () => {
    // The planner starts at hoursPerWeek.min with nothing done; the header states duration.max for that pace.
    const hours = new Map(of('topics').map((t) => [t.id, data(t).hours as number]));
    const rows = of('roadmaps').map((r) => {
      const d = data(r) as {
        duration: { max: number; unit: keyof typeof WEEKS_PER_UNIT };
        hoursPerWeek: { min: number };
        stages: { id: string; topics: (string | { topic: string; optional?: boolean; alternative?: string })[] }[];
      };
      const stages = d.stages.map((s) => ({
        id: s.id,
        topics: s.topics.map((t) =>
          typeof t === 'string'
            ? { id: t, optional: false }
            : { id: t.topic, optional: t.optional ?? false, alternative: t.alternative },
        ),
      }));
      const planned = remainingTopics(stages, {}).map((id) => ({ id, title: id, hours: hours.get(id)! }));
      const weeks = planWeeks(planned, d.hoursPerWeek.min).length;
      return {
        id: r.id,
        planner: weeks,
        stated: Math.round(d.duration.max * WEEKS_PER_UNIT[d.duration.unit] * 10) / 10,
      };
    });
    console.log(
      `content: planner weeks at the slower pace vs stated maximum: ${rows.map((r) => `${r.id} ${r.planner}/${r.stated}`).join(', ')}`,
    );
    for (const row of rows)
      expect(
        Math.abs(row.planner - row.stated) / row.stated,
        `${row.id}: planner ${row.planner} weeks, header ${row.stated}`,
      ).toBeLessThanOrEqual(0.2);
  });

  it('has no placeholder text', () => {
    // Upper-case TODO/TBD only, so ordinary words are not mistaken for markers; code is left out, where a TODO can
    // be an API (Go's `context.TODO()`).
    const placeholder = (raw: string) => {
      const text = raw.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
      return /\b(TODO|TBD)\b/.test(text) || /lorem ipsum|coming soon|placeholder text/i.test(text);
    };
    expect(entries.filter((e) => placeholder(`${JSON.stringify(e.data)}\n${e.body}`)).map((e) => e.file)).toEqual([]);
  });
});
