/**
 * How the labs start Postgres in PGlite (in the page's workers and in Node alike): PGlite's own start parameters,
 * and 16 MB of shared buffers instead of the cluster's 128 MB. A lab's data fits in 16 MB many times over, while
 * Postgres allocates and zeroes all of its shared memory at every start (figures in docs/benchmarks.md, "Lab start").
 */
import { PGlite } from '@electric-sql/pglite';

export const LAB_START_PARAMS: string[] = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];
