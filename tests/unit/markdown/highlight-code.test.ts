import { toHtml } from 'hast-util-to-html';
import { describe, expect, it, vi } from 'vitest';
import { kindOf } from '../../../src/markdown/code-theme.ts';
import { bundledLanguages } from 'shiki';
import { highlightToHast, javascriptRegexEngine } from '../../../src/markdown/highlight-code.ts';
import { readContentDir } from '../../../src/lib/content/content-files.ts';

/** Every fenced code block of the content, with the language its author wrote. */
const blocks = readContentDir().flatMap((entry) =>
  [...entry.body.matchAll(/^```([\w#+-]+)[^\n]*\n([\s\S]*?)^```/gm)].map((m) => ({
    file: entry.file,
    lang: m[1]!,
    code: m[2]!,
  })),
);

/** The regex sources of a TextMate grammar (and of the grammars it embeds). */
const grammarPatterns = (node: unknown): string[] =>
  node && typeof node === 'object'
    ? Object.entries(node).flatMap(([key, value]) =>
        ['match', 'begin', 'end', 'while'].includes(key) && typeof value === 'string'
          ? [value]
          : grammarPatterns(value),
      )
    : [];

const html = async (code: string, lang?: string) =>
  toHtml({ type: 'root', children: await highlightToHast(code, lang) });

describe('code highlighting', () => {
  it('colours tokens by kind with classes, never style attributes', async () => {
    const out = await html("// fetch one user\nconst user = await db.query('SELECT 1', [id]);\nreturn 42;", 'js');
    expect(out).toContain('<span class="tk-comment">// fetch one user</span>');
    expect(out).toMatch(/<span class="tk-keyword">const<\/span>/);
    expect(out).toMatch(/<span class="tk-string">'?SELECT 1'?<\/span>/);
    expect(out).toMatch(/<span class="tk-constant">42<\/span>/);
    expect(out).not.toContain('style');
  });

  it('keeps the text exactly, escaped, whatever the language', async () => {
    const code = 'if a < b && c > "d":\n    print("<script>")';
    for (const lang of ['python', 'sql', 'unknown-lang', undefined]) {
      const out = await html(code, lang);
      expect(
        out
          .replace(/<[^>]+>/g, '')
          .replaceAll('&#x3C;', '<')
          .replaceAll('&lt;', '<')
          .replaceAll('&gt;', '>')
          .replaceAll('&#x26;', '&')
          .replaceAll('&amp;', '&')
          .replaceAll('&quot;', '"'),
      ).toBe(code);
      expect(out).not.toContain('<script>');
    }
  });

  it('highlights the languages the content uses, by their authored names', async () => {
    for (const [lang, snippet, kind] of [
      ['sql', 'SELECT id FROM users WHERE id = 1;', 'keyword'],
      ['go', 'func main() {}', 'keyword'],
      ['rust', 'fn main() { let x = 1; }', 'keyword'],
      ['yaml', 'name: api', 'property'],
      ['bash', 'echo "hi" # greet', 'comment'],
      ['proto', 'message User { string name = 1; }', 'keyword'],
    ] as const) {
      expect(await html(snippet, lang), lang).toContain(`tk-${kind}`);
    }
  });

  it('reads only its own markers as kinds', () => {
    expect(kindOf('#000001')).toBe('comment');
    expect(kindOf('#000000')).toBeUndefined();
    expect(kindOf('#24292e')).toBeUndefined();
    expect(kindOf(undefined)).toBeUndefined();
  });

  it('highlights every code block of the content with JavaScript regexes as Oniguruma does', async () => {
    expect(blocks.length).toBeGreaterThan(300);
    for (const { file, lang, code } of blocks) {
      const reference = toHtml({ type: 'root', children: await highlightToHast(code, lang, 'oniguruma') });
      expect(await html(code, lang), `${file}: a ${lang} block`).toBe(reference);
    }
    // Every block of the corpus, twice: its time grows with the content, and a busy machine slows it several times.
  }, 180_000);

  it('gives the JavaScript engine no regex modifier groups, which V8 sometimes matches case-sensitively', async () => {
    const langs = [...new Set(blocks.map((b) => b.lang))].filter(
      (lang): lang is keyof typeof bundledLanguages => lang in bundledLanguages,
    );
    expect(langs).toContain('sql');
    // One engine for all: its cache compiles a grammar several languages embed once, not once a language.
    const engine = javascriptRegexEngine();
    for (const lang of langs) {
      const patterns = grammarPatterns((await bundledLanguages[lang]()).default);
      // The scanner keeps the regexes it compiled (untyped, but the field the engine scans with).
      const { regexps } = engine.createScanner(patterns) as unknown as { regexps: (RegExp | null)[] };
      expect(regexps.length, lang).toBe(patterns.length);
      const modifierGroups = regexps.filter(
        (re) => re && /\(\?([ims]+(-[ims]*)?|-[ims]+):/.test(re.source.replaceAll('\\\\', '').replaceAll('\\(', '')),
      );
      expect(
        modifierGroups.map((re) => re!.source),
        lang,
      ).toEqual([]);
    }
  });

  it('highlights as before once an idle highlighter has been released', async () => {
    const code = 'SELECT id FROM users WHERE id = 1;';
    const before = await html(code, 'sql');
    vi.useFakeTimers();
    try {
      await html('const idle = true;', 'js');
      await vi.advanceTimersByTimeAsync(60_000); // well past the idle time: the highlighter is disposed of
    } finally {
      vi.useRealTimers();
    }
    expect(await html(code, 'sql')).toBe(before);
    expect(before).toContain('<span class="tk-keyword">SELECT</span>');
  });
});
