import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { markdownToHtml } from 'satteri';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDiagrams } from '../../../src/lib/content/integrity/diagrams.ts';
import { parseProseFile } from '../../../src/lib/content/content-files.ts';
import { COLOUR_ROLES } from '../../../src/markdown/diagram-svg.ts';
import { readDiagram } from '../../../src/markdown/diagram-text.ts';
import { createDiagramRenderer, diagramPlugin } from '../../../src/markdown/diagrams.ts';
import { highlightCode } from '../../../src/markdown/highlight-code.ts';

const temp = mkdtempSync(join(tmpdir(), 'atlas-diagrams-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const SEQUENCE = `%% caption: The authorization code flow
sequenceDiagram
  participant B as Browser
  participant A as Auth server
  B->>A: GET /authorize
  A-->>B: 302 to the app with a code
  Note over B,A: The code is single-use
  loop until it expires
  B->>A: POST /token
  end`;
const FLOWCHART = `%% caption: Requests through a load balancer
flowchart LR
  C[Client] -->|HTTPS| L[Load balancer]
  L --> A1[App 1] & A2[App 2]
  A1 --- D[(Database)]`;
const STATE = `%% caption: A circuit breaker
stateDiagram-v2
  state "Half-open" as HalfOpen
  [*] --> Closed
  Closed --> Open: failures cross the threshold
  Open --> HalfOpen: the cool-down elapses
  HalfOpen --> Closed: trial calls succeed`;

const fence = (text: string) => `\`\`\`mermaid\n${text}\n\`\`\``;
const page = async (body: string, renderer = createDiagramRenderer({ cacheDir: false })) =>
  (await markdownToHtml(body, { hastPlugins: [() => diagramPlugin(renderer), highlightCode] })).html;
const itemsOf = (html: string) => [...html.matchAll(/<li>([^<]*)<\/li>/g)].map((m) => m[1]!.replaceAll('&#x3C;', '<'));

describe('diagrams', () => {
  it('draws each kind as an inline SVG with classes: no style attribute, <style>, colour, script or font request', async () => {
    for (const [kind, text] of [
      ['sequence', SEQUENCE],
      ['flowchart', FLOWCHART],
      ['state', STATE],
    ] as const) {
      const html = await page(`Before.\n\n${fence(text)}\n\nAfter.`);
      expect(html, kind).toMatch(
        new RegExp(
          `<figure id="dg-[0-9a-f]{10}" class="diagram diagram-${kind}"(?: data-wide="(?:phone|desktop)")?><div class="diagram-scroll" tabindex="0"><svg viewBox="[\\d. ]+" width="[\\d.]+" height="[\\d.]+" class="diagram-svg" role="img" aria-labelledby="(dg-[0-9a-f]{10}-caption)"`,
        ),
      );
      expect(html, kind).not.toMatch(/style=|<style|<script|@import|fonts\.googleapis|#[0-9a-f]{3,8}"|var\(/i);
      // The labels stay text a reader can select and search.
      expect(html, kind).toMatch(/<text [^>]*class="f-text">(Browser|Client|Closed)<\/text>/);
      const captionId = /aria-labelledby="([^"]+)"/.exec(html)![1]!;
      expect(html, kind).toContain(`<span id="${captionId}" class="diagram-caption">`);
      // Every reference to an id points inside the figure.
      for (const [, id] of html.matchAll(/url\(#([^)]+)\)/g)) expect(html).toContain(`id="${id}"`);
      expect(html).toMatch(/^<p>Before.<\/p>\n<figure[\s\S]*<\/figure>\n<p>After.<\/p>/);
    }
  });

  it('writes the diagram as text from what it read: the steps of a sequence in order, the edges of a flow, the transitions of a state machine', async () => {
    const sequence = await page(fence(SEQUENCE));
    expect(sequence).toContain('<summary>The diagram as text</summary><p>Participants: Browser, Auth server.</p><ol>');
    expect(itemsOf(sequence)).toEqual([
      'Browser → Auth server: GET /authorize',
      'Auth server → Browser: 302 to the app with a code',
      'Note over Browser and Auth server: The code is single-use',
      'Loop: until it expires',
      'Browser → Auth server: POST /token',
      'End of loop',
    ]);
    expect(itemsOf(await page(fence(FLOWCHART)))).toEqual([
      'Client → Load balancer: HTTPS',
      'Load balancer → App 1',
      'Load balancer → App 2',
      'App 1 — Database',
    ]);
    expect(itemsOf(await page(fence(STATE)))).toEqual([
      'Start → Closed',
      'Closed → Open: failures cross the threshold',
      'Open → Half-open: the cool-down elapses',
      'Half-open → Closed: trial calls succeed',
    ]);
  });

  it('rejects, with the line in the block, what the renderer would silently skip or draw wrongly', () => {
    const problems: [string, number, RegExp][] = [
      ['sequenceDiagram\n  A->>B: hi', 1, /starts with its caption/],
      ['%% caption: x\nsequenceDiagram\n  A->>B: hi\n  this is not valid', 4, /cannot read “this is not valid”/],
      ['%% caption: x\nsequenceDiagram\n  A->>B', 3, /needs a label/],
      ['%% caption: x\nsequenceDiagram\n  loop forever\n  A->>B: x', 3, /no `end`/],
      ['%% caption: x\nflowchart LR\n  A --> B\n\n  A[App] --> C', 5, /give a box its label where it first appears/],
      ['%% caption: x\nflowchart LR\n  A --> B\n  style A fill:#f00', 4, /colours come from the site’s stylesheet/],
      ['%% caption: x\nflowchart LR\n  A --> B oops', 3, /cannot read “oops”/],
      ['%% caption: x\nstateDiagram-v2\n  A -> B', 3, /cannot read “A -> B”/],
      ['%% caption: x\npie title Pets', 2, /unknown diagram type/],
      [
        '%% caption: x\nsequenceDiagram\n  Note over A,B: first\n  A->>B: hi',
        3,
        /a note before the first message is not drawn/,
      ],
    ];
    for (const [text, line, message] of problems) {
      expect(() => readDiagram(text), text).toThrow(message);
      try {
        readDiagram(text);
      } catch (error) {
        expect((error as { line: number }).line, text).toBe(line);
      }
    }
  });

  it('fails the render of a diagram that does not read, naming the content file and its line', async () => {
    const file = join(temp, 'broken.md');
    const text = `---\ntitle: Broken\n---\n\nIntro.\n\n${fence('%% caption: x\nflowchart LR\n  A --> B\n  ??? !!!')}\n`;
    writeFileSync(file, text);
    const { body, bodyLine } = parseProseFile(text);
    const options = {
      hastPlugins: [() => diagramPlugin(createDiagramRenderer({ cacheDir: false }))],
      features: {},
      fileURL: pathToFileURL(file),
    };
    // Line 11 of the file: 3 of frontmatter, a blank line, the intro, a blank line, the fence and 4 lines into it.
    await expect(async () => markdownToHtml(body, options)).rejects.toThrow(
      /broken\.md:11: diagram: cannot read “\?\?\? !!!” as a flowchart statement/,
    );
    expect(
      checkDiagrams({
        collection: 'topics',
        id: 'broken',
        file: 'content/topics/broken.md',
        body,
        bodyLine,
      }),
    ).toEqual([
      {
        file: 'content/topics/broken.md',
        field: 'body',
        message: expect.stringMatching(/^diagram at line 11: cannot read “\?\?\? !!!”/),
      },
    ]);
  });

  it('allows diagrams in topics and questions only, the pages that load their stylesheet', () => {
    const body = `Intro.\n\n${fence(STATE)}\n`;
    const entry = (collection: 'topics' | 'questions' | 'roadmaps') => ({
      collection,
      id: 'x',
      file: `content/${collection}/x.md`,
      data: {},
      body,
      bodyLine: 5,
    });
    expect(checkDiagrams(entry('topics'))).toEqual([]);
    expect(checkDiagrams(entry('questions'))).toEqual([]);
    expect(checkDiagrams(entry('roadmaps'))).toEqual([
      {
        file: 'content/roadmaps/x.md',
        field: 'body',
        message: 'diagrams (```mermaid blocks) are drawn in topics and questions only',
      },
    ]);
  });

  it('fails when the renderer draws other links than the text alternative would say', async () => {
    // The renderer decodes XML entities before it reads; the reader does not, so the two disagree on this label.
    const renderer = createDiagramRenderer({ cacheDir: false });
    await expect(renderer.render('%% caption: x\nflowchart LR\n  A -->|R&amp;D| B')).rejects.toThrow(
      'the renderer drew other links than the text says (not drawn: A → B: R&amp;D; drawn but not read: A → B: R&D)',
    );
  });

  it('keeps drawings on disk and draws a diagram again only when its text changes', async () => {
    const cacheDir = join(temp, 'cache');
    const first = createDiagramRenderer({ cacheDir });
    const drawn = await page(fence(FLOWCHART), first);
    expect(first.stats).toEqual({ drawn: 1, cached: 0 });
    expect(readdirSync(cacheDir)).toHaveLength(1);
    const second = createDiagramRenderer({ cacheDir }); // a later build: nothing in memory
    expect(await page(fence(FLOWCHART), second)).toBe(drawn);
    expect(second.stats).toEqual({ drawn: 0, cached: 1 });
    await page(fence(FLOWCHART.replace('HTTPS', 'HTTP/2')), second);
    expect(second.stats).toEqual({ drawn: 1, cached: 1 });
  });

  it('gives the same diagram twice on one page its own ids', async () => {
    const html = await page(`${fence(STATE)}\n\n${fence(STATE)}`);
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!);
    expect(ids.length).toBeGreaterThan(2);
    expect(new Set(ids).size).toBe(ids.length);
    expect(html).toMatch(/aria-labelledby="dg-[0-9a-f]{10}-2-caption"/);
  });

  it('has a rule in the stylesheet for each colour the renderer paints with', () => {
    const css = readFileSync(new URL('../../../src/components/code/diagram.css', import.meta.url), 'utf8');
    for (const role of COLOUR_ROLES) {
      expect(css, role).toMatch(new RegExp(`\\.f-${role}\\b[^{]*\\{\\s*fill: var\\(--c-`));
      expect(css, role).toMatch(new RegExp(`\\.s-${role}\\b[^{]*\\{\\s*stroke: var\\(--c-`));
    }
  });

  it('leaves other code blocks to the highlighter', async () => {
    expect(await page('```js\nlet x = 1\n```')).toContain('<pre class="code-block" tabindex="0" data-lang="js">');
  });
});
