/** The map's geometry (src/lib/roadmap-map/map-geometry.ts): how many lines a title wraps to, and how tall a node and a milestone are. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAP, milestoneHeight, nodeHeight, titleLines } from '../../../src/lib/roadmap-map/map-geometry.ts';

/** A word as titles have them: letters, digits and the punctuation the width table knows. */
const word = fc.stringMatching(/^[A-Za-z0-9().,:/'-]{1,14}$/);
/** A title of a few words, single-spaced as the schema leaves them. */
const title = fc.array(word, { minLength: 1, maxLength: 12 }).map((words) => words.join(' '));
/** A width a title could be wrapped into, from narrower than one letter to wider than the map. */
const width = fc.integer({ min: 1, max: 2 * MAP.width });

describe('title wrapping', () => {
  it('gives an empty or blank title one line, and never breaks a single word however long', () => {
    expect(titleLines('')).toBe(1);
    expect(titleLines('   ')).toBe(1);
    expect(titleLines('Observability')).toBe(1);
    // A word wider than the node overflows its line rather than being split or adding empty lines.
    expect(titleLines('Supercalifragilisticexpialidocious-Microservices-Orchestration')).toBe(1);
  });

  it('wraps into the node text width unless told another width', () => {
    fc.assert(
      fc.property(title, (t) => {
        expect(titleLines(t)).toBe(titleLines(t, MAP.textWidth));
      }),
    );
    // Every word on its own line when nothing but one word fits; everything on one line when there is room.
    expect(titleLines('a b c d', 1)).toBe(4);
    expect(titleLines('Data Structures and Algorithms for Backend Work', 10_000)).toBe(1);
  });

  it('takes at least one line and at most one line per word', () => {
    fc.assert(
      fc.property(title, width, (t, w) => {
        const lines = titleLines(t, w);
        expect(lines).toBeGreaterThanOrEqual(1);
        expect(lines).toBeLessThanOrEqual(t.split(' ').length);
      }),
    );
  });

  it('never takes fewer lines in a narrower node', () => {
    fc.assert(
      fc.property(title, width, width, (t, a, b) => {
        expect(titleLines(t, Math.min(a, b))).toBeGreaterThanOrEqual(titleLines(t, Math.max(a, b)));
      }),
      { numRuns: 1000 },
    );
  });

  it('never takes fewer lines when a word is added to the end', () => {
    fc.assert(
      fc.property(title, word, width, (t, extra, w) => {
        expect(titleLines(`${t} ${extra}`, w)).toBeGreaterThanOrEqual(titleLines(t, w));
      }),
      { numRuns: 1000 },
    );
  });

  it('measures wide letters as the widest: turning any letter into a W never saves a line', () => {
    // The estimate errs towards a line too many: a title of the widest letters must wrap at least as soon.
    fc.assert(
      fc.property(title, width, fc.nat(), (t, w, at) => {
        const letters = [...t].flatMap((c, i) => (c === ' ' ? [] : [i]));
        const i = letters[at % letters.length]!;
        const wider = t.slice(0, i) + 'W' + t.slice(i + 1);
        expect(titleLines(wider, w)).toBeGreaterThanOrEqual(titleLines(t, w));
      }),
      { numRuns: 1000 },
    );
    // Ten narrow letters fit where ten wide ones do not.
    expect(titleLines('iiiii iiiii', 100)).toBe(1);
    expect(titleLines('WWWWW WWWWW', 100)).toBe(2);
    // W and m count wider than other capitals: five words of them wrap in a node where five of H fit.
    expect(titleLines('HHH HHH HHH HHH HHH')).toBe(1);
    expect(titleLines('WWW WWW WWW WWW WWW')).toBe(2);
    expect(titleLines('mmm mmm mmm mmm mmm')).toBe(2);
  });

  it('wraps runs of spaces between words the same as single spaces', () => {
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 8 }),
        fc.constantFrom('  ', '\t', ' \n '),
        width,
        (words, gap, w) => {
          expect(titleLines(words.join(gap), w)).toBe(titleLines(words.join(' '), w));
        },
      ),
    );
  });
});

describe('node and milestone heights', () => {
  it('grows a node by one line height per wrapped line, around the same padding, so a title is never clipped', () => {
    const oneLine = MAP.node.line + 2 * MAP.node.padY + 2;
    expect(nodeHeight('DNS')).toBe(oneLine);
    fc.assert(
      fc.property(title, (t) => {
        expect(nodeHeight(t)).toBe(oneLine + (titleLines(t) - 1) * MAP.node.line);
      }),
    );
  });

  it('gives a rail milestone one 20px line per 19 characters of title, at least one, plus weeks and progress', () => {
    const base = 2 * MAP.stagePad + 2 * 20;
    expect(milestoneHeight('')).toBe(base + 20);
    expect(milestoneHeight('x'.repeat(19))).toBe(base + 20);
    expect(milestoneHeight('x'.repeat(20))).toBe(base + 40);
    expect(milestoneHeight('x'.repeat(38))).toBe(base + 40);
    expect(milestoneHeight('x'.repeat(39))).toBe(base + 60);
    // The rail is the default arrangement.
    expect(milestoneHeight('Internet and the web', 'rail')).toBe(milestoneHeight('Internet and the web'));
  });

  it('never makes a rail milestone shorter for a longer title', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.string({ maxLength: 60 }), (t, more) => {
        expect(milestoneHeight(t + more)).toBeGreaterThanOrEqual(milestoneHeight(t));
      }),
    );
  });

  it('gives every banner heading the same height, whatever its title', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (t) => {
        expect(milestoneHeight(t, 'banner')).toBe(MAP.banner.head);
      }),
    );
  });
});

describe('map constants', () => {
  it('fits the laid-out map on the screens that get it, and the title text inside its node', () => {
    // A map wider than the narrowest wide screen would scroll sideways.
    expect(MAP.width).toBeLessThanOrEqual(MAP.wideScreen);
    expect(MAP.textWidth).toBeLessThan(MAP.node.width);
    // The path runs through the milestone circles, inside the milestone column.
    expect(MAP.rail.railX).toBeLessThan(MAP.rail.head);
  });
});
