/** The languages' paths and words: where a page is in each language, and that each dictionary speaks its language. */
import { expect, it } from 'vitest';
import { en } from '../../../src/i18n/dictionary/en.ts';
import { ptBr } from '../../../src/i18n/dictionary/pt-br.ts';
import { formatDate, formatNumber, localeOfPath, messagesFor, pathIn, sourcePath } from '../../../src/i18n/index.ts';

it('reads the language from the path and moves a path between languages, hash kept', () => {
  expect(localeOfPath('/topics/http/')).toBe('en');
  expect(localeOfPath('/pt-br/topics/http/')).toBe('pt-br');
  expect(localeOfPath('/pt-brx/')).toBe('en');
  expect(localeOfPath('/en/topics/')).toBe('en');
  expect(sourcePath('/pt-br/topics/http/')).toBe('/topics/http/');
  expect(sourcePath('/pt-br/')).toBe('/');
  expect(pathIn('pt-br', '/topics/http/#how-it-works')).toBe('/pt-br/topics/http/#how-it-works');
  expect(pathIn('pt-br', '/pt-br/topics/http/')).toBe('/pt-br/topics/http/');
  expect(pathIn('en', '/pt-br/roadmaps/beginner-path/')).toBe('/roadmaps/beginner-path/');
  expect(messagesFor(new URL('https://x.test/pt-br/topics/sql/')).search).toBe('Buscar');
  expect(messagesFor(new URL('https://x.test/topics/sql/')).search).toBe('Search');
});

it('writes dates and numbers as each language does', () => {
  expect(formatDate('en', '2026-11-25')).toBe('25 November 2026');
  expect(formatDate('pt-br', '2026-11-25')).toBe('25 de novembro de 2026');
  expect(formatNumber('en', 2500.5)).toBe('2,500.5');
  expect(formatNumber('pt-br', 2500.5)).toBe('2.500,5');
});

/** A function's first argument: "3" in a sentence, and a duration, a week range or a roadmap's counts as an object. */
const SAMPLE = Object.assign(new String('3'), {
  min: 2,
  max: 3,
  unit: 'months',
  from: 1,
  to: 4,
  required: 5,
  extra: 4,
});

/** Every word of a dictionary, by its path, with functions called on sample arguments. */
function words(section: unknown, path = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof section === 'string') out.set(path, section);
  else if (typeof section === 'function')
    out.set(path, String((section as (...a: unknown[]) => unknown)(SAMPLE, 'X', '1', '9')));
  else
    for (const [key, value] of Object.entries(section as object))
      words(value, path ? `${path}.${key}` : key).forEach((v, k) => out.set(k, v));
  return out;
}

/** Words Portuguese writes as English does: names, and terms the glossary keeps (roadmap, lab, menu). */
const SAME = new Set([
  'menu',
  'nav.roadmaps',
  'nav.labs',
  'section.roadmaps',
  'section.labs',
  'entryKind.roadmaps',
  'entryKind.labs',
  'topic.labs',
  'walk.label',
  'searchBox.values.roadmap',
  'searchBox.values.lab',
  'roadmap.map.lab',
  'card.roadmap',
  'roadmap.map.statusLabel',
  'roadmapView.statusLabel',
  'roadmapView.marked',
  'roadmapView.planItem',
  'lab.kind',
  'lab.languages.sql',
  'lab.languages.javascript',
  'lab.languages.typescript',
  'lab.languages.python',
  'labView.console',
  'sqlRun.rowsPart',
  'sqlRun.rowsKinds',
  'sqlRun.variantCheck',
  'apiRun.expectStatus',
  'apiRun.problemAt',
  'labView.http.turnSql',
]);

it('has every English word translated into Portuguese, with the same placeholders', () => {
  const [english, portuguese] = [words(en), words(ptBr)];
  expect([...portuguese.keys()].sort()).toEqual([...english.keys()].sort());
  const untranslated = [...english].filter(([key, value]) => !SAME.has(key) && portuguese.get(key) === value);
  expect(untranslated).toEqual([]);
  for (const [key, value] of english) {
    const holes = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    expect(holes(portuguese.get(key) ?? ''), key).toEqual(holes(value));
  }
});
