/**
 * `node src/cli/with-cpu-time.ts <file> <command> [args…]`: runs the command and, when it ends, writes to <file> the
 * CPU seconds (user + system) of the command and of every process under it that was waited for — Vitest's forks,
 * Playwright's workers, Chromium's renderers. Linux accounts an ended child's time, with its own children's, to the
 * parent that waits for it; this process is that parent, so /proc/self/stat's cutime + cstime is the stage's worker
 * time. `npm test` prints it beside each stage's wall time (src/cli/run-tests.ts). Without /proc, no file is written.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

/** Linux's clock ticks a second (`getconf CLK_TCK`): 100 on every kernel this project runs on. */
const TICKS_A_SECOND = 100;

/** CPU seconds of this process's waited-for children, or undefined off Linux. */
export function childrenCpuSeconds(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // Fields after the command name (which may hold spaces): state is field 3, cutime 16 and cstime 17.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / TICKS_A_SECOND;
  } catch {
    return undefined;
  }
}

const [out, command, ...args] = process.argv.slice(2);
if (!out || !command) {
  console.error('usage: node src/cli/with-cpu-time.ts <file> <command> [args…]');
  process.exit(2);
}
const child = spawn(command, args, { stdio: 'inherit' });
// The stage's own signals (Ctrl-C reaches the whole process group) end it; this process waits for it to go.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('error', (error) => {
  console.error(error.message);
  process.exit(1);
});
child.on('close', (code, signal) => {
  const seconds = childrenCpuSeconds();
  if (seconds !== undefined) writeFileSync(out, String(seconds));
  process.exit(code ?? (signal ? 1 : 0));
});
