/**
 * Real `astro build` runs on the fixture content tree: bad content stops the build (Astro 7 itself only logs a
 * broken reference and exits 0), and an alias becomes a redirect page from the old URL.
 *
 * The builds run in a copy of the project (its node_modules linked), so the files Astro generates in `.astro/`
 * for the fixture never replace the project's own while `astro check` reads them beside the unit tests.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';

const root = mkdtempSync(join(tmpdir(), 'atlas-build-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const project = join(root, 'project');
mkdirSync(project);
for (const entry of ['src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json'])
  cpSync(entry, join(project, entry), { recursive: true });
symlinkSync(join(process.cwd(), 'node_modules'), join(project, 'node_modules'));

function build(content: string, outDir: string): { status: number; output: string } {
  try {
    const output = execFileSync('npx', ['astro', 'build', '--outDir', outDir], {
      cwd: project,
      env: { ...process.env, ATLAS_CONTENT_DIR: content, ATLAS_TOPIC_FLOORS: 'off', FORCE_COLOR: '0' },
      encoding: 'utf8',
      stdio: 'pipe',
    });
    return { status: 0, output };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { status: e.status, output: `${e.stdout}${e.stderr}` };
  }
}

it('builds the valid fixture set, with a redirect page for each alias', () => {
  const out = join(root, 'valid-dist');
  const { status, output } = build(join(import.meta.dirname, '../../fixtures/valid'), out);
  expect(status, output).toBe(0);
  const redirect = readFileSync(join(out, 'topics/json-web-tokens/index.html'), 'utf8');
  expect(redirect).toContain('<meta http-equiv="refresh" content="0;url=/topics/jwt/">');
  expect(redirect).toMatch(/<link rel="canonical" href="https?:\/\/[^"]+\/topics\/jwt\/">/);
  expect(readFileSync(join(out, 'sitemap-0.xml'), 'utf8')).not.toContain('json-web-tokens');
  // The self-check: a heading, one closed <details> per question, backticks as <code>, markup escaped, no inline style.
  const topic = readFileSync(join(out, 'topics/jwt/index.html'), 'utf8');
  const check = /<section[^>]*aria-labelledby="check-yourself"[^>]*>([\s\S]*?)<\/section>/.exec(topic)?.[1] ?? '';
  expect(check).toMatch(/<h2 id="check-yourself"[^>]*>Check yourself<\/h2>/);
  expect(check.match(/<details[ >]/g)).toHaveLength(3);
  expect(check).toMatch(
    /<summary[^>]*>Why must a verifier pin the accepted algorithms instead of trusting the <code[^>]*>alg<\/code> header\?<\/summary>/,
  );
  expect(check).toContain('&lt;script&gt;</code>');
  expect(check).not.toContain('<script');
  expect(check).not.toMatch(/\sstyle=/);
  // Plain prose is rendered at content sync (the src/markdown/ plugins, astro.config.mjs): heading ids, highlighted code, a table of contents.
  const http = readFileSync(join(out, 'topics/http/index.html'), 'utf8');
  expect(http).toContain('<h2 id="why-it-matters">Why it matters</h2>');
  expect(http).toMatch(
    /<pre class="code-block" tabindex="0" data-lang="http"><code class="language-http">.*<span class="tk-/,
  );
  expect(http).toMatch(/<a href="#how-it-is-used"[^>]*>How it is used<\/a>/);
  // Prose that uses MDX features is left to the MDX integration, which renders its elements and expressions.
  const sql = readFileSync(join(out, 'topics/sql/index.html'), 'utf8');
  expect(sql).toContain('a <abbr title="Structured Query Language">SQL</abbr> element and an expression, 42.');
}, 120_000);

it('exits non-zero on a broken reference and names the file and field', () => {
  const content = join(root, 'content');
  cpSync(join(import.meta.dirname, '../../fixtures/valid'), content, { recursive: true });
  const file = join(content, 'questions/fixture-what-is-jwt.md');
  writeFileSync(file, readFileSync(file, 'utf8').replace('topics: [jwt]', 'topics: [jwt, no-such-topic]'));
  const { status, output } = build(content, join(root, 'broken-dist'));
  expect(status).not.toBe(0);
  expect(output).toMatch(
    /content\/questions\/fixture-what-is-jwt\.md: topics\[1\]: refers to topic "no-such-topic", which does not exist/,
  );
}, 120_000);
