/**
 * `npm run build`: `astro build` with the allocator settings of src/lib/build/allocator-env.ts, then, once it has
 * exited, the search index and offline files (src/cli/after-build.ts) in a process of their own, so Pagefind's
 * memory never adds to Astro's. Arguments are passed to `astro build`.
 */
import { spawnSync } from 'node:child_process';
import { withAllocatorEnv } from '../lib/build/allocator-env.ts';
import { childEnv } from '../environment.ts';

const steps = [
  {
    script: ['node_modules/astro/bin/astro.mjs', 'build', ...process.argv.slice(2)],
    env: withAllocatorEnv(childEnv()),
  },
  { script: ['src/cli/after-build.ts'], env: childEnv() },
];
for (const { script, env } of steps) {
  const { status, signal } = spawnSync(process.execPath, script, { stdio: 'inherit', env });
  if (status !== 0) process.exit(status ?? (signal ? 1 : 0));
}
