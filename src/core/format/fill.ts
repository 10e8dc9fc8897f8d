/**
 * Filling a message's slots: the dictionary's words for scripts are plain strings where {name} marks what they fill in
 * (src/i18n/dictionary/). A module of its own, so a page's script that fills a message carries nothing else.
 */

/** A message with its {name} slots filled: `fill('{n} of {max}', { n: 3, max: 9 })` is "3 of 9". */
export const fill = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (slot, name: string) => (name in values ? String(values[name]) : slot));

/** A message's one or many form by `n`, with {n} filled in: `plural(3, '1 topic', '{n} topics')` is "3 topics". */
export const plural = (n: number, one: string, many: string): string => fill(n === 1 ? one : many, { n });
