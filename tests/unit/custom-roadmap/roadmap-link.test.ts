import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { customRoadmap } from '../arbitraries.ts';
import { crc32, pipe, toBase64Url } from '../../../src/lib/progress/link-pack.ts';
import { checkLinkUrl, type CustomRoadmap, toCustomRoadmap } from '../../../src/lib/custom-roadmap/model.ts';
import {
  codeFromHash,
  decodeRoadmap,
  encodeRoadmap,
  parseRoadmapFile,
  toRoadmapFile,
} from '../../../src/lib/custom-roadmap/roadmap-link.ts';

const team: CustomRoadmap = {
  id: 'my-team0000a',
  title: 'Backend onboarding at Acme',
  summary: 'Three weeks to your first on-call shift.',
  stages: [
    {
      title: 'HTTP and APIs',
      items: [
        { kind: 'topic', id: 'http', optional: false },
        { kind: 'topic', id: 'rest-api-design', optional: true },
      ],
    },
    {
      title: 'Data',
      items: [
        { kind: 'topic', id: 'postgresql', optional: false, alternative: 'database' },
        { kind: 'topic', id: 'mysql', optional: false, alternative: 'database' },
        {
          kind: 'link',
          title: 'Our schema guide',
          url: 'https://wiki.example.com/schema',
          note: 'Read before your first migration.',
        },
      ],
    },
  ],
};

/** A payload packed exactly as the site packs one, whatever it holds: to test the layers after the checksum. */
async function pack(json: string) {
  const bytes = new TextEncoder().encode(json);
  const packed = (await pipe(bytes, new CompressionStream('deflate-raw'), Infinity)) as Uint8Array;
  return `1.${crc32(bytes)}.${toBase64Url(packed)}`;
}
const reason = async (code: unknown) => {
  const result = await decodeRoadmap(code);
  return result.ok ? 'accepted' : result.reason;
};

describe('roadmap links', () => {
  it('round-trips any valid roadmap', async () => {
    await fc.assert(
      fc.asyncProperty(customRoadmap, async (roadmap) => {
        expect(await decodeRoadmap(await encodeRoadmap(roadmap))).toEqual({ ok: true, value: roadmap });
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a 3-stage roadmap of 8 topics and a link well under the length chat apps accept', async () => {
    const code = await encodeRoadmap(team);
    expect(code.length).toBeLessThan(400);
  });

  it('decodes any string or byte string to a roadmap or a reason, never a throw', async () => {
    const valid = await encodeRoadmap(team);
    const anything = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.uint8Array({ maxLength: 300 }).map((bytes) => `1.${crc32(bytes)}.${toBase64Url(bytes)}`),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.nat({ max: valid.length }).map((n) => valid.slice(0, n)),
      fc
        .tuple(fc.nat({ max: valid.length - 1 }), fc.string({ minLength: 1, maxLength: 1 }))
        .map(([at, c]) => valid.slice(0, at) + c + valid.slice(at + 1)),
    );
    await fc.assert(
      fc.asyncProperty(anything, async (code) => {
        const result = await decodeRoadmap(code);
        if (result.ok) expect(toCustomRoadmap(result.value)).toEqual(result);
        else expect(result.reason).toMatch(/^the (link|roadmap)/);
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses a truncated or tampered link with a reason a learner understands', async () => {
    const valid = await encodeRoadmap(team);
    const [, check, data] = valid.split('.') as [string, string, string];
    expect(await reason(valid.slice(0, valid.indexOf('.', 2)))).toMatch(/incomplete/);
    expect(await reason(valid.slice(0, -10))).toMatch(/truncated|checksum|damaged/);
    expect(await reason(`1.${check}.${data.slice(0, 20)}${data[20] === 'A' ? 'B' : 'A'}${data.slice(21)}`)).toMatch(
      /damaged|checksum/,
    );
    expect(await reason(`1.00000000.${data}`)).toMatch(/checksum/);
    expect(await reason(`9.${check}.${data}`)).toMatch(/another version/);
    expect(await reason('x'.repeat(300_000))).toMatch(/larger/);
    expect(await reason(undefined)).toMatch(/empty/);
  });

  it('refuses a well-packed link whose roadmap is hostile or broken, saying what is wrong', async () => {
    expect(
      await reason(
        await pack(JSON.stringify({ i: 'my-x', t: 'Evil', g: [['S', ['Click', 'javascript:alert(1)', '']]] })),
      ),
    ).toMatch(/only https: addresses/);
    expect(
      await reason(
        await pack(JSON.stringify({ i: 'my-x', t: 'Evil', g: [['S', ['Click', 'http://example.com/', '']]] })),
      ),
    ).toMatch(/only https:/);
    expect(await reason(await pack(JSON.stringify({ i: 'my-x', t: 'Twice', g: [['S', 'jwt', 'jwt']] })))).toMatch(
      /"jwt" is on it twice/,
    );
    expect(await reason(await pack(JSON.stringify({ i: 'my-x', t: 'Empty', g: [] })))).toMatch(/no stages/);
    expect(await reason(await pack(JSON.stringify({ i: '../x', t: 'Id', g: [['S']] })))).toMatch(/no readable id/);
    expect(await reason(await pack(JSON.stringify({ i: 'my-x', t: '<b>x</b>'.repeat(40), g: [['S']] })))).toMatch(
      /title is longer/,
    );
    expect(await reason(await pack('[1,2,3]'))).toMatch(/not a roadmap/);
    // Markup in a title is kept as text (the page renders it with textContent), not refused.
    expect(
      await decodeRoadmap(
        await pack(JSON.stringify({ i: 'my-x', t: '<img src=x onerror=alert(1)>', g: [['S', 'jwt']] })),
      ),
    ).toMatchObject({ ok: true, value: { title: '<img src=x onerror=alert(1)>' } });
  });

  it('reads a code a chat app percent-encoded, and nothing from other fragments', () => {
    expect(codeFromHash('#roadmap=1.abc%2Edef')).toBe('1.abc.def');
    expect(codeFromHash('#roadmap=%E0%A4%A')).toBe('%E0%A4%A');
    expect(codeFromHash('#share=1.2.3')).toBeUndefined();
  });

  it('round-trips a roadmap file and refuses any other file', () => {
    fc.assert(
      fc.property(customRoadmap, (roadmap) => {
        expect(parseRoadmapFile(toRoadmapFile(roadmap))).toEqual({ ok: true, value: roadmap });
      }),
      { numRuns: 200 },
    );
    expect(parseRoadmapFile('{"kind":"backend-atlas-progress"}')).toEqual({
      ok: false,
      reason: 'the file is not a Backend Atlas roadmap',
    });
    expect(parseRoadmapFile('not json')).toEqual({ ok: false, reason: 'the file is not valid JSON' });
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(parseRoadmapFile(text).ok).toBe(false);
      }),
    );
  });

  it('keeps only https: addresses', () => {
    expect(checkLinkUrl(' https://example.com/a b ')).toEqual({ ok: true, value: 'https://example.com/a%20b' });
    expect(checkLinkUrl('data:text/html,<script>')).toMatchObject({ ok: false });
    expect(checkLinkUrl('https://user:pw@example.com/')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/password/),
    });
    expect(checkLinkUrl('example.com')).toMatchObject({ ok: false, reason: expect.stringMatching(/https:\/\//) });
  });
});
