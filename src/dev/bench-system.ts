/**
 * What the build benchmark (src/cli/bench-build.ts) reads off the machine and sets up on it: the process tree of a
 * build (from /proc), the pages a build wrote, and a project's node_modules linked rather than copied.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** A node_modules folder of links to every package in `from`, without the caches (dot folders) that live there. */
export function linkPackages(from: string, to: string): void {
  mkdirSync(to);
  for (const name of readdirSync(from)) if (!name.startsWith('.')) symlinkSync(resolve(from, name), join(to, name));
}

/** Every process in the tree under `pid`, `pid` included. */
export function processTree(pid: number): number[] {
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

export const countHtml = (dir: string): number =>
  readdirSync(dir).reduce((n, name) => {
    const path = join(dir, name);
    return n + (statSync(path).isDirectory() ? countHtml(path) : name.endsWith('.html') ? 1 : 0);
  }, 0);
