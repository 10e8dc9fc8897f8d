/**
 * The deliberate faults of the reference servers (tests/fixtures/servers/<project>/): each server's `BROKEN=<fault>`
 * switches, read from its source, and the checks each must fail, recorded in faults.json beside it as
 * `{ "<language>": { "<fault>": ["2.3"] } }`. `npm run projects:check -- --faults` runs them all and compares;
 * `--write` records what it found. The unit tests hold every server to its record.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SERVERS_DIR = 'tests/fixtures/servers';

/**
 * A server's faults, by name, as its source tests them: `BROKEN === 'x'` or `!==` (Node, Python), `$broken === 'x'`
 * (PHP), or the keys of an object looked up by it (`{ 'x': … }[BROKEN]`).
 */
export function faultsIn(project: string, file: string): string[] {
  const text = readFileSync(join(SERVERS_DIR, project, file), 'utf8');
  const compared = [...text.matchAll(/\$?(?:BROKEN|broken)\s*[!=]==?\s*['"]([a-z0-9-]+)['"]/g)].map((m) => m[1]!);
  const keyed = [...text.matchAll(/\{([^{}]*)\}\[BROKEN\]/g)].flatMap((m) =>
    [...m[1]!.matchAll(/['"]([a-z0-9-]+)['"]\s*:/g)].map((k) => k[1]!),
  );
  return [...new Set([...compared, ...keyed])].sort();
}

export type FaultRecord = Record<string, Record<string, string[]>>;

const recordFile = (project: string) => join(SERVERS_DIR, project, 'faults.json');

/** The checks each fault of a project's servers must fail, by language; empty when none are recorded. */
export const readFaults = (project: string): FaultRecord =>
  existsSync(recordFile(project)) ? (JSON.parse(readFileSync(recordFile(project), 'utf8')) as FaultRecord) : {};

export function writeFaults(project: string, record: FaultRecord) {
  writeFileSync(recordFile(project), `${JSON.stringify(record, null, 2)}\n`);
}
