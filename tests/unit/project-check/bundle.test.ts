/**
 * What the checker file carries (src/checker/bundle.ts): every contract, packed, with the OpenAPI documents' prose
 * left out and everything a check or a rule reads kept, a property named `description` among them; and the whole file
 * inside its byte budget.
 */
import { readFileSync } from 'node:fs';
import { brotliDecompressSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { packContracts } from '../../../src/checker/bundle.ts';
import { readContracts } from '../../../src/lib/content/integrity/contracts.ts';
import type { Contract } from '../../../src/lib/project-check/contract.ts';
import { checkerFile } from './checker-bundle.ts';

/** The bound on the file a learner downloads, every project's checks inside. */
const CHECKER_GZIP_BYTES = 150 * 1024;

const { contracts } = await readContracts('content');
const unpacked = JSON.parse(
  brotliDecompressSync(Buffer.from(packContracts(contracts.map((c) => c.contract)), 'base64')).toString(),
) as Contract[];

describe('the contracts the checker file carries', () => {
  it('fit, with the checker, in 150 KB of gzip', async () => {
    const gzip = gzipSync(readFileSync(await checkerFile())).length;
    expect(gzip).toBeLessThanOrEqual(CHECKER_GZIP_BYTES);
  }, 60_000);

  it('are every contract, checks and all', () => {
    expect(unpacked.map((c) => c.project)).toEqual(contracts.map((c) => c.contract.project));
    expect(unpacked.map((c) => c.milestones)).toEqual(contracts.map((c) => c.contract.milestones));
  });

  it('keep the schemas whole but drop the prose that explains them', () => {
    const todo = unpacked.find((c) => c.project === 'to-do-list-api')!;
    const task = todo.openapi.components!.schemas!.Task as { properties: Record<string, object>; description?: string };
    expect(Object.keys(task.properties)).toContain('description');
    expect(task.properties.description).toEqual({ type: ['string', 'null'] });
    expect(JSON.stringify(todo.openapi.paths)).not.toMatch(/"description":"/);
    expect(todo.openapi.info.title).toBe('To-Do List API');
  });
});
