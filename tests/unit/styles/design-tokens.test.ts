/**
 * The colour tokens (src/styles/tokens.css), both themes: text on every surface meets WCAG AA (4.5:1), and the
 * status fills a roadmap topic is painted with stand 3:1 apart from an unmarked topic and from the page.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync('src/styles/tokens.css', 'utf8');
const tokens = Object.fromEntries(
  [...css.matchAll(/--(c-[a-z-]+):\s*light-dark\((#[0-9a-f]{6}),\s*(#[0-9a-f]{6})\)/g)].map((m) => [
    m[1]!,
    { light: m[2]!, dark: m[3]! },
  ]),
);

function luminance(hex: string) {
  const [r, g, b] = [1, 3, 5]
    .map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const ratio = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

describe('design tokens', () => {
  it('are written once for both themes', () => {
    expect(Object.keys(tokens).length).toBeGreaterThan(15);
    expect(css).not.toMatch(/\[data-theme='dark'\][^{]*\{[^}]*--c-/);
  });

  // Highlighted code's token colours (src/styles/prose.css): the sweep of every page leaves code tokens out of its
  // contrast check (tests/e2e/accessibility.spec.ts), because their colours are these few fixed pairs.
  const prose = readFileSync('src/styles/prose.css', 'utf8');
  const syntax = [...prose.matchAll(/--(tk-[a-z]+):\s*light-dark\((#[0-9a-f]{6}),\s*(#[0-9a-f]{6})\)/g)].map((m) => ({
    name: m[1]!,
    light: m[2]!,
    dark: m[3]!,
  }));

  it('highlighted code: every token colour meets 4.5:1 on the code block and inline code backgrounds, both themes', () => {
    expect(syntax.length).toBeGreaterThanOrEqual(8);
    expect(prose).toMatch(/--tw-prose-pre-bg: var\(--c-raised\)/);
    for (const theme of ['light', 'dark'] as const)
      for (const token of syntax)
        for (const surface of ['c-raised', 'c-surface'])
          expect(
            ratio(token[theme], tokens[surface]![theme]),
            `${theme}: ${token.name} on ${surface}`,
          ).toBeGreaterThanOrEqual(4.5);
  });

  for (const theme of ['light', 'dark'] as const) {
    const c = (name: string) => tokens[name]![theme];
    it(`${theme}: text meets 4.5:1 on every surface`, () => {
      for (const text of ['c-fg', 'c-muted', 'c-accent', 'c-accent-strong']) {
        for (const surface of ['c-bg', 'c-raised', 'c-surface', 'c-accent-soft']) {
          expect(ratio(c(text), c(surface)), `${text} on ${surface}`).toBeGreaterThanOrEqual(4.5);
        }
      }
      for (const [text, fill] of [
        ['c-accent-fg', 'c-accent'],
        ['c-done-fg', 'c-done'],
        ['c-learning-fg', 'c-learning'],
        ['c-skipped-fg', 'c-skipped'],
      ]) {
        expect(ratio(c(text!), c(fill!)), `${text} on ${fill}`).toBeGreaterThanOrEqual(4.5);
      }
    });

    it(`${theme}: status fills are 3:1 from an unmarked topic and the page`, () => {
      for (const fill of ['c-done', 'c-learning', 'c-skipped']) {
        expect(ratio(c(fill), c('c-raised')), `${fill} vs an unmarked topic`).toBeGreaterThanOrEqual(3);
        expect(ratio(c(fill), c('c-bg')), `${fill} vs the page`).toBeGreaterThanOrEqual(3);
      }
      expect(ratio(c('c-border-strong'), c('c-raised')), 'node border vs its fill').toBeGreaterThanOrEqual(3);
      expect(ratio(c('c-focus'), c('c-bg')), 'focus ring').toBeGreaterThanOrEqual(3);
    });
  }
});
