import fc from 'fast-check';
import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { anyText, itemId, timestamp } from '../arbitraries.ts';
import { fenced, groupNotes, markdownText, notesMarkdown } from '../../../src/lib/progress/notes-markdown.ts';
import {
  emptyProgress,
  MAX_NOTES_TOTAL,
  MAX_TOPIC_NOTE,
  type Progress,
} from '../../../src/lib/progress/progress-store.ts';
import { parseExportFile, toExportFile } from '../../../src/lib/progress/export-file.ts';
import type { TopicIndex } from '../../../src/lib/content/topic-index.ts';
import { noteRefusalText, saveNote } from '../../../src/lib/progress/topic-notes.ts';
import { en } from '../../../src/i18n/dictionary/en.ts';
import { ptBr } from '../../../src/i18n/dictionary/pt-br.ts';

/** Why a save was refused, in English words and numbers (or another language's). */
const refusalOf = (
  save: ReturnType<typeof saveNote>,
  words: { tooLong: string; tooMuch: string } = en.notes,
  lang = 'en',
) => (save.ok ? undefined : noteRefusalText(save.refusal, words, (n) => n.toLocaleString(lang)));
import { decodeEntities } from '../html-text.ts';

const NOW = new Date('2026-11-22T09:30:00Z');
const ORIGIN = 'https://backend-atlas.dev';
const withNotes = (notes: Progress['notes']): Progress => ({ ...emptyProgress(), notes });
const note = (text: string, updated = '2026-11-20T08:00:00.000Z') => ({ text, updated });

describe('saving a note', () => {
  it('stores the text with the time, and blank text removes the note', () => {
    const saved = saveNote(emptyProgress(), 'jwt', 'Signed, not encrypted.\n- check `alg`', NOW);
    expect(saved).toEqual({
      ok: true,
      progress: withNotes({
        jwt: { text: 'Signed, not encrypted.\n- check `alg`', updated: '2026-11-22T09:30:00.000Z' },
      }),
    });
    if (!saved.ok) return;
    const cleared = saveNote(saved.progress, 'jwt', '  \n ', NOW);
    expect(cleared.ok && cleared.progress.notes).toEqual({});
  });

  it('refuses a note over the limit of one note, saying by how much, and stores one at the limit', () => {
    expect(saveNote(emptyProgress(), 'jwt', 'x'.repeat(MAX_TOPIC_NOTE), NOW).ok).toBe(true);
    const refused = saveNote(emptyProgress(), 'jwt', 'x'.repeat(MAX_TOPIC_NOTE + 153), NOW);
    expect(refusalOf(refused)).toBe(
      'this note has 20,153 characters and one note holds at most 20,000. Shorten it by 153 and it saves again.',
    );
    expect(refusalOf(refused, ptBr.notes, 'pt-BR')).toBe(
      'esta anotação tem 20.153 caracteres e cada anotação comporta no máximo 20.000. Encurte-a em 153 e ela volta a ser salva.',
    );
  });

  it('refuses a note that would take all notes over the total, counting the others but not its own old text', () => {
    const full: Progress['notes'] = {};
    for (let i = 0; i < MAX_NOTES_TOTAL / MAX_TOPIC_NOTE; i++) full[`t${i}`] = note('y'.repeat(MAX_TOPIC_NOTE));
    // Replacing a note of the same length keeps the total: allowed.
    expect(saveNote(withNotes(full), 't0', 'z'.repeat(MAX_TOPIC_NOTE), NOW).ok).toBe(true);
    const refused = saveNote(withNotes(full), 'jwt', 'abc', NOW);
    expect(refusalOf(refused)).toContain(
      'all your notes together would hold 1,000,003 characters, over the 1,000,000 this browser keeps. Shorten this note or another one by 3',
    );
  });

  it('never stores more than the store accepts: every saved progress parses back unchanged', () => {
    fc.assert(
      fc.property(
        fc.dictionary(itemId, fc.record({ text: anyText, updated: timestamp }), { maxKeys: 8 }),
        itemId,
        fc.oneof(
          anyText,
          fc.integer({ min: 0, max: 25_000 }).map((n) => 'n'.repeat(n)),
        ),
        (notes, id, text) => {
          const saved = saveNote(withNotes(notes), id, text, NOW);
          if (!saved.ok) {
            expect(text.length).toBeGreaterThan(0);
            return;
          }
          const back = parseExportFile(toExportFile(saved.progress, NOW));
          expect(back).toEqual({ ok: true, progress: saved.progress });
        },
      ),
      { numRuns: 300 },
    );
  });
});

