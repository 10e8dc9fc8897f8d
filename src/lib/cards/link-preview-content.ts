/** What each page's link preview card says, from its content entry. */
import type { CollectionEntry } from 'astro:content';
import { formatProficiency, type ProficiencyRole } from '../roles/proficiency.ts';
import type { CardInput } from './link-preview-card.ts';
import { count } from '../../core/format/words.ts';

export type CardCollection = 'roadmaps' | 'topics' | 'roles' | 'questions' | 'projects';
export const CARD_COLLECTIONS: CardCollection[] = ['roadmaps', 'topics', 'roles', 'questions', 'projects'];

/** Site-relative URL of an entry's card, or of the site's own card. */
export const cardUrl = (collection?: CardCollection, id?: string) =>
  collection && id ? `/og/${collection}/${id}.png` : '/og/site.png';

/**
 * A card's words in one language: the dictionary's `card` section (src/i18n/dictionary/), for the site's card and the
 * collections that have translations. A role's, question's or project's card is English only, as their pages are.
 */
export interface CardWords {
  site: { kind: string; title: string; facts: readonly string[] };
  roadmap: string;
  stages: (n: number) => string;
  duration: (d: { min: number; max: number; unit: string }) => string;
  level: Readonly<Record<string, string>>;
  topic: string;
  hours: (n: number) => string;
  resources: (n: number) => string;
}

/** The site's own card, in the words of a language. */
export const siteCard = ({ site }: CardWords): CardInput => ({ ...site, facts: [...site.facts] });

/**
 * The card of an entry, in `words`' language. `roles` by id name the role a time to proficiency is counted after
 * ("+8–12 months after Senior Backend Engineer").
 */
export function cardInput(
  collection: CardCollection,
  entry: CollectionEntry<CardCollection>,
  words: CardWords,
  roles: ReadonlyMap<string, ProficiencyRole> = new Map(),
): CardInput {
  switch (collection) {
    case 'roadmaps': {
      const { data } = entry as CollectionEntry<'roadmaps'>;
      return {
        kind: words.roadmap,
        title: data.title,
        facts: [
          words.stages(data.stages.length),
          words.duration(data.duration),
          data.levels.map((level) => words.level[level] ?? level).join(' · '),
        ],
      };
    }
    case 'topics': {
      const { data } = entry as CollectionEntry<'topics'>;
      return {
        kind: words.topic,
        title: data.title,
        facts: [words.hours(data.hours), words.resources(data.resources.length)],
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
