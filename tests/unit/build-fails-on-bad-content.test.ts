/**
 * The real build stops on bad content. Astro 7 itself only logs a broken reference and exits 0;
 * this runs `astro build` on a content tree with one and expects a non-zero exit naming the file and field.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

it('astro build exits non-zero on a broken reference and names the file and field', () => {
  const root = mkdtempSync(join(tmpdir(), 'atlas-build-'));
  try {
    cpSync(join(import.meta.dirname, '../fixtures/valid'), join(root, 'content'), { recursive: true });
    const file = join(root, 'content/questions/fixture-what-is-jwt.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace('topics: [jwt]', 'topics: [jwt, no-such-topic]'));
    let output = '';
    let status = 0;
    try {
      execFileSync('npx', ['astro', 'build', '--outDir', join(root, 'dist')], {
        env: { ...process.env, ATLAS_CONTENT_DIR: join(root, 'content'), FORCE_COLOR: '0' },
        encoding: 'utf8',
        stdio: 'pipe',
      });
    } catch (error) {
      const e = error as { status: number; stdout: string; stderr: string };
      status = e.status;
      output = `${e.stdout}${e.stderr}`;
    }
    expect(status).not.toBe(0);
    expect(output).toMatch(/content\/questions\/fixture-what-is-jwt\.mdx: topics\[1\]: refers to topic "no-such-topic", which does not exist/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
