/**
 * A translated lab's code: only its comments change, each by the translation's words, and the check names the
 * comment a translation lacks and the entry no comment has.
 */
import { expect, it } from 'vitest';
import {
  commentIssues,
  translateComments,
  withTranslatedComments,
} from '../../../src/i18n/translations/code-comments.ts';

const SQL = `-- 1. The index
SELECT '--not a comment' AS label, 'it''s -- still a string' -- the label
FROM users; -- every user
-- SELECT 1;`;

it('translates the comments of SQL and leaves every other character, strings with markers in them included', () => {
  const words = { '1. The index': '1. O índice', 'the label': 'o rótulo', 'every user': 'todo usuário' };
  expect(translateComments(SQL, 'sql', words)).toBe(`-- 1. O índice
SELECT '--not a comment' AS label, 'it''s -- still a string' -- o rótulo
FROM users; -- todo usuário
-- SELECT 1;`);
});

it('finds comments in JavaScript after strings and template literals, and in Python after strings with #', () => {
  const js =
    "const url = 'http://x'; // the url\nconst t = `a\n// inside the template\n`; // after it\nconst weak = /^W\\//;";
  expect(
    translateComments(js, 'javascript', { 'the url': 'a url', 'inside the template': 'X', 'after it': 'depois' }),
  ).toBe("const url = 'http://x'; // a url\nconst t = `a\n// inside the template\n`; // depois\nconst weak = /^W\\//;");
  const py = 'tag = "#1"  # the tag\nx = "a\\"#b"  # escaped';
  expect(translateComments(py, 'python', { 'the tag': 'a tag', escaped: 'escapado' })).toBe(
    'tag = "#1"  # a tag\nx = "a\\"#b"  # escapado',
  );
});

it("puts the words in a lab's starter and solution, and in its Python variant's, and nothing else", () => {
  const lab = {
    language: 'http',
    starter: 'return 1; // today',
    solution: 'return 2;',
    python: { starter: 'return 1  # today', solution: 'return 2' },
    hints: ['// today'],
  };
  expect(withTranslatedComments(lab, { today: 'hoje' })).toEqual({
    ...lab,
    starter: 'return 1; // hoje',
    python: { starter: 'return 1  # hoje', solution: 'return 2' },
  });
  expect(withTranslatedComments(lab, undefined)).toBe(lab);
});

it('names a comment with words the translation lacks, and an entry that is no comment; a bare marker needs none', () => {
  const lab = { language: 'sql', starter: SQL, solution: 'SELECT 1; --\n-- 42' };
  const words = { '1. The index': '1. O índice', 'the label': 'o rótulo', 'every user': 'todo usuário' };
  const issues = commentIssues('pt.md', 'en.md', lab, { ...words, 'the labels': 'os rótulos' });
  expect(issues.map((i) => `${i.field}: ${i.message}`)).toEqual([
    'comments: lacks "SELECT 1;" (en.md, starter line 4): the Portuguese page would show it in English',
    'comments: has "the labels", which is no comment of en.md\'s code',
  ]);
  expect(commentIssues('pt.md', 'en.md', lab, { ...words, 'SELECT 1;': 'SELECT 1;' })).toEqual([]);
  expect(commentIssues('pt.md', 'en.md', { language: 'design', starter: '# a design' }, undefined)).toEqual([]);
  // A regular expression that ends in an escaped slash is code, not the start of a comment.
  const regex = { language: 'javascript', starter: "tag.replace(/^W\\//, '') === etag; // weak" };
  expect(commentIssues('pt.md', 'en.md', regex, { weak: 'fraca' })).toEqual([]);
});
