import { describe, expect, it } from 'vitest';
import { englishOnly } from '../../src/integrations/pagefind-bundle.ts';

/** A bundle laid out as Pagefind's Component UI script is: code, one module per language, the two lists, code. */
const language = (v: string, word: string) =>
  `var ${v}={};h(${v},{comments:()=>${v}c,default:()=>${v}d,direction:()=>${v}r,strings:()=>${v}s,thanks_to:()=>${v}t});var ${v}t="",${v}c="",${v}r="ltr",${v}s={placeholder:"${word}"},${v}d={thanks_to:${v}t,comments:${v}c,direction:${v}r,strings:${v}s};`;
const bundle = (order: [string, string, string][]) =>
  `"use strict";(()=>{var h=(a,s)=>{for(var e in s)Object.defineProperty(a,e,{get:s[e],enumerable:!0})};` +
  order.map(([v, , word]) => language(v, word)).join('') +
  `var Ma=[${order.map(([v]) => v).join(',')}],Jt=Ma,Zt=[${order.map(([, lang]) => `"../../translations/${lang}.json"`).join(',')}];` +
  `globalThis.strings=Object.fromEntries(Zt.map((n,i)=>[n.match(/([^/]+)\\.json$/)[1],Jt[i].strings.placeholder]));})();`;

function run(code: string): Record<string, string> {
  const scope = {} as { strings?: Record<string, string> };
  new Function('globalThis', code)(scope);
  return scope.strings!;
}

describe('the Component UI script in English only', () => {
  it('keeps the English strings, wherever English is in the list, and drops every other language', () => {
    for (const order of [
      [
        ['We', 'af', 'Soek'],
        ['Ye', 'de', 'Suche'],
        ['Je', 'en', 'Search'],
        ['Ze', 'fr', 'Rechercher'],
      ],
      [
        ['We', 'en', 'Search'],
        ['Ye', 'de', 'Suche'],
      ],
      [
        ['We', 'de', 'Suche'],
        ['Ye', 'en', 'Search'],
      ],
    ] as [string, string, string][][]) {
      const code = bundle(order);
      expect(run(code)).toEqual(Object.fromEntries(order.map(([, lang, word]) => [lang, word])));
      const trimmed = englishOnly(code);
      expect(run(trimmed)).toEqual({ en: 'Search' });
      expect(trimmed).not.toMatch(/Suche|Soek|Rechercher/);
    }
  });

  it('refuses a bundle laid out otherwise, rather than shipping a broken one', () => {
    expect(() => englishOnly('(()=>{})();')).toThrow(/list of translations/);
    const noEnglish = bundle([
      ['We', 'de', 'Suche'],
      ['Ye', 'fr', 'Rechercher'],
    ]);
    expect(() => englishOnly(noEnglish)).toThrow(/pair/);
  });
});
