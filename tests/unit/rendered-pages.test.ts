/** Rendered pages reach the search index in the order their requests started (src/lib/content/rendered-pages.ts). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderedSink, pageFile } from '../../src/lib/content/rendered-pages.ts';

describe('orderedSink', () => {
  it('hands pages over in the order their slots were reserved, skipping slots filled with nothing', () => {
    const added: string[] = [];
    const sink = orderedSink((file) => added.push(file));
    const [a, b, c, d] = [sink.reserve(), sink.reserve(), sink.reserve(), sink.reserve()];
    c!({ file: 'c.html', html: '' });
    b!();
    expect(added).toEqual([]);
    a!({ file: 'a.html', html: '' });
    expect(added).toEqual(['a.html', 'c.html']);
    d!({ file: 'd.html', html: '' });
    d!(); // a second call changes nothing
    expect(added).toEqual(['a.html', 'c.html', 'd.html']);
  });

  it('gives the same order whatever order the slots are filled in', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 40 })
          .chain((n) =>
            fc.tuple(
              fc.shuffledSubarray([...Array(n).keys()], { minLength: n }),
              fc.array(fc.boolean(), { minLength: n, maxLength: n }),
            ),
          ),
        ([order, isPage]) => {
          const added: string[] = [];
          const sink = orderedSink((file) => added.push(file));
          const slots = order.map(() => sink.reserve());
          for (const i of order) {
            slots[i]!(isPage[i] ? { file: `${i}.html`, html: '' } : undefined);
            slots[i]!(); // as the middleware's finally does
          }
          expect(added).toEqual([...order.keys()].filter((i) => isPage[i]).map((i) => `${i}.html`));
        },
      ),
    );
  });
});

it('pageFile names the file a path is written to', () => {
  expect(pageFile('/')).toBe('index.html');
  expect(pageFile('/topics/jwt/')).toBe('topics/jwt/index.html');
  expect(pageFile('/404')).toBe('404.html');
  expect(pageFile('/404.html')).toBe('404.html');
  expect(pageFile('/topics/caf%C3%A9/')).toBe('topics/café/index.html');
});
