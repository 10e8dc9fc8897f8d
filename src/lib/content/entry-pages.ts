import { type CollectionEntry, render } from 'astro:content';
import type { CollectionName } from '../../schemas/shared.ts';
import { CARD_COLLECTIONS, type CardCollection, cardUrl } from '../cards/link-preview-content.ts';
import { entryUrl } from '../site/urls.ts';
import { labLd, projectLd, questionLd, roadmapLd, roleLd, topicLd } from './structured-data.ts';

/** An entry of any collection, narrowed by its `collection` field. */
export type AnyEntry = { [C in CollectionName]: CollectionEntry<C> }[CollectionName];

/** A link to an entry as EntryList shows it. */
export interface EntryItem {
  href: string;
  title: string;
  description?: string;
  badge?: string;
  /** `en` where the item stays English on a page in another language. */
  lang?: 'en' | undefined;
}

/** One detail page per entry: `export const getStaticPaths = () => entryPaths(getTopics);`, props typed by inference. */
export async function entryPaths<E extends { id: string }>(load: () => Promise<E[]>) {
  return (await load()).map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}

/** A detail page's entry with its data and rendered body: `const { entry: topic, data, Content } = await entryPage(Astro.props)`. */
export async function entryPage<E extends AnyEntry>({ entry }: { entry: E }) {
  return { entry, data: entry.data as E['data'], ...(await render(entry)) };
}

/** The badge a list shows beside an entry: a project's level, a question's difficulty. */
function badgeOf(entry: AnyEntry): string | undefined {
  if (entry.collection === 'projects') return entry.data.level;
  if (entry.collection === 'questions') return entry.data.difficulty;
  return undefined;
}

/** An entry as a link with its title and summary (a question's title is the question, with no summary). */
export function entryItem(entry: AnyEntry, { badge = false } = {}): EntryItem {
  const item: EntryItem = { href: entryUrl(entry.collection, entry.id), title: '' };
  if (entry.collection === 'questions') item.title = entry.data.question;
  else {
    item.title = entry.data.title;
    item.description = entry.data.summary;
  }
  const label = badge ? badgeOf(entry) : undefined;
  return label ? { ...item, badge: label } : item;
}

/** An entry whose page has a share card and JSON-LD of its own. */
export type CardEntry = Extract<AnyEntry, { collection: CardCollection }>;

function entryLd(entry: AnyEntry, url: URL) {
  if (entry.collection === 'roadmaps') return roadmapLd(entry, url);
  if (entry.collection === 'topics') return topicLd(entry, url);
  if (entry.collection === 'roles') return roleLd(entry, url);
  if (entry.collection === 'questions') return questionLd(entry, url);
  if (entry.collection === 'projects') return projectLd(entry, url);
  if (entry.collection === 'labs') return labLd(entry, url);
  return undefined;
}

const hasCard = (entry: AnyEntry): entry is CardEntry => (CARD_COLLECTIONS as string[]).includes(entry.collection);

/**
 * An entry page's share card and JSON-LD, as BaseLayout takes them: `{...entryHead(topic, Astro)}`. A lab has JSON-LD
 * and the site's card; a timeline or comparison neither.
 */
export function entryHead(entry: AnyEntry, page: { url: URL; site?: URL | undefined }) {
  const ld = entryLd(entry, new URL(page.url.pathname, page.site));
  return {
    ...(hasCard(entry) && { card: cardUrl(entry.collection, entry.id) }),
    structuredData: ld ? [ld] : [],
  };
}
