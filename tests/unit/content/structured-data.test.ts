/** JSON-LD for search engines (src/lib/content/structured-data.ts): breadcrumbs and one schema.org type per kind of page. */
import type { CollectionEntry } from 'astro:content';
import { describe, expect, it } from 'vitest';
import {
  breadcrumbList,
  projectLd,
  questionLd,
  roadmapLd,
  roleLd,
  topicLd,
} from '../../../src/lib/content/structured-data.ts';

const site = new URL('https://backend-atlas.dev');
const url = (path: string) => new URL(path, site);
const dated = { created: '2026-01-15', updated: '2026-11-02' };
/** A content entry with only the fields the JSON-LD reads. */
const entry = <C extends 'roadmaps' | 'topics' | 'projects' | 'questions' | 'roles'>(data: object) =>
  ({ id: 'x', data: { ...dated, ...data } }) as unknown as CollectionEntry<C>;
const common = {
  '@context': 'https://schema.org',
  isAccessibleForFree: true,
  inLanguage: 'en',
  datePublished: '2026-01-15',
  dateModified: '2026-11-02',
};

describe('breadcrumbs', () => {
  it('trails Home › section › page, naming sections and the page by its title, with absolute URLs', () => {
    expect(breadcrumbList('/topics/jwt/', 'JSON Web Tokens', site)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'Home', item: 'https://backend-atlas.dev/' },
        { '@type': 'ListItem', position: 2, name: 'Topics', item: 'https://backend-atlas.dev/topics/' },
        { '@type': 'ListItem', position: 3, name: 'JSON Web Tokens', item: 'https://backend-atlas.dev/topics/jwt/' },
      ],
    });
  });

  it('names a section page by its section, and a section it does not know from its path', () => {
    const names = (path: string) =>
      (breadcrumbList(path, 'Page title', site).itemListElement as { name: string }[]).map((i) => i.name);
    expect(names('/')).toEqual(['Home']);
    expect(names('/progress/')).toEqual(['Home', 'Your progress']);
    expect(names('/compare/rest-vs-grpc/')).toEqual(['Home', 'Compare', 'Page title']);
    expect(names('/study-plan/')).toEqual(['Home', 'Study plan']);
  });
});

describe('pages as schema.org things', () => {
  it('describes a roadmap as a learning resource with its levels and its longest duration', () => {
    const roadmap = entry<'roadmaps'>({
      title: 'Backend developer',
      summary: 'From HTTP to production.',
      levels: ['beginner', 'intermediate'],
      duration: { min: 8, max: 10, unit: 'months' },
    });
    expect(roadmapLd(roadmap, url('/roadmaps/backend-developer/'))).toEqual({
      ...common,
      '@type': 'LearningResource',
      name: 'Backend developer roadmap',
      description: 'From HTTP to production.',
      url: 'https://backend-atlas.dev/roadmaps/backend-developer/',
      learningResourceType: 'Roadmap',
      educationalLevel: 'beginner, intermediate',
      timeRequired: 'P10M',
    });
    const time = (unit: string) =>
      roadmapLd(
        entry<'roadmaps'>({ title: 'T', summary: 'S.', levels: [], duration: { min: 2, max: 3, unit } }),
        url('/'),
      ).timeRequired;
    expect([time('weeks'), time('years')]).toEqual(['P3W', 'P3Y']);
  });

  it('describes a topic as a lesson in whole hours, citing its resources', () => {
    const topic = entry<'topics'>({
      title: 'JWT',
      summary: 'Signed tokens.',
      hours: 2.6,
      resources: [{ title: 'RFC 7519', url: 'https://www.rfc-editor.org/rfc/rfc7519', type: 'spec' }],
    });
    expect(topicLd(topic, url('/topics/jwt/'))).toEqual({
      ...common,
      '@type': 'LearningResource',
      name: 'JWT',
      description: 'Signed tokens.',
      url: 'https://backend-atlas.dev/topics/jwt/',
      learningResourceType: 'Lesson',
      timeRequired: 'PT3H',
      citation: [{ '@type': 'CreativeWork', name: 'RFC 7519', url: 'https://www.rfc-editor.org/rfc/rfc7519' }],
    });
  });

  it('gives a project a time only when it has hours', () => {
    const project = (hours?: number) =>
      projectLd(
        entry<'projects'>({ title: 'To-do API', summary: 'Tasks.', level: 'beginner', ...(hours ? { hours } : {}) }),
        url('/projects/todo/'),
      );
    expect(project(12)).toMatchObject({
      '@type': 'LearningResource',
      learningResourceType: 'Project',
      educationalLevel: 'beginner',
      timeRequired: 'PT12H',
      ...common,
    });
    expect(project()).not.toHaveProperty('timeRequired');
  });

  it('describes a question as a QAPage whose accepted answer is the short answer, linked to its anchor', () => {
    const question = entry<'questions'>({
      question: 'What is idempotency?',
      shortAnswer: { thesis: 'Repeating it changes nothing more.', points: ['Same key', 'same result'] },
      difficulty: 'mid',
    });
    expect(questionLd(question, url('/questions/idempotency/'))).toEqual({
      '@context': 'https://schema.org',
      '@type': 'QAPage',
      url: 'https://backend-atlas.dev/questions/idempotency/',
      datePublished: '2026-01-15',
      dateModified: '2026-11-02',
      mainEntity: {
        '@type': 'Question',
        name: 'What is idempotency?',
        text: 'What is idempotency?',
        answerCount: 1,
        educationalLevel: 'mid',
        acceptedAnswer: {
          '@type': 'Answer',
          text: 'Repeating it changes nothing more. Same key; same result.',
          url: 'https://backend-atlas.dev/questions/idempotency/#answer',
        },
      },
    });
  });

  it('describes a role as an occupation whose salary is valid from the month its source speaks for', () => {
    const role = (source: object) =>
      roleLd(
        entry<'roles'>({
          title: 'SRE',
          summary: 'Keeps it up.',
          skills: ['Linux', 'SLOs'],
          market: { region: 'United States', currency: 'USD', salary: { min: 120000, max: 190000, source } },
        }),
        url('/roles/sre/'),
      );
    const external = { kind: 'external', name: 'BLS', url: 'https://www.bls.gov/ooh/', asOf: '2025-05' };
    expect(role(external)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Occupation',
      name: 'SRE',
      description: 'Keeps it up.',
      url: 'https://backend-atlas.dev/roles/sre/',
      skills: 'Linux, SLOs',
      occupationLocation: { '@type': 'Country', name: 'United States' },
      estimatedSalary: {
        '@type': 'MonetaryAmountDistribution',
        name: 'base',
        currency: 'USD',
        duration: 'P1Y',
        minValue: 120000,
        maxValue: 190000,
        validFrom: '2025-05-01',
      },
    });
    // An estimate speaks for the newest month it rests on; our own assessment for the month it was reviewed.
    const estimate = {
      kind: 'estimate',
      method: 'median of two surveys',
      from: [
        { ...external, asOf: '2026-03' },
        { ...external, asOf: '2025-11' },
      ],
    };
    expect((role(estimate).estimatedSalary as { validFrom: string }).validFrom).toBe('2026-03-01');
    expect((role({ kind: 'assessment', reviewed: '2026-10' }).estimatedSalary as { validFrom: string }).validFrom).toBe(
      '2026-10-01',
    );
  });
});
