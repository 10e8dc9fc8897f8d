import fc from 'fast-check';
import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { anyText, portfolioEntry, timestamp, webUrl } from '../arbitraries.ts';
import {
  changeEntry,
  emptyEntry,
  MAX_PROJECT_NOTE,
  MAX_URL_LENGTH,
  type PortfolioEntry,
  toPortfolioEntry,
} from '../../../src/lib/progress/portfolio-entry.ts';
import {
  checkerText,
  checklist,
  completion,
  escapeMarkdown,
  noteLines,
  type PortfolioProject,
  portfolioItems,
  portfolioMarkdown,
} from '../../../src/lib/progress/portfolio.ts';
import { withCheckerMark } from '../../../src/lib/progress/checker-mark.ts';
import { checkProjectNote, checkProjectUrl } from '../../../src/lib/progress/portfolio-input.ts';
import { withProject } from '../../../src/lib/progress/progress-edits.ts';
import { emptyProgress } from '../../../src/lib/progress/progress-store.ts';
import { decodeEntities } from '../html-text.ts';

const todo: PortfolioProject = {
  id: 'to-do-list-api',
  title: 'To-Do List API',
  summary: 'A REST API for personal task lists.',
  page: 'https://backend-atlas.dev/projects/to-do-list-api/',
  stack: ['REST', 'PostgreSQL'],
  features: checklist(['Register and log in', 'Token-based authentication', 'CRUD tasks']),
  stretch: checklist(['Share a list', 'Reminders']),
};
const entry = (change: Partial<PortfolioEntry>): PortfolioEntry => ({
  ...emptyEntry(),
  status: 'building',
  updated: '2026-11-22T10:00:00.000Z',
  ...change,
});

/** Text of rendered HTML: the writer's own tags and GitHub's autolinks of bare addresses removed, entities decoded. */
function textOf(html: string): string {
  return decodeEntities(
    html.replace(/<a href="(?:https?|mailto):[^"]*">([^<]*)<\/a>/g, '$1').replace(/<br>\n?/g, '\n'),
  );
}

describe('checklist ids', () => {
  it('are readable, stable under reordering and unique within a list', () => {
    expect(
      checklist(['Register and log in with securely hashed passwords', 'CRUD tasks', 'CRUD tasks']).map((i) => i.id),
    ).toEqual(['register-and-log-in-with-securely-hashed-passwords', 'crud-tasks', 'crud-tasks-2']);
    expect(checklist(['Café: “résumé” export', '!!!'])).toEqual([
      { id: 'cafe-resume-export', text: 'Café: “résumé” export' },
      { id: 'item', text: '!!!' },
    ]);
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 120 }), { maxLength: 20 }), (texts) => {
        const ids = checklist(texts).map((i) => i.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        // Every id must be storable: toPortfolioEntry accepts ids up to 80 characters.
        expect(toPortfolioEntry({ ...emptyEntry(), features: ids })?.features).toEqual(ids);
      }),
    );
  });
});

