/**
 * A CPU slowed `rate` times for a page and its workers, for `npm run measure`. Chromium's own throttling
 * (Emulation.setCPUThrottlingRate) suspends the page's main thread only, and a worker's target refuses it ("only
 * supported for pages, not workers"): under it a worker even ran faster, on the cores the page left idle. So this
 * slows the whole renderer process (page and workers): after each PERIOD it runs, it is stopped (SIGSTOP) for
 * rate - 1 times the longest its busiest thread ran or waited for a core meanwhile, so its work takes rate times as
 * long under the same load; an idle renderer (waiting for the network) is not stopped. Stopping it for a fixed share
 * of wall time, or for its CPU time alone, slowed nothing on this loaded machine: the scheduler gives a stopped
 * process back its turns, and the waiting for a core dwarfs the CPU time. Linux only (/proc/…/schedstat);
 * renderers found as this process's descendants whose command line says `--type=renderer`.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** How long the renderers run between stops, in ms. */
const PERIOD = 50;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends `signal` to each process, skipping one that has ended. */
function signalAll(pids: number[], signal: NodeJS.Signals) {
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      // A renderer that ended (a page closed) is no longer there to slow.
    }
  }
}

/** Each thread's time running or waiting for a core so far, in ms, by thread id (Linux's /proc/…/schedstat). */
function busyTimes(pids: number[]): Map<string, number> {
  const times = new Map<string, number>();
  for (const pid of pids) {
    try {
      for (const tid of readdirSync(`/proc/${pid}/task`)) {
        const [run, wait] = readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ').map(Number);
        times.set(tid, (run! + wait!) / 1e6);
      }
    } catch {
      // A renderer or thread that ended has nothing more to slow.
    }
  }
  return times;
}

/** The longest time one thread ran or waited to run between two readings of busyTimes. */
const busiest = (before: Map<string, number>, after: Map<string, number>) =>
  Math.max(0, ...[...after].map(([tid, ms]) => ms - (before.get(tid) ?? 0)));

/** The pids of Chromium's renderer processes this process started (through its browser and zygote processes). */
function renderers(): number[] {
  const parents = new Map<number, number>();
  const commands = new Map<number, string>();
  for (const name of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      parents.set(Number(name), Number(readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]));
      commands.set(Number(name), readFileSync(`/proc/${name}/cmdline`, 'utf8'));
    } catch {
      // A process that ended meanwhile.
    }
  }
  const ours = (pid: number): boolean => pid === process.pid || (pid > 1 && ours(parents.get(pid) ?? 0));
  return [...commands].filter(([pid, command]) => command.includes('--type=renderer') && ours(pid)).map(([pid]) => pid);
}

/** Slows every renderer process this process has started so far `rate` times until the returned function is called (1: no-op). */
export function throttleRenderers(rate: number): () => Promise<void> {
  if (rate <= 1) return () => Promise.resolve();
  let running = true;
  // Read once: the page's workers run in its renderer, which exists already.
  const pids = renderers();
  const cycles = (async () => {
    while (running) {
      const [busy, wall] = [busyTimes(pids), performance.now()];
      await sleep(PERIOD);
      const used = Math.min(busiest(busy, busyTimes(pids)), performance.now() - wall);
      if (!running) break;
      signalAll(pids, 'SIGSTOP');
      await sleep((rate - 1) * used);
      signalAll(pids, 'SIGCONT');
    }
  })();
  return async () => {
    running = false;
    await cycles;
  };
}
