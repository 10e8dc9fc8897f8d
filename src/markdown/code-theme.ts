/**
 * How code is coloured without style attributes (the CSP forbids them): a Shiki theme whose colours are not
 * colours but markers, one per kind of token. Shiki's TextMate grammars decide each token's kind; the
 * highlighter (highlight-code.ts) turns the marker into a class `tk-<kind>`, and src/styles/prose.css gives
 * each kind its colour in both themes. Tokens of no kind stay plain text in the code's own colour.
 */
import type { ThemeRegistrationRaw } from 'shiki';

/** The kinds of token the site colours, each with the TextMate scopes that belong to it. */
const TOKEN_KINDS = {
  comment: ['comment', 'punctuation.definition.comment', 'string.comment'],
  keyword: [
    'keyword',
    'storage',
    'variable.language',
    'keyword.operator.new',
    'keyword.operator.expression',
    'keyword.operator.word',
    'keyword.operator.logical.python',
    'support.type.primitive',
  ],
  string: [
    'string',
    'punctuation.definition.string',
    'string.regexp',
    'constant.character.escape',
    'markup.inline.raw',
  ],
  constant: [
    'constant',
    'support.constant',
    'variable.other.constant',
    'variable.other.enummember',
    'constant.other.symbol',
  ],
  function: [
    'entity.name.function',
    'support.function',
    'meta.function-call entity.name.function',
    'variable.function',
  ],
  type: [
    'entity.name.type',
    'entity.name.class',
    'support.type',
    'support.class',
    'entity.other.inherited-class',
    'entity.name.namespace',
  ],
  property: [
    'entity.other.attribute-name',
    'support.type.property-name',
    'meta.object-literal.key',
    'variable.other.property',
    'variable.other.object.property',
    'entity.name.tag.yaml',
    'keyword.other.definition.ini',
  ],
  tag: ['entity.name.tag', 'markup.heading'],
  inserted: ['markup.inserted'],
  deleted: ['markup.deleted'],
} as const;
export type TokenKind = keyof typeof TOKEN_KINDS;

const PLAIN = '#000000';
const KIND_LIST = Object.keys(TOKEN_KINDS) as TokenKind[];
/** The marker "colour" of a kind: #0000 followed by its index, never a colour a real theme would use here. */
const marker = (i: number) => `#0000${(i + 1).toString(16).padStart(2, '0')}`;

export const CLASS_THEME: ThemeRegistrationRaw = {
  name: 'atlas-classes',
  type: 'light',
  settings: [
    { settings: { foreground: PLAIN, background: '#ffffff' } },
    // Operators and punctuation stay plain: colour is for words that carry meaning.
    { scope: ['keyword.operator', 'punctuation'], settings: { foreground: PLAIN } },
    ...KIND_LIST.map((kind, i) => ({ scope: [...TOKEN_KINDS[kind]], settings: { foreground: marker(i) } })),
    // Re-assert the plain operators over the broad "keyword" rule, keeping the word operators above.
    {
      scope: [
        'keyword.operator.assignment',
        'keyword.operator.arithmetic',
        'keyword.operator.comparison',
        'keyword.operator.relational',
      ],
      settings: { foreground: PLAIN },
    },
  ],
};

/** The kind a highlighted token's colour stands for, or undefined for plain text. */
export function kindOf(color: string | undefined): TokenKind | undefined {
  if (!color) return undefined;
  const match = /^#0000([0-9a-f]{2})$/i.exec(color);
  if (!match) return undefined;
  return KIND_LIST[Number.parseInt(match[1]!, 16) - 1];
}
