/**
 * Real `astro build` runs on the fixture content tree: bad content stops the build (Astro 7 itself only logs a
 * broken reference and exits 0), and an alias becomes a redirect page from the old URL. `npm run content:check`
 * runs Astro's content layer the same way and names the file and field of every kind of problem.
 *
 * The builds run in a copy of the project (its node_modules linked), so the files Astro generates in `.astro/`
 * for the fixture never replace the project's own while `astro check` reads them beside the unit tests.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { edit, VALID } from './content-fixture.ts';

const root = mkdtempSync(join(tmpdir(), 'atlas-build-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const project = join(root, 'project');
mkdirSync(project);
for (const entry of ['src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json'])
  cpSync(entry, join(project, entry), { recursive: true });
symlinkSync(join(process.cwd(), 'node_modules'), join(project, 'node_modules'));

function run(command: string, args: string[], content: string): { status: number; output: string } {
  try {
    const output = execFileSync(command, args, {
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
const build = (content: string, outDir: string) => run('npx', ['astro', 'build', '--outDir', outDir], content);

/** A copy of the valid fixture tree, changed by `mutate`. */
function brokenTree(name: string, mutate: (content: string) => void): string {
  const content = join(root, name);
  cpSync(VALID, content, { recursive: true });
  mutate(content);
  return content;
}

it('builds the valid fixture set, with a redirect page for each alias', () => {
  const out = join(root, 'valid-dist');
  const { status, output } = build(VALID, out);
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
  const content = brokenTree('content', (r) =>
    edit(r, 'questions/fixture-what-is-jwt.md', 'topics: [jwt]', 'topics: [jwt, no-such-topic]'),
  );
  const { status, output } = build(content, join(root, 'broken-dist'));
  expect(status).not.toBe(0);
  expect(output).toMatch(
    /content\/questions\/fixture-what-is-jwt\.md: topics\[1\]: refers to topic "no-such-topic", which does not exist/,
  );
}, 120_000);

it('content:check names the file and field of each kind of problem, as Astro read the files', () => {
  const content = brokenTree('content-check', (r) => {
    edit(r, 'topics/sql.mdx', 'hours: 10\n', '');
    edit(r, 'topics/sql.mdx', 'SQL fixture topic.', 'SQL fixture <b>topic.');
    edit(r, 'questions/fixture-sql-join.md', 'difficulty: junior', 'difficulty: expert');
    edit(r, 'projects/fixture-api.md', 'topics: [http, sql]', 'topics: [http, sqll]');
    edit(r, 'topics/jwt.md', 'aliases: [json-web-tokens]', 'aliases: [json-web-tokens, http]');
    edit(r, 'roadmaps/fixture-basics.md', 'order: 1', 'order: 1\nprerequisites: [fixture-next]');
    edit(r, 'comparisons/fixture-stores.yaml', 'updated: 2026-11-01', 'updated: 2026-02-30');
    mkdirSync(join(r, 'topics/archive'));
    cpSync(join(r, 'topics/http.md'), join(r, 'topics/archive/http.md'));
  });
  const { status, output } = run(process.execPath, ['src/cli/check-content.ts', content], content);
  expect(status, output).toBe(1);
  for (const line of [
    /content-check\/topics\/sql\.mdx: hours: is required but missing/,
    /content-check\/topics\/sql\.mdx: body: MDX syntax error at line 18, column 13/,
    /content-check\/questions\/fixture-sql-join\.md: difficulty: Invalid option: expected one of "junior"\|"mid"\|"senior"/,
    /content-check\/projects\/fixture-api\.md: topics\[1\]: refers to topic "sqll", which does not exist/,
    /content-check\/topics\/jwt\.md: aliases\[1\]: alias "http" is the id of .*topics\/archive\/http\.md/,
    /content-check\/topics\/http\.md: \(file name\): duplicate topic id "http": .*topics\/archive\/http\.md has it too/,
    /content-check\/roadmaps\/fixture-basics\.md: prerequisites: roadmap prerequisites form a cycle/,
    /content-check\/comparisons\/fixture-stores\.yaml: updated: is not a day of the calendar/,
  ])
    expect(output).toMatch(line);
}, 120_000);
