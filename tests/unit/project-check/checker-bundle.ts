/**
 * The checker file the site serves, bundled once per test worker into a temporary folder (src/checker/bundle.ts),
 * and a way to run it as a learner does: `node atlas-check.mjs …`, with its output, errors and exit code.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleChecker } from '../../../src/checker/bundle.ts';
import { readContracts } from '../../../src/lib/content/integrity/contracts.ts';

let bundled: Promise<string> | undefined;

/** The path of the bundled checker, made on first use. */
export function checkerFile(): Promise<string> {
  bundled ??= (async () => {
    const { contracts, issues } = await readContracts('content');
    if (issues.length > 0) throw new Error(`The contracts have problems: ${JSON.stringify(issues)}`);
    const file = join(mkdtempSync(join(tmpdir(), 'atlas-checker-')), 'atlas-check.mjs');
    writeFileSync(
      file,
      await bundleChecker(
        contracts.map((c) => c.contract),
        'https://atlas.test',
      ),
    );
    return file;
  })();
  return bundled;
}

/** Runs the checker with `args` to the end, stdin closed; what it printed and its exit code. */
export async function runChecker(args: string[]): Promise<{ out: string; err: string; code: number | null }> {
  const child = spawn(process.execPath, [await checkerFile(), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { out, err, code };
}
