/**
 * Concurrency timelines are recorded from a real PostgreSQL server (npm run timelines:record) and committed. These
 * tests need no server: they check that every scenario has a recording made from its current statements, with an
 * outcome for every step, and that the right choice of every prediction is the one the server returned.
 */
import { describe, expect, it } from 'vitest';
import { readContentDir } from '../../../src/lib/content/content-files.ts';
import { SCHEMAS } from '../../../src/lib/content/integrity/entries.ts';
import { readRecording, recordingProblems, rowsText } from '../../../src/lib/timelines/recording.ts';
import type { TimelineStep } from '../../../src/schemas/timeline.ts';

interface Scenario {
  setup: string;
  sessions: string[];
  steps: TimelineStep[];
  isolation: string[];
}

const scenarios = readContentDir()
  .filter((e) => e.collection === 'timelines')
  .map((e) => ({ id: e.id, file: e.file, data: SCHEMAS.timelines.parse(e.data) as Scenario }));

const clone = <T>(value: T): T => structuredClone(value);

describe('concurrency timelines', () => {
  it('cover the three isolation levels with at least eight scenarios, two or three sessions each', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(8);
    const levels = new Set(scenarios.flatMap((s) => s.data.isolation));
    expect([...levels].sort()).toEqual(['read committed', 'repeatable read', 'serializable']);
    expect(scenarios.some((s) => s.data.sessions.length === 3)).toBe(true);
  });

  it.each(scenarios.map((s) => [s.id, s] as const))(
    '%s: its recording matches its statements and names the server',
    (_, s) => {
      const recording = readRecording(s.id);
      expect(recordingProblems(s.data, recording), s.file).toEqual([]);
      expect(recording!.server).toMatch(/^PostgreSQL \d+/);
    },
  );

  it('the recordings show the outcomes the scenarios exist to teach', () => {
    const outcomes = (id: string) => {
      const r = readRecording(id)!;
      return r.steps.flatMap((s) => [s.result, ...(s.resumes ?? []).map((x) => x.result)]);
    };
    const errors = (id: string) => outcomes(id).flatMap((o) => (o.outcome === 'error' ? [o.sqlstate] : []));
    expect(errors('deadlock')).toEqual(['40P01']);
    expect(errors('deadlock-lock-ordering')).toEqual([]);
    expect(errors('write-skew')).toEqual([]);
    expect(errors('write-skew-serializable')).toEqual(['40001']);
    expect(errors('lost-update-repeatable-read')).toEqual(['40001']);
    expect(errors('upsert-race')).toEqual(['23505']);
    expect(outcomes('lost-update').some((o) => o.outcome === 'blocks')).toBe(true);
  });

  describe('a recording that no longer fits fails with the step named', () => {
    const lost = scenarios.find((s) => s.id === 'lost-update')!;
    const recording = readRecording('lost-update')!;

    it('when a statement changed since it was recorded', () => {
      const edited = clone(lost.data);
      edited.steps[4]!.sql = 'UPDATE accounts SET balance = balance - 10 WHERE id = 1';
      expect(recordingProblems(edited, recording)).toEqual([
        'changed since it was recorded (setup, sessions or a statement): run `npm run timelines:record`',
      ]);
      // An explanation is not what the server ran: rewording it keeps the recording.
      const reworded = clone(lost.data);
      reworded.steps[4]!.why = 'Reworded: the explanation is not part of what the server runs.';
      expect(recordingProblems(reworded, recording)).toEqual([]);
    });

    it('when there is no recording, or a step has no outcome', () => {
      expect(recordingProblems(lost.data, undefined)).toEqual(['has no recording: run `npm run timelines:record`']);
      const gap = clone(recording);
      delete (gap.steps[2] as { result?: unknown }).result;
      expect(recordingProblems(lost.data, gap)).toEqual(['steps[2]: the recording has no outcome for this step']);
    });

    it('when a blocked step never finishes', () => {
      const stuck = clone(recording);
      delete stuck.steps[6]!.resumes;
      expect(recordingProblems(lost.data, stuck)).toEqual([
        'steps[5]: blocked and never finished: add the step that releases it',
      ]);
    });

    it('when no choice, or two, read as the server returned', () => {
      const wrong = clone(lost.data);
      wrong.steps[8]!.choices = ['80', '100'];
      expect(recordingProblems(wrong, recording)).toEqual([
        'steps[8].choices: exactly one choice must read "90", as the server returned; 0 do',
      ]);
    });
  });

  it('prints rows as the choices are written', () => {
    expect(
      rowsText([
        ['1', '90'],
        ['2', null],
      ]),
    ).toBe('1, 90 | 2, NULL');
    expect(rowsText([])).toBe('(no rows)');
  });
});
