import { describe, expect, it } from 'vitest';
import { type ExcerptPart, tidyExcerpt } from '../../../src/lib/search/excerpt.ts';

/** Parts from text where `[word]` is marked, as Pagefind's `<mark>` would be. */
const parts = (text: string): ExcerptPart[] =>
  text
    .split(/(\[[^\]]*\])/)
    .filter(Boolean)
    .map((t) => (t.startsWith('[') ? { text: t.slice(1, -1), marked: true } : { text: t, marked: false }));
/** Parts back to text, marks as `[word]`. */
const shown = (out: ExcerptPart[]) => out.map((p) => (p.marked ? `[${p.text}]` : p.text)).join('');

describe('a result excerpt', () => {
  it('marks the letters and digits of a matched word, not its punctuation', () => {
    expect(shown(tidyExcerpt(parts('Web Tokens [(JWT).] A compact token.')))).toBe(
      'Web Tokens ([JWT]). A compact token.',
    );
    expect(shown(tidyExcerpt(parts('How [Cache-Control,] ETag work.')))).toBe('How [Cache-Control], ETag work.');
    expect(shown(tidyExcerpt(parts('Where [“caching”] happens.')))).toBe('Where “[caching]” happens.');
    expect(shown(tidyExcerpt(parts('A lone [—] dash.')))).toBe('A lone — dash.');
  });

  it('starts at the sentence holding the first match when one starts before it', () => {
    expect(shown(tidyExcerpt(parts('question. [JWTs] are stateless.')))).toBe('[JWTs] are stateless.');
    expect(shown(tidyExcerpt(parts('Lab · Code. Validate a [JWT] claim.')))).toBe('Validate a [JWT] claim.');
  });

  it('otherwise starts at a whole word, after "…" when the window opens mid-sentence, and ends with "…" when cut', () => {
    expect(shown(tidyExcerpt(parts('me through how [JWT-based] auth works')))).toBe(
      '…me through how [JWT-based] auth works…',
    );
    expect(shown(tidyExcerpt(parts('-based [auth] works.')))).toBe('…based [auth] works.');
    expect(shown(tidyExcerpt(parts('Apache [Kafka]')))).toBe('Apache [Kafka]…');
    expect(tidyExcerpt([])).toEqual([]);
  });
});
