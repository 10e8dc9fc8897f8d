/** What each page's link preview card says, from its content entry. */
import type { CollectionEntry } from 'astro:content';
import { formatDuration } from '../../core/format/format.ts';
import { formatProficiency, type ProficiencyRole } from '../roles/proficiency.ts';
import type { CardInput } from './link-preview-card.ts';
import { count } from '../../core/format/words.ts';

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

/** `roles` by id name the role a time to proficiency is counted after ("+8–12 months after Senior Backend Engineer"). */
export function cardInput(
  collection: CardCollection,
  entry: CollectionEntry<CardCollection>,
  roles: ReadonlyMap<string, ProficiencyRole> = new Map(),
): CardInput {
  switch (collection) {
    case 'roadmaps': {
      const { data } = entry as CollectionEntry<'roadmaps'>;
      return {
        kind: 'Roadmap',
        title: data.title,
        facts: [count(data.stages.length, 'stage'), formatDuration(data.duration), data.levels.join(' · ')],
      };
    }
    case 'topics': {
      const { data } = entry as CollectionEntry<'topics'>;
      return {
        kind: 'Topic',
        title: data.title,
        facts: [`About ${data.hours} h to learn`, count(data.resources.length, 'resource')],
      };
    }
    case 'roles': {
      const role = entry as CollectionEntry<'roles'>;
      return {
        kind: 'Role',
        title: role.data.title,
        facts: [role.data.seniority.join(' › '), `${formatProficiency(role, roles)} to proficiency`],
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
        facts: [data.level, count(data.features.length, 'feature'), ...(data.hours ? [`about ${data.hours} h`] : [])],
      };
    }
  }
}
