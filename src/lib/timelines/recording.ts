/**
 * What a concurrency timeline's recording holds, and the rules that tie it to its scenario: the fingerprint of the
 * statements it was recorded from, and how a step's rows read as text. The recorder (src/cli/record-timelines.ts)
 * writes recordings; the timeline page reads them; the unit tests check they still match their scenarios.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT_DIR } from '../content/content-files.ts';

/** What a statement did once it finished. */
export type StepResult =
  | { outcome: 'ok'; tag: string; notices?: string[] }
  | { outcome: 'rows'; tag: string; columns: string[]; rows: (string | null)[][] }
  | { outcome: 'error'; sqlstate: string; message: string };

/** What the server did at one step: the statement's own result, or that it blocked; and what it unblocked. */
export interface RecordedStep {
  /** The step's statement: finished with a result, or still waiting on a lock when the next step began. */
  result: StepResult | { outcome: 'blocks'; waitingFor: string[] };
  /** Statements of earlier steps that were blocked and finished during this step, in the order they finished. */
  resumes?: { step: number; result: StepResult }[];
}

export interface Recording {
  /** The fingerprint of the scenario it was recorded from (see `scenarioFingerprint`). */
  scenario: string;
  /** The server's version string, as `SELECT version()` printed it. */
  server: string;
  /** The day it was recorded, YYYY-MM-DD. */
  recordedOn: string;
  /** One per step, in order. */
  steps: RecordedStep[];
}

/** The part of a scenario a recording depends on. Titles and explanations may change without a new recording. */
export interface ScenarioStatements {
  setup: string;
  sessions: readonly string[];
  steps: readonly { session: string; sql: string }[];
}

/** A fingerprint of what the server runs: the setup, the sessions and each step's session and statement. */
export function scenarioFingerprint({ setup, sessions, steps }: ScenarioStatements): string {
  const canonical = JSON.stringify({
    setup: setup.trim(),
    sessions,
    steps: steps.map((s) => [s.session, s.sql.trim()]),
  });
  return `sha256:${createHash('sha256').update(canonical).digest('hex')}`;
}

/** Rows as the page prints them and as a step's `choices` are written: "1, alice | 2, bob"; "(no rows)". */
export function rowsText(rows: readonly (readonly (string | null)[])[]): string {
  return rows.length ? rows.map((row) => row.map((v) => v ?? 'NULL').join(', ')).join(' | ') : '(no rows)';
}

/** Where a scenario's recording lives: content/timelines/recordings/<id>.json. */
export const recordingPath = (id: string, root: string = CONTENT_DIR) =>
  join(root, 'timelines', 'recordings', `${id}.json`);

/** The committed recording of a scenario, or undefined when there is none. */
export function readRecording(id: string, root?: string): Recording | undefined {
  try {
    return JSON.parse(readFileSync(recordingPath(id, root), 'utf8')) as Recording;
  } catch {
    return undefined;
  }
}

/**
 * What is wrong with a recording for this scenario: empty when it matches. Names the step of each problem, so a
 * maintainer knows to run `npm run timelines:record` or to fix a step's choices.
 */
export function recordingProblems(
  scenario: ScenarioStatements & {
    steps: readonly { session: string; sql: string; choices?: readonly string[] | undefined }[];
  },
  recording: Recording | undefined,
): string[] {
  if (!recording) return ['has no recording: run `npm run timelines:record`'];
  if (recording.scenario !== scenarioFingerprint(scenario))
    return ['changed since it was recorded (setup, sessions or a statement): run `npm run timelines:record`'];
  if (recording.steps.length !== scenario.steps.length)
    return [`the recording has ${recording.steps.length} steps; the scenario has ${scenario.steps.length}`];
  const problems: string[] = [];
  const pending = new Set<number>();
  recording.steps.forEach((recorded, i) => {
    const step = scenario.steps[i]!;
    const n = i + 1;
    for (const resumed of recorded.resumes ?? []) {
      if (!pending.delete(resumed.step))
        problems.push(`steps[${i}]: resumes step ${resumed.step}, which was not waiting`);
    }
    const result = recorded.result as { outcome?: string } | undefined;
    if (!result || !['ok', 'rows', 'error', 'blocks'].includes(result.outcome ?? '')) {
      problems.push(`steps[${i}]: the recording has no outcome for this step`);
      return;
    }
    if (recorded.result.outcome === 'blocks') pending.add(n);
    if (step.choices) {
      if (recorded.result.outcome !== 'rows') {
        problems.push(`steps[${i}].choices: the step returned no rows when recorded (${recorded.result.outcome})`);
      } else {
        const actual = rowsText(recorded.result.rows);
        const matching = step.choices.filter((c) => c === actual).length;
        if (matching !== 1)
          problems.push(
            `steps[${i}].choices: exactly one choice must read "${actual}", as the server returned; ${matching} do`,
          );
      }
    }
  });
  for (const n of pending) problems.push(`steps[${n - 1}]: blocked and never finished: add the step that releases it`);
  return problems;
}
