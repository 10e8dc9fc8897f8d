/**
 * A design lab's `measured` lines are lines of the design language (`cdn hits 95 %`), read by the simulator's own
 * parameter table, so the lab's facts cannot say what the simulator would not parse. Checked here and not in the
 * schema: the schemas sit below src/lib/ and import nothing from it. A design lab's deep dives lead to labs that
 * build something, not to another design (whether each lab exists is references.ts's check, as for every link).
 */
import { measuredLineProblem, modelProblems, unaimedFaults, type ApiModelSpec } from '../../labs/design/index.ts';
import type { ContentIssue, ParsedEntry } from './entries.ts';

/** Each line of a design lab's `measured` list, as the simulator would read it. */
export function checkDesignMeasured(parsed: readonly ParsedEntry[]): ContentIssue[] {
  return parsed.flatMap(({ entry, data }) =>
    entry.collection === 'labs' && data.language === 'design' && Array.isArray(data.measured)
      ? (data.measured as string[]).flatMap((line, i) => {
          const message = measuredLineProblem(line);
          return message === undefined ? [] : [{ file: entry.file, field: `measured[${i}]`, message }];
        })
      : [],
  );
}

/** Each deep dive of a design lab names a lab of another kind: the step is to build the part, not to design again. */
export function checkDesignDeepDives(parsed: readonly ParsedEntry[]): ContentIssue[] {
  const designs = new Set(
    parsed
      .filter(({ entry, data }) => entry.collection === 'labs' && data.language === 'design')
      .map((p) => p.entry.id),
  );
  return parsed.flatMap(({ entry, data }) =>
    entry.collection === 'labs' && Array.isArray(data.deepDives)
      ? (data.deepDives as { lab: { id: string } }[]).flatMap(({ lab }, i) =>
          designs.has(lab.id)
            ? [
                {
                  file: entry.file,
                  field: `deepDives[${i}].lab`,
                  message: `${lab.id} is a design lab; a deep dive leads to a lab that builds the part (SQL, code or API)`,
                },
              ]
            : [],
        )
      : [],
  );
}

/** A design lab's model API and data model meet every need the step checks, in SQL the checker reads whole. */
export function checkDesignApiModel(parsed: readonly ParsedEntry[]): ContentIssue[] {
  return parsed.flatMap(({ entry, data }) =>
    entry.collection === 'labs' && data.language === 'design' && data.apiModel
      ? modelProblems(data.apiModel as ApiModelSpec & { model: string }).map((problem) => ({
          file: entry.file,
          field: 'apiModel.model',
          message: `the model answer ${problem}`,
        }))
      : [],
  );
}

/**
 * Each fault of a design lab's scenarios names a part of its model design (or starter): what kind of part it is tells
 * a design that names its parts otherwise which of its own the fault strikes (simulator/faults.ts).
 */
export function checkDesignFaults(parsed: readonly ParsedEntry[]): ContentIssue[] {
  return parsed.flatMap(({ entry, data }) =>
    entry.collection === 'labs' && data.language === 'design'
      ? unaimedFaults(data as { scenarios?: unknown[]; solution: string; starter: string }).map((message) => ({
          file: entry.file,
          field: 'scenarios',
          message,
        }))
      : [],
  );
}
