/**
 * The pages the browser tests visit, named once and read from the build under test: the catalog the roadmap builder
 * fetches (roadmaps/catalog.json: every topic, our roadmaps and their stages), the sitemap, the lab list of /practice/
 * and the question list of /questions/. A page is chosen by what the tests need of it where they need no more ("the
 * main roadmap's required topics", "another roadmap that has the topic"); where a test reads a page's own words (a
 * lab's answer, a chart's figures, what a search for "kafka" finds) the page is named here by id. A page the build no
 * longer has stops the run here, as the specs load, saying which one — not in thirty tests.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAIN_ROADMAP } from '../../src/dev/page-weight.ts';
import type { Catalog } from '../../src/lib/custom-roadmap/catalog.ts';
import { entryUrl } from '../../src/lib/site/urls.ts';
import { DIST, sitemapPaths } from './build-output.ts';

const read = (path: string) => readFileSync(join(DIST, path), 'utf8');
const catalog = JSON.parse(read('roadmaps/catalog.json')) as Catalog;
const sitemap = new Set(sitemapPaths());

function missing(what: string): never {
  throw new Error(`tests/e2e/content.ts: the build in ${DIST} has no ${what}. Choose another page for it there.`);
}
const first = <T>(items: readonly T[], what: string): T => items[0] ?? missing(what);

/** The attributes of every element of `html` that has `attribute`, in page order. */
function elementsWith(html: string, attribute: string): Record<string, string>[] {
  return [...html.matchAll(new RegExp(`<[a-z]+\\b([^>]*\\s${attribute}="[^"]*"[^>]*)>`, 'g'))].map((m) =>
    Object.fromEntries([...m[1]!.matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!])),
  );
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
/** A built page's title as its <title> says it, without the site's name. */
const pageTitle = (url: string) =>
  (/<title>([^<]*)<\/title>/.exec(read(`${url}index.html`))?.[1] ?? '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ENTITIES[name]!)
    .replace(/ · Backend Atlas$/, '');

export interface Page {
  id: string;
  url: string;
  title: string;
}
export interface TopicPage extends Page {
  summary: string;
  /** Our roadmaps that have it, in the catalog's order (its primary roadmap first). */
  roadmaps: string[];
  lab: boolean;
}
export interface RoadmapPage extends Page {
  /** Its topics in map order, each stage's optional topics and alternatives included. */
  topics: TopicPage[];
  /** Its required topics, in map order. */
  required: TopicPage[];
  stages: { title: string; topics: TopicPage[]; required: TopicPage[] }[];
}
export interface LabPage extends Page {
  kind: string;
  /** The topic it practises first: the one its page and the roadmap's mark lead back to. */
  home: TopicPage;
}
export interface QuestionPage extends Page {
  topics: string[];
}
export interface RolePage extends Page {
  /** The roadmaps its page links, in page order. */
  roadmaps: string[];
}

const roadmapsWith = (id: string) =>
  catalog.roadmaps.filter((r) => r.stages.some((s) => s.topics.some((t) => t.id === id))).map((r) => r.id);

function topicPage(id: string): TopicPage {
  const entry = catalog.topics[id] ?? missing(`topic "${id}"`);
  const { title, summary, lab } = entry;
  return { id, url: entryUrl('topics', id), title, summary, lab, roadmaps: roadmapsWith(id) };
}

export function roadmapPage(id: string): RoadmapPage {
  const roadmap = catalog.roadmaps.find((r) => r.id === id) ?? missing(`roadmap "${id}"`);
  const stages = roadmap.stages.map((stage) => ({
    title: stage.title,
    topics: stage.topics.map((t) => topicPage(t.id)),
    required: stage.topics.filter((t) => !t.optional && !t.alternative).map((t) => topicPage(t.id)),
  }));
  const [topics, required] = [stages.flatMap((s) => s.topics), stages.flatMap((s) => s.required)];
  return { id, url: entryUrl('roadmaps', id), title: roadmap.title, topics, required, stages };
}

function page(collection: Parameters<typeof entryUrl>[0], id: string): Page {
  const url = entryUrl(collection, id);
  if (!sitemap.has(url)) missing(`page ${url}`);
  return { id, url, title: pageTitle(url) };
}

const labList = elementsWith(read('practice/index.html'), 'data-lab');
export function labPage(id: string): LabPage {
  const item = labList.find((lab) => lab['data-lab'] === id) ?? missing(`lab "${id}" on /practice/`);
  return { ...page('labs', id), kind: item['data-kind']!, home: topicPage(item['data-topics']!.split(' ')[0]!) };
}

const questionList = elementsWith(read('questions/index.html'), 'data-roles').filter((q) => q['data-id']);
const questionPage = (item: Record<string, string>): QuestionPage => ({
  ...page('questions', item['data-id']!),
  topics: item['data-topics']!.split(' '),
});
const namedQuestion = (id: string) =>
  questionPage(questionList.find((q) => q['data-id'] === id) ?? missing(`question "${id}" on /questions/`));

function rolePage(id: string): RolePage {
  const roadmaps = elementsWith(read(`${entryUrl('roles', id)}index.html`), 'data-roadmap').map(
    (a) => a['data-roadmap']!,
  );
  return { ...page('roles', id), roadmaps: [...new Set(roadmaps)] };
}

/** The roadmap the home page leads to and the byte budgets measure (src/dev/page-weight.ts). */
export const mainRoadmap = roadmapPage(MAIN_ROADMAP.split('/')[2]!);

/**
 * The topic the specs visit most, named for its words: on the main roadmap and others, neither first nor last, with
 * a JavaScript code block, a self-check, interview questions, labs and a project that exercises it.
 */
export const topic = topicPage('jwt');

/** Another roadmap that has `topic` between two others: progress is per topic, and a topic's walk follows its roadmap. */
export const otherRoadmap = roadmapPage(
  first(
    topic.roadmaps.filter((id) => {
      const ids = roadmapPage(id).topics.map((t) => t.id);
      return id !== mainRoadmap.id && ids.indexOf(topic.id) > 0 && ids.indexOf(topic.id) < ids.length - 1;
    }),
    `roadmap besides ${mainRoadmap.id} with topic "${topic.id}" in its middle`,
  ),
);

/**
 * The last roadmap in the catalog, besides the main one, that has `topic` (shared by many roadmaps): a learner who
 * works on it alone must see it started, and first on /progress/, though the catalog lists it late.
 */
export const lateRoadmap = roadmapPage(
  first(
    topic.roadmaps.filter((id) => id !== mainRoadmap.id && roadmapPage(id).required.length >= 4).reverse(),
    `roadmap besides ${mainRoadmap.id} with topic "${topic.id}" and four required topics`,
  ),
);

/** What `topic` builds on: the first required topic of its stage on its primary roadmap, as the builder hints. */
export const topicPrerequisite = first(
  roadmapPage(topic.roadmaps[0]!).stages.find((s) => s.required.some((t) => t.id === topic.id))?.required ?? [],
  `stage holding "${topic.id}"`,
);

/**
 * Eight required topics of the main roadmap from three of its stages, each stage's first topic left out: the roadmap a
 * team builds in the builder (3, 3 and 2 topics), whose missing stage openers the builder offers as hints.
 */
export const teamTopics = mainRoadmap.stages
  .filter((s) => s.required.length >= 4)
  .slice(0, 3)
  .map((s, i) => s.required.slice(1, i < 2 ? 4 : 3));
if (teamTopics.flat().length !== 8) missing('three stages of four required topics on the main roadmap');

/** A question on `topic`, listed first under it. */
export const topicQuestion = questionPage(
  first(
    questionList.filter((q) => q['data-topics']!.split(' ')[0] === topic.id),
    `question on "${topic.id}"`,
  ),
);
/** A topic whose table (HTTP methods and their properties, `OPTIONS` in a cell) is wider than a phone's column. */
export const topicWithWideTable = topicPage('http-methods');
/** A question whose page has a diagram too wide for a phone's column. */
export const questionWithWideDiagram = questionPage(
  questionList.find((q) =>
    /<figure\b[^>]*\sdata-wide=/.test(read(`${entryUrl('questions', q['data-id'])}index.html`)),
  ) ?? missing('question with a wide diagram'),
);

/** Labs named for their words: their starters, their tasks and the answers that pass them (labs.spec.ts). */
export const sqlLab = labPage('index-for-customer-orders');
export const codeLab = labPage('lru-cache');
/** What a learner who writes Python meets: a code lab, a database lab and an API lab offered in Python (python-path.spec.ts). */
export const pythonLabs = {
  code: labPage('py-lru-cache'),
  database: labPage('py-db-transfer-in-transaction'),
  api: labPage('api-health-checks'),
};
/** Every lab of /practice/, in its order, with the languages it takes (lab-facets.ts). */
export const practiceLabs = labList.map((item) => ({
  id: item['data-lab']!,
  languages: (item['data-lab-languages'] ?? missing('data-lab-languages on /practice/')).split(' '),
}));
/** A lab whose starter leaves the function bodies to the learner, so that, run as it is, Postgres refuses it. */
export const unfinishedStarterLab = labPage('sql-lost-update-guard');
/** A topic on the main roadmap with a lab, other than `sqlLab`'s: its mark says "lab" until one is passed. */
export const otherLabTopic = first(
  mainRoadmap.topics.filter((t) => t.lab && t.id !== sqlLab.home.id),
  'second topic with a lab on the main roadmap',
);

/** The project the portfolio specs track, named for its words: its features, and the stage it is ready after. */
const projectPage = page('projects', 'to-do-list-api');
export const project = {
  ...projectPage,
  features: 6,
  stretchGoals: 3,
  /** Its second feature, which the specs tick (and the id the store keeps it under). */
  feature: {
    title: 'Token-based authentication on every task route',
    id: 'token-based-authentication-on-every-task-route',
  },
  /** The stage of the main roadmap after which a learner is ready for it. */
  readyAfter: 'Authentication and authorization',
  /** The first topic it exercises: that topic's page lists it. */
  exercises: topicPage(
    /href="\/topics\/([a-z0-9-]+)\/"/.exec(read(`${projectPage.url}index.html`))?.[1] ??
      missing('topic link on a project'),
  ),
};

/** A role whose page links several roadmaps (progress shows on each). */
export const role = rolePage('go-developer');
/** Roles named for their words: the market figures their charts draw, the question a learner asks of one. */
export const roles = {
  nodejs: rolePage('nodejs-developer'),
  security: rolePage('security-engineer'),
  devops: rolePage('backend-devops-engineer'),
  senior: rolePage('senior-backend-engineer'),
  junior: rolePage('junior-backend-developer'),
};

/** Comparisons named for their rows. */
export const comparisons = {
  languages: page('comparisons', 'backend-languages'),
  jobs: page('comparisons', 'job-market-by-role'),
};

/** Topics and questions named by the words a learner types to find them (search, a job advert). */
export const named = {
  kafka: topicPage('kafka'),
  redis: topicPage('redis'),
  sql: topicPage('sql'),
  postgresql: topicPage('postgresql'),
  oauth2: topicPage('oauth2'),
  csharp: topicPage('csharp'),
  nPlusOne: topicPage('n-plus-one-problem'),
  kubernetes: topicPage('kubernetes'),
  sqlInjection: topicPage('sql-injection'),
  apiGateway: topicPage('api-gateway'),
  rabbitmq: topicPage('rabbitmq'),
  django: topicPage('django'),
  graphqlVsRest: namedQuestion('graphql-vs-rest'),
  /** Its page draws the TLS 1.3 handshake. */
  httpsTls: topicPage('https-tls'),
};

/** Concurrency timelines and the pages that link them, named for their steps (timelines.spec.ts). */
export const timelines = {
  lostUpdate: page('timelines', 'lost-update'),
  upsertRace: page('timelines', 'upsert-race'),
  deadlock: page('timelines', 'deadlock'),
  topic: topicPage('isolation-levels'),
  question: namedQuestion('what-is-write-skew'),
  writeSkewSerializable: page('timelines', 'write-skew-serializable'),
  labs: [
    'sql-lost-update-guard',
    'sql-atomic-transfer',
    'sql-select-for-update-skip-locked',
    'sql-upsert-on-conflict',
    'sql-mvcc-dead-tuples',
  ].map(labPage),
};
