/**
 * Code blocks in Markdown/MDX: highlighted at build time with Shiki into spans with classes (code-theme.ts),
 * never style attributes, so the strict CSP holds. Every <pre> is focusable: it scrolls sideways on narrow
 * screens, and a scrollable region must be reachable by keyboard (WCAG 2.1.1, axe "scrollable-region-focusable").
 */
import type { Element, ElementContent } from 'hast';
import { type BundledLanguage, bundledLanguages, createHighlighter, type Highlighter } from 'shiki';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import { CLASS_THEME, kindOf } from './code-theme.ts';

/** Names authors write after ``` that Shiki knows by another name. */
const ALIASES: Record<string, string> = {
  text: 'plaintext',
  txt: 'plaintext',
  sh: 'bash',
  shell: 'bash',
  'c#': 'csharp',
  cs: 'csharp',
  proto: 'protobuf',
};

/**
 * Shiki's regex engines: JavaScript's own regexes serve the site, tokenizing its code blocks faster than Oniguruma
 * (WebAssembly), the engine the grammars are written for (figures in docs/benchmarks.md, "Measured choices"); tests/unit/markdown/highlight-code.test.ts
 * checks that every code block of the content comes out the same from both.
 *
 * The JavaScript engine writes its regexes for ES2024, not for the newest syntax Node accepts, so a grammar's
 * `(?i:…)` becomes the `i` flag or letter classes instead of a regex modifier group. V8's modifier groups (Node 24)
 * sometimes match case-sensitively: in a long test run, SQL's `CREATE TABLE order_summaries` matched on one call and
 * not on the next, which left the table name uncoloured (a similar report: nodejs/node#60030). A build could hit
 * it by chance as well.
 */
export const javascriptRegexEngine = () => createJavaScriptRegexEngine({ target: 'ES2024' });
export type Engine = 'javascript' | 'oniguruma';

const highlighters: Partial<Record<Engine, Promise<Highlighter>>> = {};
const highlighter = (engine: Engine) =>
  (highlighters[engine] ??= createHighlighter({
    themes: [CLASS_THEME],
    langs: [],
    ...(engine === 'javascript' ? { engine: javascriptRegexEngine() } : {}),
  }));

/**
 * A highlighter keeps every grammar it has loaded, compiled: 63 MB over the content's languages. Content sync
 * highlights every code block and then none, so a highlighter idle for IDLE_MS is disposed of rather than carried
 * through the whole build (docs/benchmarks.md, "Measured choices"); the next code block makes a new one.
 */
const IDLE_MS = 10_000;
let highlighting = 0;
let idle: ReturnType<typeof setTimeout> | undefined;
function releaseWhenIdle(): void {
  clearTimeout(idle);
  idle = setTimeout(() => {
    if (highlighting > 0) return;
    for (const engine of Object.keys(highlighters) as Engine[]) {
      void highlighters[engine]!.then((released) => released.dispose());
      delete highlighters[engine];
    }
  }, IDLE_MS);
  idle.unref();
}

/** `engine`'s highlighter with language `lang` (Shiki's name) loaded; undefined when Shiki has no grammar for it (the block stays plain). */
async function highlighterFor(lang: string, engine: Engine): Promise<Highlighter | undefined> {
  if (lang === 'plaintext' || !(lang in bundledLanguages)) return undefined;
  const loaded = await highlighter(engine);
  if (!loaded.getLoadedLanguages().includes(lang)) await loaded.loadLanguage(lang as keyof typeof bundledLanguages);
  return loaded;
}

/**
 * The lines of a code block as hast: a span per coloured token, plain text for the rest. `engine` picks Shiki's
 * regex engine; tests compare the two.
 */
export async function highlightToHast(
  code: string,
  lang: string | undefined,
  engine: Engine = 'javascript',
): Promise<ElementContent[]> {
  const name = lang && (ALIASES[lang] ?? lang);
  const text = code.replace(/\n$/, '');
  highlighting++;
  try {
    const loaded = name ? await highlighterFor(name, engine) : undefined;
    if (!name || !loaded) return [{ type: 'text', value: text }];
    // No time limit per line: Shiki's default (500 ms) leaves the rest of a line plain on a busy machine, and the
    // build must give the same page whatever the load.
    return tokensToHast(
      loaded.codeToTokensBase(text, { lang: name as BundledLanguage, theme: CLASS_THEME, tokenizeTimeLimit: 0 }),
    );
  } finally {
    highlighting--;
    releaseWhenIdle();
  }
}

/** Shiki's tokens as hast: a span per coloured token, plain text for the rest. */
function tokensToHast(lines: ReturnType<Highlighter['codeToTokensBase']>): ElementContent[] {
  const out: ElementContent[] = [];
  lines.forEach((tokens, i) => {
    if (i > 0) out.push({ type: 'text', value: '\n' });
    for (const token of tokens) {
      const kind = kindOf(token.color);
      const last = out.at(-1);
      if (!kind && last?.type === 'text') last.value += token.content;
      else if (!kind) out.push({ type: 'text', value: token.content });
      else
        out.push({
          type: 'element',
          tagName: 'span',
          properties: { className: [`tk-${kind}`] },
          children: [{ type: 'text', value: token.content }],
        });
    }
  });
  return out;
}

interface HastContext {
  textContent(node: unknown): string;
}

/** The satteri hast plugin: replaces each <pre><code class="language-x"> with its highlighted, focusable form. */
export const highlightCode = () => ({
  name: 'highlight-code',
  element: {
    filter: ['pre'],
    async visit(node: Readonly<Element>, ctx: HastContext): Promise<Element> {
      const code = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
      const classes = code?.properties?.className ?? [];
      const lang = classes
        .map(String)
        .find((c) => c.startsWith('language-'))
        ?.slice('language-'.length);
      const children = await highlightToHast(ctx.textContent(node), lang);
      return {
        type: 'element',
        tagName: 'pre',
        properties: { className: ['code-block'], tabIndex: 0, dataLang: lang ?? 'text' },
        children: [
          { type: 'element', tagName: 'code', properties: lang ? { className: [`language-${lang}`] } : {}, children },
        ],
      };
    },
  },
});
