/** What changed: the change list's order, the Atom writer's escaping and the last-visit bookkeeping of roadmap pages. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { atomFeed, escapeXml } from '../../../src/lib/changes/atom-feed.ts';
import {
  changesByDay,
  changesFeed,
  type DatedEntry,
  listChanges,
  topicDates,
} from '../../../src/lib/changes/changes.ts';
import { formatDay } from '../../../src/core/format/format.ts';
import { changedSince, changeSummary } from '../../../src/lib/roadmap/changed-topics.ts';
import { en } from '../../../src/i18n/dictionary/en.ts';
import { ptBr } from '../../../src/i18n/dictionary/pt-br.ts';
import { recordVisit, rememberVisit, SESSION_GAP_MS, VISITS_KEY } from '../../../src/lib/roadmap/roadmap-visits.ts';

const entries: DatedEntry[] = [
  { collection: 'questions', id: 'what-is-jwt', title: 'What is a JWT?', created: '2026-11-01', updated: '2026-11-01' },
  {
    collection: 'topics',
    id: 'sql',
    title: 'SQL',
    created: '2026-11-01',
    updated: '2026-11-20',
    change: 'Added self-check questions.',
  },
  { collection: 'topics', id: 'http', title: 'HTTP', created: '2026-11-21', updated: '2026-11-21' },
  {
    collection: 'roadmaps',
    id: 'basics',
    title: 'Basics',
    created: '2026-11-01',
    updated: '2026-11-20',
    change: 'Stages reordered.',
  },
];

describe('change list', () => {
  it('lists the newest change first, then by collection and title, and says what changed in a line', () => {
    const changes = listChanges(entries);
    expect(changes.map((c) => c.id)).toEqual(['http', 'basics', 'sql', 'what-is-jwt']);
    expect(changes.map((c) => [c.kind, c.line])).toEqual([
      ['new', 'New topic.'],
      ['updated', 'Stages reordered.'],
      ['updated', 'Added self-check questions.'],
      ['new', 'New interview question.'],
    ]);
    expect(changes[0]!.url).toBe('/topics/http/');
  });

  it('groups by day, newest first, and by collection in navigation order', () => {
    const days = changesByDay(listChanges(entries));
    expect(days.map((d) => d.day)).toEqual(['2026-11-21', '2026-11-20', '2026-11-01']);
    expect(days[1]!.groups.map((g) => g.collection)).toEqual(['roadmaps', 'topics']);
  });

  it('writes dates as days, whatever the time zone', () => {
    expect(formatDay('2026-11-22')).toBe('22 November 2026');
  });

  it('gives roadmap pages only topic ids and days', () => {
    expect(topicDates(entries)).toEqual({ sql: ['2026-11-01', '2026-11-20'], http: ['2026-11-21', '2026-11-21'] });
  });
});

describe('Atom feed', () => {
  const site = new URL('https://example.org');
  const feed = atomFeed(changesFeed(listChanges(entries), site));

  it('has the elements Atom 1.0 requires, with absolute URLs from the site origin', () => {
    expect(feed.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"')).toBe(
      true,
    );
    expect(feed).toContain('<id>https://example.org/changes/</id>');
    expect(feed).toContain(
      '<link rel="self" type="application/atom+xml" href="https://example.org/changes/feed.xml"/>',
    );
    expect(feed).toContain('<author><name>Backend Atlas</name></author>');
    // The feed's date is its newest entry's, so the same content writes the same feed.
    expect(feed).toMatch(/^ {2}<updated>2026-11-21T00:00:00Z<\/updated>$/m);
    expect(feed.match(/<entry>/g)).toHaveLength(4);
    expect(feed).toContain('<link rel="alternate" type="text/html" href="https://example.org/topics/http/"/>');
    expect(feed).toContain('<id>tag:example.org,2026-11-01:topics/sql/2026-11-20</id>');
    expect(feed).toContain('<summary>Added self-check questions.</summary>');
  });

  it('keeps only the latest entries, newest first', () => {
    const small = changesFeed(listChanges(entries), site, 2);
    expect(small.entries.map((e) => e.title)).toEqual(['Topic: HTTP', 'Roadmap: Basics']);
  });

  it('escapes markup and quotes, and drops characters XML cannot hold', () => {
    expect(escapeXml(`a < b && "c" > 'd'`)).toBe('a &lt; b &amp;&amp; &quot;c&quot; &gt; &apos;d&apos;');
    expect(escapeXml('bell\u0007 tab\t nul\u0000 \uD800 😀')).toBe('bell tab\t nul  😀');
    const tricky = atomFeed({
      ...changesFeed([], site),
      title: '</title><script>x</script>',
      entries: [
        {
          id: 'tag:x,2026:a',
          title: 'A & B',
          updated: '2026-11-22T00:00:00Z',
          link: 'https://example.org/?a=1&b=2',
          summary: ']]> <![CDATA[',
        },
      ],
    });
    expect(tricky).toContain('<title>&lt;/title&gt;&lt;script&gt;x&lt;/script&gt;</title>');
    expect(tricky).toContain('href="https://example.org/?a=1&amp;b=2"');
    expect(tricky).toContain('<summary>]]&gt; &lt;![CDATA[</summary>');
  });

  it('never lets any text out of its element', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(
            '<',
            '>',
            '&',
            '"',
            "'",
            ';',
            'a',
            'é',
            '\u0000',
            '\u0007',
            '\t',
            '\uD800',
            '\uDC00',
            '😀',
            ']]>',
            '&amp;',
          ),
        }),
        (text) => {
          const escaped = escapeXml(text);
          expect(escaped).not.toMatch(/[<>"']|&(?!(amp|lt|gt|quot|apos);)/);
          expect(escaped).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
          expect(escaped.isWellFormed(), 'no lone surrogates').toBe(true);
        },
      ),
    );
  });
});

describe('last visit to a roadmap', () => {
  const at = (iso: string) => new Date(iso);

  it('has nothing to compare with on a first visit', () => {
    const { visits, since } = recordVisit({}, 'go', at('2026-11-20T10:00:00Z'));
    expect(since).toBeUndefined();
    expect(visits).toEqual({ go: { last: '2026-11-20T10:00:00.000Z' } });
  });

  it('compares a later visit with the last view of the one before, and keeps that within a visit', () => {
    const first = recordVisit({}, 'go', at('2026-11-20T10:00:00Z')).visits;
    const second = recordVisit(first, 'go', at('2026-11-22T09:00:00Z'));
    expect(second.since).toBe('2026-11-20T10:00:00.000Z');
    // Back to the map ten minutes later, after opening a topic: still the same visit, still the same marks.
    const again = recordVisit(second.visits, 'go', new Date(Date.parse('2026-11-22T09:00:00Z') + SESSION_GAP_MS / 3));
    expect(again.since).toBe('2026-11-20T10:00:00.000Z');
    // Other roadmaps keep their own visits.
    expect(recordVisit(again.visits, 'rust', at('2026-11-22T09:20:00Z')).since).toBeUndefined();
  });

  it('reads whatever was stored without throwing, treating what is not a visit as none', () => {
    const now = at('2026-11-22T10:00:00Z');
    for (const stored of [
      undefined,
      null,
      5,
      'text',
      [1, 2],
      { go: 5 },
      { go: { last: 'yesterday' } },
      { go: { last: null, since: '2026-11-01T00:00:00Z' } },
    ]) {
      expect(recordVisit(stored, 'go', now)).toEqual({
        visits: expect.objectContaining({ go: { last: now.toISOString() } }),
        since: undefined,
      });
    }
    // A readable last view with an unreadable earlier one: within a visit there is nothing to compare with.
    expect(recordVisit({ go: { last: '2026-11-22T09:50:00Z', since: 'soon' } }, 'go', now).since).toBeUndefined();
    // Other roadmaps' entries are kept as they are, and checked when their roadmap is visited.
    expect(recordVisit({ rust: { last: '2026-11-20T10:00:00.000Z' } }, 'go', now).visits.rust).toEqual({
      last: '2026-11-20T10:00:00.000Z',
    });
    fc.assert(fc.property(fc.jsonValue(), (stored) => void recordVisit(stored, 'go', now)));
  });

  it('remembers a view in storage under one key, and survives blocked storage', () => {
    const store = new Map<string, string>();
    const storage = () => ({
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    });
    expect(rememberVisit('go', { now: at('2026-11-20T10:00:00Z'), storage })).toBeUndefined();
    expect(rememberVisit('go', { now: at('2026-11-22T10:00:00Z'), storage })).toBe('2026-11-20T10:00:00.000Z');
    expect(JSON.parse(store.get(VISITS_KEY)!)).toEqual({
      go: { last: '2026-11-22T10:00:00.000Z', since: '2026-11-20T10:00:00.000Z' },
    });
    store.set(VISITS_KEY, '{not json');
    expect(rememberVisit('go', { now: at('2026-11-23T10:00:00Z'), storage })).toBeUndefined();
    expect(JSON.parse(store.get(VISITS_KEY)!)).toEqual({ go: { last: '2026-11-23T10:00:00.000Z' } });
    const blocked = () => {
      throw new DOMException('blocked', 'SecurityError');
    };
    expect(rememberVisit('go', { storage: blocked })).toBeUndefined();
  });

  it('marks topics published or updated on a later day than the visit', () => {
    const dates = {
      a: ['2026-11-01', '2026-11-01'],
      b: ['2026-11-01', '2026-11-22'],
      c: ['2026-11-22', '2026-11-22'],
      d: ['2026-11-01', '2026-11-21'],
    } as const;
    const changed = changedSince(dates as never, ['a', 'b', 'c', 'd', 'missing'], '2026-11-21T18:00:00.000Z');
    expect(changed).toEqual({ added: ['c'], updated: ['b'] });
    const words = en.roadmapView;
    expect(changeSummary(changed.added.length, changed.updated.length, words)).toBe('1 new topic and 1 topic updated');
    expect(changeSummary(0, 3, words)).toBe('3 topics updated');
    expect(changeSummary(2, 0, words)).toBe('2 new topics');
    expect(changeSummary(0, 0, words)).toBe('');
    expect(changeSummary(2, 1, ptBr.roadmapView)).toBe('2 tópicos novos e 1 tópico atualizado');
  });
});
