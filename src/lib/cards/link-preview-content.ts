/** What each page's link preview card says, from its content entry. */
import type { CollectionEntry } from 'astro:content';
import { formatDuration } from '../format/format.ts';
import type { CardInput } from './link-preview-card.ts';

export type CardCollection = 'roadmaps' | 'topics' | 'roles' | 'questions' | 'projects';
export const CARD_COLLECTIONS: CardCollection[] = ['roadmaps', 'topics', 'roles', 'questions', 'projects'];

/** Site-relative URL of an entry's card, or of the site's own card. */
export const cardUrl = (collection?: CardCollection, id?: string) =>
  collection && id ? `/og/${collection}/${id}.png` : '/og/site.png';

export const SITE_CARD: CardInput = {
  kind: 'Learn backend engineering',
  title: 'Roadmaps, topics, roles and interview questions for backend engineers',
  facts: ['Free', 'No account', 'Works without JavaScript'],
};

export function cardInput(collection: CardCollection, entry: CollectionEntry<CardCollection>): CardInput {
  switch (collection) {
    case 'roadmaps': {
      const { data } = entry as CollectionEntry<'roadmaps'>;
      return {
        kind: 'Roadmap',
        title: data.title,
        facts: [`${data.stages.length} stages`, formatDuration(data.duration), data.levels.join(' · ')],
      };
    }
    case 'topics': {
      const { data } = entry as CollectionEntry<'topics'>;
      return {
        kind: 'Topic',
        title: data.title,
        facts: [`About ${data.hours} h to learn`, `${data.resources.length} resources`],
      };
    }
    case 'roles': {
      const { data } = entry as CollectionEntry<'roles'>;
      return {
        kind: 'Role',
        title: data.title,
        facts: [data.seniority.join(' › '), `${formatDuration(data.timeToProficiency)} to proficiency`],
      };
    }
    case 'questions': {
      const { data } = entry as CollectionEntry<'questions'>;
      return {
        kind: 'Interview question',
        title: data.question,
        facts: [data.difficulty, data.type.replace('-', ' ')],
      };
    }
    case 'projects': {
      const { data } = entry as CollectionEntry<'projects'>;
      return {
        kind: 'Project',
        title: data.title,
        facts: [data.level, `${data.features.length} features`, ...(data.hours ? [`about ${data.hours} h`] : [])],
      };
    }
  }
}
