/**
 * Whether a page is in Brazilian Portuguese: `<html lang="pt-BR">`, and none of the English dictionary's interface
 * words in its visible text once its scripts have run, outside what is marked as English (`lang="en"`: a lab's title
 * not yet translated, a resource's English title) and code. The lesson's body and self-check answers are content, and
 * may keep an English term ("REST (Representational State Transfer)"): they are not read. The accessibility sweep
 * reads every /pt-br/ page of the sitemap this way in the load it checks it in (./accessibility.spec.ts); the
 * translation tests read pages as they are worked (./translations.spec.ts).
 */
import { expect, type Page } from '@playwright/test';
import { en } from '../../src/i18n/dictionary/en.ts';
import { ptBr } from '../../src/i18n/dictionary/pt-br.ts';

/** The English interface phrases to look for: every word of the dictionary that Portuguese writes differently. */
function phrases(english: unknown, portuguese: unknown): string[] {
  if (typeof english === 'string') return english === portuguese ? [] : [english];
  if (typeof english === 'function') {
    // A function's fixed words: its text around sample arguments, in pieces long enough to mean something.
    const [a, b] = [english, portuguese] as [(...args: unknown[]) => string, (...args: unknown[]) => string];
    return phrases(a('\u0000', '\u0000', '\u0000', '\u0000'), b('\u0000', '\u0000', '\u0000', '\u0000'))
      .flatMap((text) => text.split(/\u0000|\d+/))
      .map((piece) => piece.replace(/^[\s·:“”]+|[\s·:“”]+$/g, ''))
      .filter((piece) => piece.length >= 4);
  }
  return Object.entries(english as object).flatMap(([key, value]) =>
    phrases(value, (portuguese as Record<string, unknown>)[key]),
  );
}
/**
 * A phrase as a pattern: a phrase of several words matches them anywhere, whole words; a single word ("learning") only
 * as the whole text of an element, punctuation aside, since a lesson's summary may say "machine learning".
 */
function whole(phrase: string): RegExp {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return /\s/.test(phrase)
    ? new RegExp(`(^|\\W)${escaped}(\\W|$)`)
    : new RegExp(`(^|\\n)[\\s(·:]*${escaped}[\\s).·:]*(\\n|$)`);
}
/** Every word of the Portuguese dictionary: a word it uses too ("roadmap", which the glossary keeps) is not English. */
const PORTUGUESE = (function all(section: unknown): string[] {
  if (typeof section === 'string') return [section];
  if (typeof section === 'function') return [String((section as (...a: string[]) => unknown)('', '', '', ''))];
  return Object.values(section as object).flatMap(all);
})(ptBr)
  .join('\n')
  .toLowerCase();
export const ENGLISH = [...new Set(phrases(en, ptBr).map((p) => p.replace(/\{\w+\}/g, '').trim()))].filter(
  (p) =>
    p.length >= 4 &&
    (/\s/.test(p) || !new RegExp(`(^|[^\\p{L}])${p.toLowerCase()}([^\\p{L}]|$)`, 'u').test(PORTUGUESE)),
);

/** The page's visible text outside code and outside elements marked English. */
export function portugueseText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest('pre, code, script, style, template, [lang^="en"]')) continue;
      // The lesson's own words (its body and self-check) may use English terms, as Brazilian developers do: only
      // the interface is read there, a diagram's figure around the drawing.
      const lesson = parent.closest('.prose, #check-yourself ~ * details');
      if (lesson && !parent.closest('figure.diagram figcaption')) continue;
      if (!parent.checkVisibility({ visibilityProperty: true }) && !parent.closest('.sr-only')) continue;
      parts.push(node.textContent ?? '');
    }
    // The names controls have besides their text.
    for (const el of document.querySelectorAll('[aria-label], [title]')) {
      if (el.closest('[lang^="en"]')) continue;
      parts.push(el.getAttribute('aria-label') ?? '', el.getAttribute('title') ?? '');
    }
    return parts.join('\n');
  });
}

/** The English interface phrases any of the texts a page showed holds. */
export const englishIn = (said: string[]): string[] =>
  ENGLISH.filter((phrase) => said.some((text) => whole(phrase).test(text)));

/**
 * What is not Portuguese on the page as it loaded: its language, and each English interface phrase it shows once its
 * scripts have written their words (the status buttons enabled, a lab's Start button too, as its hints are counted
 * out, and elsewhere the code blocks' button). Soft checks, so a sweep goes on to its next page.
 */
export async function notPortuguese(page: Page): Promise<string[]> {
  await expect.soft(page.locator('[data-set][disabled]')).toHaveCount(0);
  if (await page.locator('atlas-lab-workbench').count()) await expect.soft(page.locator('[data-start]')).toBeEnabled();
  else if (await page.locator('pre.code-block').count())
    await expect.soft(page.locator('.code-copy').first()).toBeVisible();
  const lang = await page.locator('html').getAttribute('lang');
  const text = await portugueseText(page);
  return [
    ...(lang === 'pt-BR' ? [] : [`<html lang="${lang}">, not pt-BR`]),
    ...englishIn([text]).map((phrase) => `English interface text: "${phrase}"`),
  ];
}
