/**
 * An entry with a translation's words, for its page in the translation's language (src/pages/pt-br/): the English
 * entry's other fields stay as they are, and the translated body's internal links lead to the pages in the same
 * language where they exist. Runs in Node only, at build time.
 */
import type { CollectionEntry } from 'astro:content';
import { type LocalLinks, linksOf, type Translation } from './content.ts';
import type { Locale } from './locales.ts';
import { withTranslatedCode } from './translations/code-words.ts';

/** Internal links of rendered HTML, each to the page in `links`' language where it is translated. */
const localizeHtml = (html: string, links: LocalLinks) =>
  html.replace(/href="(\/[^"]*)"/g, (_m, path: string) => `href="${links.href(path)}"`);

/** A translation's body and its rendered HTML, its links in the language's pages. */
async function localBody(translation: Translation, locale: Locale) {
  if (!translation.rendered)
    throw new Error(`${translation.filePath ?? translation.id}: the translation was not rendered`);
  const links = await linksOf(locale);
  return {
    body: translation.body ?? '',
    rendered: { ...translation.rendered, html: localizeHtml(translation.rendered.html, links) },
  };
}

/**
 * A topic with a translation's words and body, for its page in the translation's language: the English entry's
 * other fields (hours, labs, related topics, resources) stay as they are.
 */
export async function localizeTopic(topic: CollectionEntry<'topics'>, translation: Translation, locale: Locale) {
  const { title, summary, searchTerms, selfCheck } = translation.data;
  return {
    ...topic,
    data: { ...topic.data, title, summary, searchTerms, selfCheck: selfCheck ?? topic.data.selfCheck },
    ...(await localBody(translation, locale)),
  } satisfies CollectionEntry<'topics'>;
}

/**
 * A roadmap with a translation's words and body, for its page in the translation's language: each stage's title and
 * goal from the translation, its topics, weeks and every other field from the English entry.
 */
export async function localizeRoadmap(roadmap: CollectionEntry<'roadmaps'>, translation: Translation, locale: Locale) {
  const { title, summary, searchTerms, stages = [] } = translation.data;
  const words = new Map(stages.map((s) => [s.id, s]));
  return {
    ...roadmap,
    data: {
      ...roadmap.data,
      title,
      summary,
      searchTerms,
      stages: roadmap.data.stages.map((s) => ({
        ...s,
        title: words.get(s.id)?.title ?? s.title,
        goal: words.get(s.id)?.goal ?? s.goal,
      })),
    },
    ...(await localBody(translation, locale)),
  } satisfies CollectionEntry<'roadmaps'>;
}

/**
 * A lab with a translation's words and body, for its page in the translation's language: the task, hints and
 * explanation, and the words its checks say (each check's name, rule, message and probe labels, each hidden dataset's
 * case, each hidden API test's name and step messages), merged by position into the English spec; the code, data and
 * every other field stay the English entry's (the check in translations/check.ts holds the lists to the same shape).
 */
export async function localizeLab(lab: CollectionEntry<'labs'>, translation: Translation, locale: Locale) {
  const t = translation.data;
  const { data } = lab;
  const checks = data.checks?.map((check, i) => {
    const words = t.checks?.[i] ?? {};
    const merged: Record<string, unknown> = { ...check };
    for (const field of ['name', 'rule', 'message'] as const)
      if (field in check && words[field] !== undefined) merged[field] = words[field];
    if ('probes' in check && check.probes)
      merged.probes = check.probes.map((p, j) => ({ ...p, label: words.probes?.[j] ?? p.label }));
    return merged as typeof check;
  });
  const requests = data.requests?.map((test, i) => {
    const words = t.requests?.[i];
    let message = 0;
    // Each message in the order it appears: a step's own, then those of the requests a `concurrent` step sends.
    const localized = <S extends object>(step: S): S =>
      'message' in step && step.message !== undefined
        ? { ...step, message: words?.messages[message++] ?? step.message }
        : step;
    return {
      ...test,
      name: words?.name ?? test.name,
      steps: test.steps.map((step) => {
        const own = localized(step);
        return 'concurrent' in own ? { ...own, concurrent: own.concurrent.map(localized) } : own;
      }),
    };
  });
  return {
    ...lab,
    data: withTranslatedCode(
      {
        ...data,
        title: t.title,
        summary: t.summary,
        searchTerms: t.searchTerms,
        ...(t.task !== undefined ? { task: t.task } : {}),
        hints: t.hints ?? data.hints,
        explanation: t.explanation ?? data.explanation,
        ...(checks ? { checks } : {}),
        ...(data.variants
          ? { variants: data.variants.map((v, i) => ({ ...v, case: t.variants?.[i] ?? v.case })) }
          : {}),
        ...(requests ? { requests } : {}),
      },
      { comments: t.comments, strings: t.strings },
    ),
    ...(await localBody(translation, locale)),
  } satisfies CollectionEntry<'labs'>;
}
