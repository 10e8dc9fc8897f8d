import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { inlineCodeSegments, inlinePlainText, inlineTextProblem } from '../../../src/core/format/inline-code.ts';
import { topicSchema } from '../../../src/schemas/topic.ts';

describe('inlineCodeSegments', () => {
  it('splits backtick spans into code segments and keeps the rest as text', () => {
    expect(inlineCodeSegments('Use `SET key 1 EX 60 NX` before `INCR`.')).toEqual([
      { kind: 'text', value: 'Use ' },
      { kind: 'code', value: 'SET key 1 EX 60 NX' },
      { kind: 'text', value: ' before ' },
      { kind: 'code', value: 'INCR' },
      { kind: 'text', value: '.' },
    ]);
  });

  it('returns plain text as one text segment, and nothing for an empty string', () => {
    expect(inlineCodeSegments('No code here.')).toEqual([{ kind: 'text', value: 'No code here.' }]);
    expect(inlineCodeSegments('')).toEqual([]);
  });

  it('keeps markup as text: the segments are strings for an escaping renderer, never HTML', () => {
    const segments = inlineCodeSegments('What does <script>alert(1)</script> do in `<b>x</b>`?');
    expect(segments).toEqual([
      { kind: 'text', value: 'What does <script>alert(1)</script> do in ' },
      { kind: 'code', value: '<b>x</b>' },
      { kind: 'text', value: '?' },
    ]);
  });

  it('leaves an unpaired backtick as a literal character', () => {
    expect(inlineCodeSegments('a `b` c ` d')).toEqual([
      { kind: 'text', value: 'a ' },
      { kind: 'code', value: 'b' },
      { kind: 'text', value: ' c ` d' },
    ]);
    expect(inlineCodeSegments('`')).toEqual([{ kind: 'text', value: '`' }]);
  });

  it('never loses or invents characters other than the paired backticks', () => {
    for (const text of ['`a``b`', 'x `y` z', '``', 'plain', '`only code`']) {
      const joined = inlineCodeSegments(text)
        .map((s) => s.value)
        .join('');
      expect(joined).toBe(text.replaceAll('`', ''));
    }
  });
});

describe('inlineTextProblem', () => {
  it('accepts plain text with inline code, including tags inside backticks', () => {
    expect(inlineTextProblem('Why is `Vec<T>` on the heap, and what does `<script>` mean here?')).toBeNull();
  });
  it('names what is wrong', () => {
    expect(inlineTextProblem('two\nlines')).toMatch(/one line/);
    expect(inlineTextProblem('an `unpaired backtick')).toMatch(/unpaired backtick/);
    expect(inlineTextProblem('a <b>bold</b> word')).toMatch(/no HTML/);
    expect(inlineTextProblem('see [the docs](https://example.org)')).toMatch(/no links/);
    expect(inlineTextProblem('see https://example.org')).toMatch(/no links/);
  });
});

describe('topic selfCheck field', () => {
  const schema = topicSchema(((collection: string) => z.string().transform((id) => ({ id, collection }))) as never);
  const topic = (selfCheck: unknown) => ({
    created: '2026-11-01',
    updated: '2026-11-01',
    title: 'Redis',
    summary: 'An in-memory data store used for caches, counters and queues.',
    area: 'caching',
    hours: 6,
    resources: [{ title: 'Redis docs', url: 'https://redis.io/docs/latest/', type: 'official' }],
    selfCheck,
  });
  const item = {
    question: 'Why is `INCR` followed by a separate `EXPIRE` not atomic?',
    answer:
      'Another client can run between the two commands, and a crash after `INCR` leaves a counter that never expires.',
  };
  const problems = (selfCheck: unknown) => {
    const result = schema.safeParse(topic(selfCheck));
    return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('is required, and accepts three to five items', () => {
    expect(problems(undefined)).toHaveLength(1);
    expect(problems([item, item, item])).toEqual([]);
    expect(problems([item, item, item, item, item])).toEqual([]);
  });
  it('rejects fewer than three or more than five items', () => {
    expect(problems([item, item])).toHaveLength(1);
    expect(problems([item, item, item, item, item, item])).toHaveLength(1);
  });
  it('names the item and field of a question without "?", a short answer, HTML or an extra key', () => {
    const bad = [
      { ...item, question: 'Explain why `INCR` and `EXPIRE` are not atomic.' },
      { ...item, answer: 'Too short.' },
      { ...item, answer: `${item.answer} Read <a href="/x">this</a>.` },
    ];
    expect(problems(bad)).toEqual([
      'selfCheck.0.question: must end with "?"',
      expect.stringMatching(/^selfCheck\.1\.answer: Too small/),
      'selfCheck.2.answer: must be plain text: no HTML (write tags inside backticks)',
    ]);
    expect(problems([item, item, { ...item, hint: 'x' }])).toEqual([
      expect.stringMatching(/^selfCheck\.2: Unrecognized key/),
    ]);
  });
});

describe('inlinePlainText', () => {
  it('reads inline code as its words, without backticks, where no <code> can go', () => {
    expect(inlinePlainText('Answer `If-None-Match` with `304`.')).toBe('Answer If-None-Match with 304.');
    expect(inlinePlainText('No code here.')).toBe('No code here.');
  });

  it('keeps an unpaired backtick, as the page shows it', () => {
    expect(inlinePlainText('A lone ` stays')).toBe('A lone ` stays');
  });
});
