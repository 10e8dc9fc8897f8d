import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { kindOf } from '../../src/markdown/code-theme';
import { highlightToHast, ONIGURUMA_GRAMMARS } from '../../src/markdown/highlight-code';
import { readContentDir } from '../../src/lib/content-files';

const html = async (code: string, lang?: string) => toHtml({ type: 'root', children: await highlightToHast(code, lang) });

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
      expect(out.replace(/<[^>]+>/g, '').replaceAll('&#x3C;', '<').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&#x26;', '&').replaceAll('&amp;', '&').replaceAll('&quot;', '"')).toBe(code);
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

  it('highlights every code block of the content as Oniguruma does, whichever engine serves its language', async () => {
    const blocks = readContentDir().flatMap((entry) => [...entry.body.matchAll(/^```([\w#+-]+)[^\n]*\n([\s\S]*?)^```/gm)].map((m) => ({ file: entry.file, lang: m[1]!, code: m[2]! })));
    expect(blocks.length).toBeGreaterThan(300);
    for (const { file, lang, code } of blocks) {
      const reference = toHtml({ type: 'root', children: await highlightToHast(code, lang, 'oniguruma') });
      expect(await html(code, lang), `${file}: a ${lang} block`).toBe(reference);
    }
  });

  it('serves a grammar from Oniguruma only while the JavaScript engine reads it differently', async () => {
    const cypher = "MATCH (p:Person)\nRETURN p.name, count(*) AS score";
    const [javascript, oniguruma] = await Promise.all((['javascript', 'oniguruma'] as const).map(async (engine) => toHtml({ type: 'root', children: await highlightToHast(cypher, 'cypher', engine) })));
    expect(ONIGURUMA_GRAMMARS.has('cypher')).toBe(true);
    expect(javascript).not.toBe(oniguruma); // when this fails, the JavaScript engine has caught up: drop cypher from ONIGURUMA_GRAMMARS
  });
});
