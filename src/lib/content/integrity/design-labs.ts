/**
 * A design lab's `measured` lines are lines of the design language (`cdn hits 95 %`), read by the simulator's own
 * parameter table, so the lab's facts cannot say what the simulator would not parse. Checked here and not in the
 * schema: the schemas sit below src/lib/ and import nothing from it.
 */
import { measuredLineProblem } from '../../labs/design/index.ts';
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