const index: TopicIndex = {
  roadmaps: [
    { id: 'backend', title: 'Backend Developer', topics: ['http', 'jwt', 'sql'] },
    { id: 'node', title: 'Node.js Developer', topics: ['event-loop', 'jwt'] },
  ],
  titles: {
    http: 'HTTP',
    jwt: 'JSON Web Tokens (JWT)',
    sql: 'SQL',
    'event-loop': 'The event loop',
    'c-sharp': 'C# *basics*',
  },
};

describe('notes as Markdown', () => {
  it('groups notes by roadmap in roadmap order, lists a shared topic once, then topics on no roadmap and topics gone', () => {
    const notes = {
      sql: note('joins'),
      jwt: note('alg'),
      'event-loop': note('phases'),
      'c-sharp': note('LINQ'),
      removed: note('old'),
    };
    expect(groupNotes(notes, index)).toEqual([
      {
        heading: 'Backend Developer',
        topics: [
          { id: 'jwt', also: ['Node.js Developer'] },
          { id: 'sql', also: [] },
        ],
      },
      { heading: 'Node.js Developer', topics: [{ id: 'event-loop', also: [] }] },
      { heading: 'Topics on no roadmap', topics: [{ id: 'c-sharp', also: [] }] },
      { heading: 'Topics no longer on the site', topics: [{ id: 'removed', also: [] }] },
    ]);
    expect(
      notesMarkdown({ jwt: note('Check `alg`.\n# not a heading'), 'c-sharp': note('x') }, index, ORIGIN, NOW),
    ).toBe(
      [
        '# My Backend Atlas notes',
        '',
        '2 notes, exported on 2026-11-22 from <https://backend-atlas.dev/>. Each note is kept exactly as written, in a fenced block.',
        '',
        '## Backend Developer',
        '',
        '### [JSON Web Tokens (JWT)](<https://backend-atlas.dev/topics/jwt/>)',
        '',
        'Updated 2026-11-20 · also on Node.js Developer',
        '',
        '```markdown',
        'Check `alg`.',
        '# not a heading',
        '```',
        '',
        '## Topics on no roadmap',
        '',
        '### [C# \\*basics\\*](<https://backend-atlas.dev/topics/c-sharp/>)',
        '',
        'Updated 2026-11-20',
        '',
        '```markdown',
        'x',
        '```',
        '',
      ].join('\n'),
    );
  });

  it('fences a note with more backticks than any run inside it', () => {
    expect(fenced('a ```` b')).toBe('`````markdown\na ```` b\n`````');
    expect(fenced('plain')).toBe('```markdown\nplain\n```');
  });

  it('says so when there are no notes', () => {
    expect(notesMarkdown({}, index, ORIGIN, NOW)).toBe(
      '# My Backend Atlas notes\n\n0 notes, exported on 2026-11-22 from <https://backend-atlas.dev/>. Each note is kept exactly as written, in a fenced block.\n',
    );
  });

  it('any note text reads back as that exact text, never as markup (rendered as GitHub-flavoured Markdown)', () => {
    const text = fc.oneof(
      anyText,
      fc
        .array(fc.constantFrom('`', '``', '```', '````', '~~~', '\n', 'x', ' ', '<div>', '\r'), { maxLength: 20 })
        .map((p) => p.join('')),
    );
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom('http', 'jwt', 'sql', 'event-loop', 'c-sharp', 'gone-1', 'gone-2'),
          fc.record({ text, updated: timestamp }),
          { minKeys: 1 },
        ),
        (notes) => {
          const html = markdownToHtml(notesMarkdown(notes, index, ORIGIN, NOW)).html;
          // Only the writer's own elements: headings, paragraphs, links, and one code block per note.
          const tags = new Set([...html.matchAll(/<\/?([a-z0-9]+)/g)].map((m) => m[1]));
          for (const tag of tags) expect(['h1', 'h2', 'h3', 'p', 'a', 'pre', 'code']).toContain(tag);
          const blocks = [...html.matchAll(/<pre><code class="language-markdown">([\s\S]*?)<\/code><\/pre>/g)].map(
            (m) => decodeEntities(m[1]!),
          );
          const expected = Object.values(notes).map((n) => markdownText(n.text));
          // A code block's text ends with a line break, except the one Markdown renderers give an empty block.
          expect(blocks.map((b) => b.replace(/\n$/, '')).sort()).toEqual(expected.sort());
          for (const [, href] of html.matchAll(/<a href="([^"]*)"/g))
            expect(href).toMatch(/^https:\/\/backend-atlas\.dev\/(topics\/[a-z-]+\/)?$/);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
