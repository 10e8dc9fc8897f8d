/**
 * The environment `astro build` runs with (src/cli/build.ts, and the build benchmark): the native allocators told to
 * give freed memory back. glibc's malloc keeps two arenas instead of one per thread (`MALLOC_ARENA_MAX`), and
 * mimalloc, in the bundler's native code, returns freed pages at once (`MIMALLOC_PURGE_DELAY`): the bundler's
 * memory, freed once the server code is written, no longer stays resident while the pages render. Each took about
 * 150 MB off the peak at 2,000 topics, both together 200 MB (docs/benchmarks.md, "Measured choices"). Both are read when the
 * process starts, so they cannot be set from astro.config.mjs; a value already in the environment is kept.
 */
const ALLOCATOR_ENV = { MALLOC_ARENA_MAX: '2', MIMALLOC_PURGE_DELAY: '0' } as const;

/** `env` with the allocator settings added where it has none of its own. */
export const withAllocatorEnv = (env: NodeJS.ProcessEnv): NodeJS.ProcessEnv => ({ ...ALLOCATOR_ENV, ...env });
