/**
 * JSON-LD for search engines (schema.org): breadcrumbs on every page, roadmaps, topics and projects as
 * LearningResource, questions as a QAPage, roles as an Occupation with their dated salary estimate.
 */
import { LOCALES, localeOfPath, sourcePath } from '../../i18n/locales.ts';
import type { CollectionEntry } from 'astro:content';
import { shortAnswerText } from '../../schemas/question.ts';
import { inlinePlainText as plain } from '../../core/format/inline-code.ts';
import { COLLECTIONS } from '../../schemas/shared.ts';
import { sourceMonth } from './sources.ts';
import { SECTION, SECTION_LABEL } from '../site/urls.ts';

type JsonLd = Record<string, unknown>;
/** Breadcrumb names by URL segment: each collection's section, then the other pages with a section of their own. */
const SECTION_TITLE: Record<string, string> = {
  ...Object.fromEntries(COLLECTIONS.map((c) => [SECTION[c], SECTION_LABEL[c]])),
  progress: 'Your progress',
  search: 'Search',
  practice: 'Practice',
};
const sectionTitle = (segment: string) =>
  SECTION_TITLE[segment] ?? segment.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());

/** Home › Section › Page, from the URL path: the same trail the page shows. */
export function breadcrumbList(
  pathname: string,
  title: string,
  site: URL,
  /** The page language's words: its name for the home page, and for a section by its URL segment where it has one. */
  words: { home: string; sections: Readonly<Record<string, string>> } = { home: 'Home', sections: {} },
): JsonLd {
  // A translated page's trail is its English page's (the sections are English pages), ending at the page itself.
  const segments = sourcePath(pathname).split('/').filter(Boolean);
  const items = [{ name: words.home, path: '/' }];
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1;
    const path = last ? pathname : `/${segments.slice(0, i + 1).join('/')}/`;
    items.push({ name: last && i > 0 ? title : (words.sections[segment] ?? sectionTitle(segment)), path });
  });
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: item.name,
      item: new URL(item.path, site).href,
    })),
  };
}

/** ISO 8601 duration for hours, e.g. PT4H. */
const hours = (h: number) => `PT${Math.round(h)}H`;
const months = (d: { max: number; unit: string }) =>
  d.unit === 'weeks' ? `P${d.max}W` : d.unit === 'years' ? `P${d.max}Y` : `P${d.max}M`;

/** When the page was published and last changed (the entry's `created` and `updated` days). */
const dates = (data: { created: string; updated: string }) => ({
  datePublished: data.created,
  dateModified: data.updated,
});

/** What every roadmap, topic and project says as a LearningResource: free, in English, with its page and dates. */
function learningResource(
  name: string,
  data: { summary: string; created: string; updated: string },
  url: URL,
  type: string,
  extra: JsonLd,
): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'LearningResource',
    name: plain(name),
    description: plain(data.summary),
    url: url.href,
    learningResourceType: type,
    ...extra,
    isAccessibleForFree: true,
    inLanguage: LOCALES[localeOfPath(url.pathname)].lang,
    ...dates(data),
  };
}

export const roadmapLd = (roadmap: CollectionEntry<'roadmaps'>, url: URL): JsonLd =>
  learningResource(`${roadmap.data.title} roadmap`, roadmap.data, url, 'Roadmap', {
    educationalLevel: roadmap.data.levels.join(', '),
    timeRequired: months(roadmap.data.duration),
  });

export const topicLd = (topic: CollectionEntry<'topics'>, url: URL): JsonLd =>
  learningResource(topic.data.title, topic.data, url, 'Lesson', {
    timeRequired: hours(topic.data.hours),
    citation: topic.data.resources.map((r) => ({ '@type': 'CreativeWork', name: r.title, url: r.url })),
  });

export const labLd = (lab: CollectionEntry<'labs'>, url: URL): JsonLd =>
  learningResource(lab.data.title, lab.data, url, 'Exercise', {
    educationalLevel: lab.data.difficulty,
    timeRequired: `PT${lab.data.minutes}M`,
    interactivityType: 'active',
    teaches: plain(lab.data.summary),
  });

export const projectLd = (project: CollectionEntry<'projects'>, url: URL): JsonLd =>
  learningResource(project.data.title, project.data, url, 'Project', {
    educationalLevel: project.data.level,
    ...(project.data.hours ? { timeRequired: hours(project.data.hours) } : {}),
  });

export function questionLd(question: CollectionEntry<'questions'>, url: URL): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'QAPage',
    url: url.href,
    ...dates(question.data),
    mainEntity: {
      '@type': 'Question',
      name: plain(question.data.question),
      text: plain(question.data.question),
      answerCount: 1,
      educationalLevel: question.data.difficulty,
      acceptedAnswer: {
        '@type': 'Answer',
        text: shortAnswerText(question.data.shortAnswer),
        url: `${url.href}#answer`,
      },
    },
  };
}

export function roleLd(role: CollectionEntry<'roles'>, url: URL): JsonLd {
  const { market } = role.data;
  return {
    '@context': 'https://schema.org',
    '@type': 'Occupation',
    name: plain(role.data.title),
    description: plain(role.data.summary),
    url: url.href,
    skills: role.data.skills.join(', '),
    occupationLocation: { '@type': 'Country', name: market.region },
    ...(market.occupation ? { occupationalCategory: `${market.occupation.code} ${market.occupation.title}` } : {}),
    ...(market.salary && {
      estimatedSalary: {
        '@type': 'MonetaryAmountDistribution',
        name: 'base',
        currency: market.currency,
        duration: 'P1Y',
        ...(market.salary.min !== undefined && { minValue: market.salary.min, maxValue: market.salary.max }),
        ...(market.salary.median !== undefined && { median: market.salary.median }),
        validFrom: `${sourceMonth(market.salary.source)}-01`,
      },
    }),
  };
}