describe('safe input', () => {
  it('keeps http(s) links, normalised, and refuses every other scheme with a message', () => {
    expect(checkProjectUrl('  https://github.com/me/todo-api ')).toEqual({
      ok: true,
      value: 'https://github.com/me/todo-api',
    });
    expect(checkProjectUrl('')).toEqual({ ok: true, value: '' });
    expect(checkProjectUrl('javascript:alert(document.cookie)')).toEqual({
      ok: false,
      message: expect.stringMatching(/“javascript:” link is refused/),
    });
    expect(checkProjectUrl('JAVASCRIPT:alert(1)')).toMatchObject({ ok: false });
    expect(checkProjectUrl('data:text/html;base64,PHNjcmlwdD4=')).toEqual({
      ok: false,
      message: expect.stringMatching(/“data:” link is refused/),
    });
    expect(checkProjectUrl('github.com/me/todo')).toEqual({
      ok: false,
      message: expect.stringMatching(/start it with https:\/\//),
    });
    expect(checkProjectUrl('https://me:token@github.com/me/todo')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/user name or password/),
    });
    expect(checkProjectUrl(`https://e.test/${'a'.repeat(500)}`)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/longer than 500/),
    });
  });

  it('accepts a link only when the URL parser reads it as http(s), whatever is typed', () => {
    fc.assert(
      fc.property(
        fc
          .oneof(fc.string(), webUrl, fc.constantFrom('javascript:', 'data:', 'vbscript:', 'file:///', ' JaVaScRiPt:'))
          .map(String),
        (text) => {
          const result = checkProjectUrl(text);
          if (result.ok && result.value !== '') expect(['http:', 'https:']).toContain(new URL(result.value).protocol);
          if (!result.ok) expect(result.message.length).toBeGreaterThan(10);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('bounds the note with a message that says by how much', () => {
    expect(checkProjectNote('x'.repeat(2000))).toMatchObject({ ok: true });
    expect(checkProjectNote('x'.repeat(2345))).toEqual({
      ok: false,
      message: expect.stringMatching(/limited to 2,000 characters; it has 2,345/),
    });
  });

  it('reads back every valid entry unchanged, and anything else as undefined without throwing', () => {
    fc.assert(
      fc.property(portfolioEntry, (e) => {
        expect(toPortfolioEntry(JSON.parse(JSON.stringify(e)))).toEqual(e);
      }),
    );
    // A valid entry with one field replaced by anything, a note at the limit, or a field the entry does not have.
    const field = fc.constantFrom('status', 'features', 'stretch', 'url', 'note', 'updated', 'extra');
    const value = fc.oneof(
      fc.jsonValue(),
      fc.constantFrom(MAX_PROJECT_NOTE, MAX_PROJECT_NOTE + 1).map((n) => 'n'.repeat(n)),
    );
    const changed = fc
      .tuple(portfolioEntry, fc.dictionary(field, value, { maxKeys: 1 }))
      .map(([e, change]) => ({ ...e, ...change }));
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), changed), (v) => {
        // Whatever is accepted has the six fields (and the checker's result, when it had one) and nothing else, and
        // reads back as itself once stored.
        const read = toPortfolioEntry(v);
        if (!read) return;
        expect(
          Object.keys(read)
            .filter((k) => k !== 'checked')
            .sort(),
        ).toEqual(['features', 'note', 'status', 'stretch', 'updated', 'url']);
        expect([
          typeof read.note,
          read.note.length <= MAX_PROJECT_NOTE,
          typeof read.url,
          read.url.length <= MAX_URL_LENGTH,
        ]).toEqual(['string', true, 'string', true]);
        expect(toPortfolioEntry(JSON.parse(JSON.stringify(read)))).toEqual(read);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('portfolio model', () => {
  it('counts only ticks of current items, and stamps each change', () => {
    const e = entry({
      features: ['register-and-log-in', 'crud-tasks', 'an-item-since-rewritten'],
      stretch: ['reminders'],
    });
    expect(completion(todo, e)).toEqual({ features: 2, featuresTotal: 3, stretch: 1, stretchTotal: 2 });
    expect(completion(todo, undefined)).toEqual({ features: 0, featuresTotal: 3, stretch: 0, stretchTotal: 2 });
    const changed = changeEntry(e, { status: 'built' }, new Date('2026-11-23T08:00:00Z'));
    expect(changed).toEqual({ ...e, status: 'built', updated: '2026-11-23T08:00:00.000Z' });
  });

  it('shows built projects first, then building, newest first, and leaves out untracked ones', () => {
    const other = { ...todo, id: 'chat-api', title: 'Chat API' };
    const third = { ...todo, id: 'blog-backend', title: 'Blog Backend' };
    const items = portfolioItems([todo, other, third], {
      'to-do-list-api': entry({ status: 'building', updated: '2026-11-22T10:00:00.000Z' }),
      'chat-api': entry({ status: 'built', updated: '2026-01-01T00:00:00.000Z' }),
      'blog-backend': entry({ status: 'not-started', note: 'later' }),
    });
    expect(items.map((i) => i.project.id)).toEqual(['chat-api', 'to-do-list-api']);
  });
});

describe('Markdown for a CV', () => {
  it('lists the project, summary, status with ticked counts, stack, link and note', () => {
    const md = portfolioMarkdown([
      {
        project: todo,
        entry: entry({
          features: ['crud-tasks'],
          url: 'https://github.com/me/todo',
          note: 'p95 38 ms at 200 req/s\n\nCoverage 91 %',
        }),
      },
    ]);
    expect(md).toBe(
      [
        '## Backend projects',
        '',
        '### To-Do List API',
        '',
        'A REST API for personal task lists.',
        '',
        '- **Status:** building, 1 of 3 features, 0 of 2 stretch goals ticked by hand',
        '- **Stack:** REST, PostgreSQL',
        '- **Code or demo:** <https://github.com/me/todo>',
        '- **What I measured and learned:**\\',
        '  p95 38 ms at 200 req/s\\',
        '  Coverage 91 %',
        '- **Brief:** <https://backend-atlas.dev/projects/to-do-list-api/>',
        '',
      ].join('\n'),
    );
    const html = markdownToHtml(md).html;
    expect(html).toContain('<a href="https://github.com/me/todo">https://github.com/me/todo</a>');
    expect(html).toContain('p95 38 ms at 200 req/s<br>');
  });

  it('shows any stored text as that text, never as markup (rendered as GitHub-flavoured Markdown)', () => {
    fc.assert(
      fc.property(anyText, anyText, fc.oneof(fc.constant(''), webUrl), timestamp, (note, title, url, updated) => {
        const project = { ...todo, title: noteLines(title).join(' ') || 'Untitled', stack: noteLines(title) };
        const md = portfolioMarkdown([{ project, entry: entry({ note, url, updated }) }]);
        const html = markdownToHtml(md).html;
        // Only the writer's own elements: headings, the list, bold labels, the two links, line breaks.
        const tags = new Set([...html.matchAll(/<\/?([a-z0-9]+)/g)].map((m) => m[1]));
        for (const tag of tags) expect(['h2', 'h3', 'p', 'ul', 'li', 'strong', 'a', 'br']).toContain(tag);
        expect(html.match(/<h3>/g)).toHaveLength(1);
        expect(html.match(/<li>/g)).toHaveLength(
          2 + (project.stack.length > 0 ? 1 : 0) + (url ? 1 : 0) + (noteLines(note).length > 0 ? 1 : 0),
        );
        // GitHub also links bare "www." and e-mail addresses, and may take an escape next to one into the link:
        // there the text is not compared exactly (no markup is still checked above).
        const exact = (source: string) => !/www\.|@/.test(source);
        // The s flag: a title may hold U+2028, which Markdown keeps as text and `.` alone would not match.
        if (exact(title)) expect(textOf(/<h3>(.*)<\/h3>/s.exec(html)![1]!)).toBe(project.title);
        const lines = noteLines(note);
        if (lines.length > 0 && exact(note)) {
          const item = /<li><strong>What I measured and learned:<\/strong>\s*(?:<br>\n?)?([\s\S]*?)<\/li>/.exec(html);
          expect(textOf(item![1]!).trim().split('\n')).toEqual(lines);
        }
        for (const [, href] of html.matchAll(/<a href="([^"]*)"/g)) expect(href).toMatch(/^(https?|mailto):/);
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps a title that ends in # whole: a closing run of # would otherwise be cut from the heading', () => {
    for (const title of ['C #', 'A ##', '#']) {
      const html = markdownToHtml(portfolioMarkdown([{ project: { ...todo, title }, entry: entry({}) }])).html;
      expect(textOf(/<h3>(.*)<\/h3>/s.exec(html)![1]!)).toBe(title);
    }
  });

  it('turns web addresses in a note into links that work, and escapes what surrounds them', () => {
    const md = portfolioMarkdown([
      { project: todo, entry: entry({ note: '# Report: https://github.com/me/x/blob/main/load_test.md, *k6*' }) },
    ]);
    expect(md).toContain(
      '- **What I measured and learned:** \\# Report: <https://github.com/me/x/blob/main/load_test.md>, \\*k6\\*',
    );
    expect(markdownToHtml(md).html).toContain(
      '<a href="https://github.com/me/x/blob/main/load_test.md">https://github.com/me/x/blob/main/load_test.md</a>, *k6*',
    );
  });

  it('escapes every character that could start markup', () => {
    expect(escapeMarkdown('<img src=x onerror=alert(1)> *a* _b_ `c` [d](e) | f ~g~ $h$ &amp;')).toBe(
      '\\<img src=x onerror=alert(1)\\> \\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) \\| f \\~g\\~ \\$h\\$ \\&amp;',
    );
    expect(['# h', '> q', '- l', '+ l', '=', '12. n', '3) n'].map(escapeMarkdown)).toEqual([
      '\\# h',
      '\\> q',
      '\\- l',
      '\\+ l',
      '\\=',
      '12\\. n',
      '3\\) n',
    ]);
  });

  it('says so when nothing is building or built', () => {
    expect(portfolioMarkdown([])).toBe('## Backend projects\n\nNo projects marked building or built yet.\n');
  });
});

describe('a project checker run on the portfolio', () => {
  const mark = (day: string, milestones: number[]) => ({ version: '1.0.0', day, milestones, of: 6 });
  const at = new Date('2026-11-27T10:00:00Z');

  it('is recorded on the entry, the project set to building, ticks by hand left as they were', () => {
    const ticked = withProject(emptyProgress(), 'to-do-list-api', {
      ...emptyEntry(),
      features: ['register-and-log-in'],
      updated: '2026-11-20T10:00:00.000Z',
    });
    const next = withCheckerMark(ticked, 'to-do-list-api', mark('2026-11-27', [1, 2]), at);
    expect(next.projects['to-do-list-api']).toMatchObject({
      status: 'building',
      features: ['register-and-log-in'],
      checked: mark('2026-11-27', [1, 2]),
      updated: at.toISOString(),
    });
    expect(checkerText(mark('2026-11-27', [1, 2]))).toBe(
      'milestones 1 and 2 of 6 passed the project checker on 2026-11-27 (checker 1.0.0, run by the learner)',
    );
    expect(checkerText(mark('2026-11-27', []))).toMatch(/^no milestone of 6 passed/);
  });

  it('never replaces a later run with an older link', () => {
    const later = withCheckerMark(emptyProgress(), 'p', mark('2026-11-27', [1]), at);
    expect(withCheckerMark(later, 'p', mark('2026-11-20', [1, 2, 3]), at)).toBe(later);
    expect(withCheckerMark(later, 'p', mark('2026-11-27', [1, 2]), at).projects.p?.checked?.milestones).toEqual([1, 2]);
  });
});
