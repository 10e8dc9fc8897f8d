/**
 * A translated lab's code: only its comments and its tests' strings change, each by the translation's words, and the
 * check names the piece a translation lacks, the entry no piece has, and the words that would change the code.
 */
import { expect, it } from 'vitest';
import { codeWordIssues, translateComments, withTranslatedCode } from '../../../src/i18n/translations/code-words.ts';

const commentIssues = (file: string, source: string, lab: Record<string, unknown>, comments?: Record<string, string>) =>
  codeWordIssues(file, source, lab, { comments });
const withTranslatedComments = <T extends object>(lab: T, comments?: Record<string, string>) =>
  withTranslatedCode(lab, { comments });

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

it('translates block comments line by line, and Python docstrings, but not other triple-quoted strings', () => {
  const js = '/** Adds a listener; returns this. */\nfunction on() {}\n/*\n * Two lines\n * of words.\n */';
  expect(
    translateComments(js, 'javascript', {
      'Adds a listener; returns this.': 'Adiciona um listener; retorna this.',
      'Two lines': 'Duas linhas',
      'of words.': 'de palavras.',
    }),
  ).toBe('/** Adiciona um listener; retorna this. */\nfunction on() {}\n/*\n * Duas linhas\n * de palavras.\n */');
  const py = [
    'class Open(Exception):',
    '    """Raised while open."""',
    '',
    'async def run(conn, a,',
    '              b):',
    '    """Runs it.',
    '',
    '    Twice."""',
    '    await conn.execute("""',
    '        UPDATE t SET a = 1  -- not a docstring',
    '    """)',
  ].join('\n');
  const words = { 'Raised while open.': 'Lançada enquanto aberto.', 'Runs it.': 'Roda.', 'Twice.': 'Duas vezes.' };
  expect(translateComments(py, 'python', words)).toBe(
    py
      .replace('Raised while open.', words['Raised while open.'])
      .replace('Runs it.', 'Roda.')
      .replace('Twice.', 'Duas vezes.'),
  );
  const lab = { language: 'python', starter: py, solution: '' };
  expect(commentIssues('pt.md', 'en.md', lab, words)).toEqual([]);
  expect(commentIssues('pt.md', 'en.md', lab, { ...words, 'Twice.': 'Duas """ vezes.' }).map((i) => i.field)).toEqual([
    'comments["Twice."]',
  ]);
});

const TESTS_JS = `test('calls listeners in order', () => {
  assert.equal(e.emit('order', 'ord_1'), true, 'emit("order", "ord_1") with listeners returns');
  assert.deepEqual(calls, ['a'], \`calls after \${n} emits\`);
  assert.ok(e.on('x', f) === e, 'what on() returns');
  assert.equal(f('a b'), 'a b', 'value');
});`;

it("puts the tests' names and messages in the translation's words, and leaves code and data as they are", () => {
  const strings = {
    'calls listeners in order': 'chama os listeners em ordem',
    'emit("order", "ord_1") with listeners returns': 'emit("order", "ord_1") com listeners retorna',
    'calls after ${n} emits': 'chamadas depois de ${n} emits',
    'what on() returns': 'o que on() retorna',
    'a b': 'a b',
  };
  const lab = { language: 'javascript', starter: '', solution: '', tests: TESTS_JS };
  expect(codeWordIssues('pt.md', 'en.md', lab, { strings })).toEqual([]);
  const out = withTranslatedCode(lab, { strings }).tests;
  expect(out).toContain("test('chama os listeners em ordem', () => {");
  expect(out).toContain('\'emit("order", "ord_1") com listeners retorna\'');
  expect(out).toContain('`chamadas depois de ${n} emits`');
  expect(out).toContain("e.emit('order', 'ord_1')");
  // Without words a name and each message with words are named; "value", "a b" and code need none.
  expect(codeWordIssues('pt.md', 'en.md', lab, {}).map((i) => i.message.split(' (')[0])).toEqual([
    'lacks "calls listeners in order"',
    'lacks "emit("order", "ord_1") with listeners returns"',
    'lacks "calls after ${n} emits"',
    'lacks "what on() returns"',
  ]);
});

it('refuses words that would close the string, drop a field, or name a string the tests lack', () => {
  const lab = {
    language: 'python',
    starter: '',
    solution: '',
    tests: '@test("a run")\ndef _():\n    assert_equal(x, 1, f"x after {n} runs")',
  };
  const issues = codeWordIssues('pt.md', 'en.md', lab, {
    strings: { 'a run': 'uma "execução"', 'x after {n} runs': 'x depois de execuções', 'gone away': 'sumiu' },
  });
  expect(issues.map((i) => i.field)).toEqual(['strings["a run"]', 'strings["x after {n} runs"]', 'strings']);
  expect(issues[1]!.message).toContain('must keep the fields {n}');
});

it("reads a map's own entries only: a test named like an object's method is still missing", () => {
  const lab = { language: 'javascript', starter: '', solution: '', tests: "test('constructor', () => {});" };
  expect(codeWordIssues('pt.md', 'en.md', lab, { strings: {} }).map((i) => i.message.split(' (')[0])).toEqual([
    'lacks "constructor"',
  ]);
  expect(withTranslatedCode(lab, { strings: {} }).tests).toBe(lab.tests);
});
