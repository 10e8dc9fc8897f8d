/** What each page's link preview card says (src/lib/cards/link-preview-content.ts), from entries with only the fields it reads. */
import type { CollectionEntry } from 'astro:content';
import { describe, expect, it } from 'vitest';
import {
  CARD_COLLECTIONS,
  type CardCollection,
  cardInput,
  cardUrl,
  type CardWords,
  siteCard,
} from '../../../src/lib/cards/link-preview-content.ts';
import { en } from '../../../src/i18n/dictionary/en.ts';
import { ptBr } from '../../../src/i18n/dictionary/pt-br.ts';

const card = (collection: CardCollection, data: object, words: CardWords = en.card) =>
  cardInput(collection, { id: 'x', data } as unknown as CollectionEntry<CardCollection>, words);

describe('link preview card content', () => {
  it('puts a card for each entry at /og/<collection>/<id>.png, and the site card at /og/site.png', () => {
    expect(cardUrl('topics', 'jwt')).toBe('/og/topics/jwt.png');
    expect(cardUrl('questions', 'what-is-idempotency')).toBe('/og/questions/what-is-idempotency.png');
    expect(cardUrl()).toBe('/og/site.png');
    expect(cardUrl('roles')).toBe('/og/site.png');
    expect(CARD_COLLECTIONS).toEqual(['roadmaps', 'topics', 'roles', 'questions', 'projects']);
    expect(siteCard(en.card).facts).toEqual(['Free', 'No account', 'Works without JavaScript']);
    expect(siteCard(ptBr.card).facts).toEqual(['Gratuito', 'Sem cadastro', 'Funciona sem JavaScript']);
  });

  it('gives a roadmap its stage count, duration and levels', () => {
    const roadmap = {
      title: 'Backend developer',
      stages: [{}, {}, {}],
      duration: { min: 8, max: 10, unit: 'months' },
      levels: ['beginner', 'intermediate'],
    };
    expect(card('roadmaps', roadmap)).toEqual({
      kind: 'Roadmap',
      title: 'Backend developer',
      facts: ['3 stages', '8–10 months', 'beginner · intermediate'],
    });
    expect(card('roadmaps', { ...roadmap, duration: { min: 1, max: 1, unit: 'years' } }).facts[1]).toBe('1 year');
    // In Portuguese: the same facts in its words.
    expect(card('roadmaps', roadmap, ptBr.card)).toEqual({
      kind: 'Roadmap',
      title: 'Backend developer',
      facts: ['3 etapas', '8–10 meses', 'iniciante · intermediário'],
    });
  });

  it('gives a topic its hours and resource count', () => {
    expect(card('topics', { title: 'JWT', hours: 3, resources: [{}, {}] })).toEqual({
      kind: 'Topic',
      title: 'JWT',
      facts: ['About 3 h to learn', '2 resources'],
    });
    expect(card('topics', { title: 'JWT', hours: 1.5, resources: [{}] }, ptBr.card).facts).toEqual([
      'Cerca de 1,5 h para aprender',
      '1 recurso',
    ]);
  });

  it('gives a role its seniority ladder and time to proficiency', () => {
    const role = {
      title: 'SRE',
      seniority: ['mid', 'senior', 'staff'],
      timeToProficiency: { min: 2, max: 3, unit: 'years' },
    };
    expect(card('roles', role)).toEqual({
      kind: 'Role',
      title: 'SRE',
      facts: ['mid › senior › staff', '2–3 years to proficiency'],
    });
    const architect = { ...role, timeToProficiency: { min: 8, max: 12, unit: 'months', after: { id: 'senior' } } };
    const roles = new Map([
      [
        'senior',
        { id: 'senior', data: { title: 'Senior Backend Engineer', timeToProficiency: role.timeToProficiency } },
      ],
    ]);
    const withBasis = cardInput(
      'roles',
      { id: 'x', data: architect } as unknown as CollectionEntry<CardCollection>,
      en.card,
      roles as never,
    );
    expect(withBasis.facts[1]).toBe('+8–12 months after Senior Backend Engineer to proficiency');
  });

  it('titles a question card with the question, and writes its type in words', () => {
    expect(
      card('questions', { question: 'How would you shard a user table?', difficulty: 'senior', type: 'system-design' }),
    ).toEqual({
      kind: 'Interview question',
      title: 'How would you shard a user table?',
      facts: ['senior', 'system design'],
    });
  });

  it('gives a project its level and feature count, and its hours only when it has them', () => {
    const project = { title: 'To-do API', level: 'beginner', features: [{}, {}, {}, {}] };
    expect(card('projects', project)).toEqual({
      kind: 'Project',
      title: 'To-do API',
      facts: ['beginner', '4 features'],
    });
    expect(card('projects', { ...project, hours: 20 }).facts).toEqual(['beginner', '4 features', 'about 20 h']);
  });
});
