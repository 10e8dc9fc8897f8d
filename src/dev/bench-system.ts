/**
 * What the build benchmark (src/cli/bench-build.ts) reads off the machine and sets up on it: a build's process tree
 * (from /proc) sampled for memory and CPU, the pages a build wrote, and a project's node_modules linked rather than
 * copied.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { withAllocatorEnv } from '../lib/build/allocator-env.ts';
import { type BuildRun, completionWatcher, cpuTicks, readBuildLog, rssBytes } from './build-bench.ts';
import { childEnv } from '../environment.ts';

/** Astro's command line, run with Node in a project's folder. */
export const ASTRO = 'node_modules/astro/bin/astro.mjs';
/** Seconds a build may stay alive after printing "Complete!" before it is ended (Astro sometimes lingers). */
const LINGER_SECONDS = 10;
/** Clock ticks per second of /proc/<pid>/stat times. */
const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/** A node_modules folder of links to every package in `from`, without the caches (dot folders) that live there. */
export function linkPackages(from: string, to: string): void {
  mkdirSync(to);
  for (const name of readdirSync(from)) if (!name.startsWith('.')) symlinkSync(resolve(from, name), join(to, name));
}

/** Every process in the tree under `pid`, `pid` included. */
function processTree(pid: number): number[] {
  const children = (p: number) => {
    try {
      return readdirSync(`/proc/${p}/task`).flatMap((t) =>
        readFileSync(`/proc/${p}/task/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number),
      );
    } catch {
      return [];
    }
  };
  const all = [pid];
  for (let i = 0; i < all.length; i++) all.push(...children(all[i]!));
  return all;
}

const countHtml = (dir: string): number =>
  readdirSync(dir).reduce((n, name) => {
    const path = join(dir, name);
    return n + (statSync(path).isDirectory() ? countHtml(path) : name.endsWith('.html') ? 1 : 0);
  }, 0);

/** The /proc texts of a process tree that still exist (a process may end between listing and reading). */
const procTexts = (tree: number[], file: string) =>
  tree.flatMap((pid) => {
    try {
      return [readFileSync(`/proc/${pid}/${file}`, 'utf8')];
    } catch {
      return [];
    }
  });

/**
 * Runs a Node script in `root` and samples the resident memory and CPU of its whole process tree every 200 ms;
 * `astro build` is timed to its "Complete!" (Astro sometimes lingers, and is ended), anything else to its exit.
 * `ours` runs `astro build` as `npm run build` does (src/cli/build.ts), with its allocator settings.
 */
export function runSampled(root: string, script: string[], ours = true): Promise<BuildRun & { output: string }> {
  const astro = script[0] === ASTRO;
  return new Promise((done, fail) => {
    const started = performance.now();
    const base = childEnv({ FORCE_COLOR: '0' });
    const env = ours && astro ? withAllocatorEnv(base) : base;
    delete env.ATLAS_CONTENT_DIR;
    const child = spawn(process.execPath, script, {
      cwd: root,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const chunks: Buffer[] = [];
    const completes = completionWatcher();
    let seconds: number | undefined;
    let peakBytes = 0;
    let ticks = 0;
    const sampler = setInterval(() => {
      const tree = processTree(child.pid!);
      peakBytes = Math.max(peakBytes, rssBytes(procTexts(tree, 'status')));
      ticks = Math.max(
        ticks,
        procTexts(tree, 'stat').reduce((sum, stat) => sum + cpuTicks(stat), 0),
      );
    }, 200);
    const onOutput = (chunk: Buffer) => {
      chunks.push(chunk);
      if (!astro || seconds !== undefined || !completes(chunk.toString('utf8'))) return;
      seconds = (performance.now() - started) / 1000;
      setTimeout(() => {
        if (child.exitCode !== null) return;
        console.log(`  (astro build stayed alive ${LINGER_SECONDS} s after "Complete!"; ending it)`);
        process.kill(-child.pid!, 'SIGTERM');
      }, LINGER_SECONDS * 1000).unref();
    };
    child.stdout.on('data', onOutput);
    child.stderr.on('data', onOutput);
    child.on('close', (code) => {
      clearInterval(sampler);
      const output = Buffer.concat(chunks).toString('utf8');
      if (!astro) seconds = (performance.now() - started) / 1000;
      if (seconds === undefined || (astro ? !readBuildLog(output).complete : code !== 0))
        return fail(new Error(`${script.join(' ')} in ${root} failed (exit ${code}):\n${output.slice(-4000)}`));
      done({ pages: countHtml(join(root, 'dist')), seconds, cpuSeconds: ticks / CLOCK_TICKS, peakBytes, output });
    });
  });
}
