/**
 * A progress link made on one build opens on a later build whose roadmap gained, lost and reordered topics: the small
 * fixture content tree (tests/fixtures/valid) is built twice — as it is, and with its first roadmap edited — each
 * into its own folder, served side by side; the link travels from one to the other.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';
import { encodeShareCodeV1 } from '../../src/lib/progress/progress-link.ts';
import { staticHost } from '../../src/dev/static-host.ts';
import { node, readStoreIfAny } from './learner.ts';

const ROADMAP = '/roadmaps/fixture-basics/';
/** Made by the worker that runs these tests (every worker loads this file), removed after them. */
let root = '';
const servers: Server[] = [];
const origins: { before: string; after: string } = { before: '', after: '' };

/** The fixture tree, made buildable: topics the fixture leaves without a self-check get one of schema length. */
function fixtureTree(dir: string) {
  cpSync(join(import.meta.dirname, '../fixtures/valid'), dir, { recursive: true });
  for (const name of readdirSync(join(dir, 'topics'))) {
    const file = join(dir, 'topics', name);
    const text = readFileSync(file, 'utf8');
    if (text.includes('selfCheck:')) continue;
    const items = [1, 2, 3].map(
      (i) =>
        `  - { question: "Which trade-off of this fixture topic does check ${i} ask about?", answer: "The one the fixture names in check ${i}: a test needs text long enough to pass the schema." }\n`,
    );
    writeFileSync(file, text.replace('\n---\n', `\nselfCheck:\n${items.join('')}---\n`));
  }
}

/** The same tree a release later: the first roadmap loses HTTP, gains DNS, and lists its topics in another order. */
function editedTree(dir: string) {
  fixtureTree(dir);
  const http = readFileSync(join(dir, 'topics/http.md'), 'utf8');
  writeFileSync(
    join(dir, 'topics/dns.md'),
    http
      .replace('title: HTTP', 'title: DNS')
      .replace(/summary: .*/, 'summary: How names on the internet turn into addresses a client can connect to.'),
  );
  const file = join(dir, 'roadmaps/fixture-basics.md');
  writeFileSync(
    file,
    readFileSync(file, 'utf8').replace(
      'topics: [http, { topic: jwt, optional: true }]',
      'topics: [{ topic: jwt, optional: true }, dns]',
    ),
  );
}

function build(content: string, outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // What `npm run build` runs, into outDir: Astro's pages, then the search index and the offline files.
    const child = spawn('sh', ['-c', 'npx astro build --outDir "$OUT" && node src/cli/after-build.ts --dir "$OUT"'], {
      env: { ...process.env, ATLAS_CONTENT_DIR: content, ATLAS_TOPIC_FLOORS: 'off', OUT: outDir, FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) =>
      code === 0 && existsSync(join(outDir, 'roadmaps/fixture-basics/index.html'))
        ? resolve()
        : reject(new Error(`build of ${content} failed:\n${output.slice(-3000)}`)),
    );
  });
}

/** A static server for one build folder, on a free port of 127.0.0.1. */
async function serve(dir: string): Promise<string> {
  const server = staticHost(() => dir);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  root = mkdtempSync(join(tmpdir(), 'atlas-share-'));
  fixtureTree(join(root, 'before'));
  editedTree(join(root, 'after'));
  // One after the other: two builds at once would only fight over the same two cores.
  await build(join(root, 'before'), join(root, 'before-dist'));
  await build(join(root, 'after'), join(root, 'after-dist'));
  origins.before = await serve(join(root, 'before-dist'));
  origins.after = await serve(join(root, 'after-dist'));
});

test.afterAll(() => {
  for (const server of servers) server.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

test('a progress link made before the roadmap changed shows the states of the topics still on it', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`${origins.before}${ROADMAP}`);
  for (const [id, key] of [
    ['http', 'd'],
    ['jwt', 'd'],
    ['sql', 'l'],
    ['caching-strategies', 's'],
  ] as const) {
    await node(page, id).locator('.rg-topic-link').focus();
    await page.keyboard.press(key);
  }
  await page.locator('[data-tools] summary').click(); // the share, reset and offline controls are one step away
  await page.getByRole('button', { name: 'Copy progress link' }).click();
  const link = await page.getByRole('textbox', { name: 'Progress link' }).inputValue();
  const hash = new URL(link).hash;
  expect(hash).toMatch(/^#share=2\.4\.[A-Za-z0-9_-]{16}$/);

  const later = await context.newPage();
  await later.goto(`${origins.after}${ROADMAP}${hash}`);
  await expect(later.getByText('You are looking at progress someone shared with you')).toBeVisible();
  await expect(node(later, 'jwt')).toHaveAttribute('data-state', 'done');
  await expect(node(later, 'sql')).toHaveAttribute('data-state', 'learning');
  await expect(node(later, 'caching-strategies')).toHaveAttribute('data-state', 'skipped');
  await expect(node(later, 'dns')).not.toHaveAttribute('data-state');
  await expect(later.locator('.rg-topic[id="http"]')).toHaveCount(0);
  await expect(later.locator('[data-notice]')).toHaveText(
    'The roadmap has changed since the link was made: 1 topic in it is no longer on it.',
  );
  await later.getByRole('button', { name: 'Import into my progress' }).click();
  await expect
    .poll(async () => (await readStoreIfAny(later))?.topics)
    .toEqual({ jwt: 'done', sql: 'learning', 'caching-strategies': 'skipped' });
});

test('a link in the older positional format still opens while its roadmap is unchanged, and says so once it has changed', async ({
  page,
}) => {
  const before = ['http', 'jwt', 'sql', 'caching-strategies'];
  const hash = `#share=${encodeShareCodeV1(before, { http: 'done', sql: 'learning' })}`;
  await page.goto(`${origins.before}${ROADMAP}${hash}`);
  await expect(node(page, 'http')).toHaveAttribute('data-state', 'done');
  await expect(node(page, 'sql')).toHaveAttribute('data-state', 'learning');
  await page.goto(`${origins.after}${ROADMAP}${hash}`);
  await expect(page.locator('[data-notice]')).toContainText('the roadmap has changed since the link was made');
});
