import { describe, expect, it } from 'vitest';
import {
  type DesignEstimate,
  estimateVerdict,
  gradeEstimate,
  readDraft,
  readNumber,
  writeDraft,
} from '../../../src/lib/labs/design/grading/design-steps.ts';

const peak: DesignEstimate = {
  id: 'peak',
  question: 'Redirects a second at the peak',
  unit: 'requests/s',
  answer: 1000,
  tolerance: 0.5,
  working: '1e9 ÷ 2.6e6 × 2.5 ≈ 1,000',
};

describe('readNumber', () => {
  it.each([
    ['20000', 20000],
    ['20,000', 20000],
    ['20 000', 20000],
    ['2e4', 20000],
    ['20k', 20000],
    ['1.5M', 1.5e6],
    ['3 billion', 3e9],
    ['0.35', 0.35],
  ])('reads %s as %d', (text, value) => expect(readNumber(text)).toBe(value));
  it.each(['abc', '12 kb', '1,2,3', ''])('does not read %j', (text) => expect(readNumber(text)).toBeNaN());
});

describe('gradeEstimate', () => {
  it('accepts an estimate within the tolerance, either side, and says so', () => {
    expect(gradeEstimate(peak, '1,450').state).toBe('close');
    expect(gradeEstimate(peak, '500').state).toBe('close');
    expect(estimateVerdict(peak, gradeEstimate(peak, '1.2k'))).toBe(
      'Close enough: 1,200 against about 1,000 requests/s, within ±50 %.',
    );
  });
  it('says how far off an estimate outside it is', () => {
    expect(gradeEstimate(peak, '499').state).toBe('low');
    expect(estimateVerdict(peak, gradeEstimate(peak, '10k'))).toMatch(/^Too high: 10,000 is 10× over about 1,000/);
    expect(estimateVerdict(peak, gradeEstimate(peak, '250'))).toMatch(/^Too low: 250 is 4\.0× under/);
  });
  it.each([
    ['15 payments/s', 'payments/s', 15],
    ['15/s', 'payments/s', 15],
    ['900 per minute', 'payments/s', 15],
    ['15 payments a second', 'payments/s', 15],
    ['0.3 TB', 'GB', 300],
    ['300,000 MB', 'GB', 300],
    ['20k req/s', 'requests/s', 20000],
    ['20000 rps', 'requests/s', 20000],
    ['10000 Mbit/s', 'Gbit/s', 10],
    ['40 workers', 'workers', 40],
  ])('reads %j as a number of %s, converting the unit', (input, unit, answer) => {
    const grade = gradeEstimate({ ...peak, unit, answer }, input);
    expect(grade.state).toBe('close');
    expect('value' in grade && grade.value).toBeCloseTo(answer);
  });
  it('refuses a unit that does not convert, as a unit, never a wrong number', () => {
    const grade = gradeEstimate(peak, '300 GB');
    expect(grade).toEqual({ state: 'unit', unit: 'GB' });
    expect(estimateVerdict(peak, grade, false)).toBe(
      'Written in "GB", which does not convert to requests/s: give the number in requests/s.',
    );
  });
  it('gives nothing away before the answers are revealed', () => {
    for (const input of ['250', '10k', '1.2k', 'lots', '', '3 GB']) {
      const said = estimateVerdict(peak, gradeEstimate(peak, input), false);
      expect(said).not.toMatch(/1,000|about|×/);
    }
  });
  it('tells an empty answer from one it cannot read', () => {
    expect(gradeEstimate(peak, ' ').state).toBe('empty');
    expect(gradeEstimate(peak, 'lots').state).toBe('unreadable');
  });
});

describe('the draft', () => {
  it('round-trips every step', () => {
    const draft = {
      scope: [0, 2],
      estimates: { peak: '1k' },
      estimated: true,
      checks: 2,
      routes: 'GET /links/:code',
      tables: 'CREATE TABLE links (code text PRIMARY KEY);',
      modelled: true,
      design: 'x',
      tradeoffs: 't',
      compared: true,
    };
    expect(readDraft(writeDraft(draft), 'starter')).toEqual(draft);
  });
  it('reads a draft from before the API step with that step empty, and drops its fields of the wrong type', () => {
    const before = readDraft('{"v":1,"estimates":{},"design":"d","tradeoffs":""}', 's');
    expect([before.routes, before.tables, before.modelled, before.design]).toEqual([
      undefined,
      undefined,
      undefined,
      'd',
    ]);
    const odd = readDraft('{"v":1,"routes":["GET /"],"tables":7,"modelled":"yes","design":"d"}', 's');
    expect([odd.routes, odd.tables, odd.modelled]).toEqual([undefined, undefined, undefined]);
  });
  it('keeps a draft that is not its JSON as the design, so nothing typed is lost', () => {
    expect(readDraft('service api\n', 'starter').design).toBe('service api\n');
    expect(readDraft('{"v":2}', 'starter').design).toBe('{"v":2}');
  });
  it('drops fields of the wrong type and keeps the rest', () => {
    const draft = readDraft('{"v":1,"scope":[1,"x",-1],"estimates":{"a":"1","b":2},"design":5,"tradeoffs":"t"}', 's');
    expect(draft).toEqual({
      scope: [1],
      estimates: { a: '1' },
      estimated: undefined,
      checks: undefined,
      design: 's',
      tradeoffs: 't',
      compared: undefined,
    });
  });
  it('starts from the starter', () => expect(readDraft(undefined, 'starter').design).toBe('starter'));
});
