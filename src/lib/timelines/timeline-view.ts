/**
 * A timeline as its page draws it: one row per step, one column per session, time flowing down. The step's own
 * statement sits in its session's column; a statement that was waiting and finishes at this step shows in its own
 * session's column on this row; a session still waiting shows that it waits.
 */
import type { TimelineStep } from '../../schemas/timeline.ts';
import { type Recording, rowsText, type StepResult } from './recording.ts';

/** What a learner predicts about a step: the three things a statement can do. */
export type Prediction = 'finishes' | 'blocks' | 'fails';

export const PREDICTION_LABEL: Record<Prediction, string> = {
  finishes: 'It finishes: returns rows or a command tag',
  blocks: 'It blocks, waiting for another session',
  fails: 'It fails with an error',
};

type Cell =
  | { kind: 'statement'; sql: string; result: StepResult | { outcome: 'blocks'; waitingFor: string[] }; why: string }
  | { kind: 'resume'; step: number; result: StepResult }
  | { kind: 'waiting'; step: number }
  | { kind: 'empty' };

export interface TimelineRow {
  step: number;
  session: string;
  /** One cell per session, in column order. */
  cells: Cell[];
  expect: Prediction;
  /** For a step that returns rows: the choices, and which one the server returned. */
  choices?: { options: string[]; answer: number };
}

const predictionOf = (result: StepResult | { outcome: 'blocks' }): Prediction =>
  result.outcome === 'blocks' ? 'blocks' : result.outcome === 'error' ? 'fails' : 'finishes';

export function timelineRows(
  scenario: { sessions: readonly string[]; steps: readonly TimelineStep[] },
  recording: Recording,
): TimelineRow[] {
  const waiting = new Map<string, number>();
  return scenario.steps.map((step, i) => {
    const recorded = recording.steps[i]!;
    const resumed = new Map((recorded.resumes ?? []).map((r) => [scenario.steps[r.step - 1]!.session, r]));
    for (const session of resumed.keys()) waiting.delete(session);
    const cells = scenario.sessions.map((session): Cell => {
      if (session === step.session) return { kind: 'statement', sql: step.sql, result: recorded.result, why: step.why };
      const resume = resumed.get(session);
      if (resume) return { kind: 'resume', step: resume.step, result: resume.result };
      const since = waiting.get(session);
      return since ? { kind: 'waiting', step: since } : { kind: 'empty' };
    });
    if (recorded.result.outcome === 'blocks') waiting.set(step.session, i + 1);
    const result = recorded.result;
    const choices =
      step.choices && result.outcome === 'rows'
        ? { options: step.choices, answer: step.choices.indexOf(rowsText(result.rows)) }
        : undefined;
    return { step: i + 1, session: step.session, cells, expect: predictionOf(result), ...(choices ? { choices } : {}) };
  });
}
