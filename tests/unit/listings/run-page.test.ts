/**
 * The listing check runs a page's listings for real (Node, python3, bash and PGlite) and holds each to the output
 * its page shows; a changed output, a crash or a listing that hangs fails it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageListings } from '../../../src/lib/listings/listings.ts';
import { runPage } from '../../../src/lib/listings/run.ts';

const fence = '```';
const block = (info: string, body: string) => `${fence}${info}\n${body}\n${fence}\n`;

const PAGE = [
  block(
    'js',
    "const total = [1, 2, 3].reduce((a, b) => a + b);\nconsole.log(`total ${total}`);\nconsole.error('to stderr');",
  ),
  'It prints:',
  block('text', 'total 6\nto stderr'),
  block('python', 'import json\nprint(json.dumps({"b": 1, "a": [1, 2]}, sort_keys=True))'),
  block('text', '{"a": [1, 2], "b": 1}'),
  block(
    'js file=server.mjs background',
    "import { createServer } from 'node:http';\nimport { writeFileSync } from 'node:fs';\nconst server = createServer((req, res) => res.end(`hello ${req.url}\\n`));\nserver.listen(0, '127.0.0.1', () => {\n  writeFileSync('port.txt', String(server.address().port));\n  console.log('listening');\n});",
  ),
  'The server writes its port; ask it something:',
  block('bash', 'echo "asked at $(date -u +%FT%TZ)"\ncurl -s "127.0.0.1:$(cat port.txt)/orders"'),
  block('text vary=dates', 'asked at 2026-11-27T10:00:00Z\nhello /orders'),
  block(
    'sql',
    "CREATE TABLE orders (id int PRIMARY KEY, customer text, total numeric(8,2));\nINSERT INTO orders VALUES (1, 'ana', 12.50), (2, 'bo', 7.00), (3, 'ana', 30.00);",
  ),
  block(
    'sql',
    'VACUUM ANALYZE orders;\nSELECT customer, sum(total) AS spent, count(*) AS orders FROM orders GROUP BY customer ORDER BY customer;',
  ),
  block(
    'text',
    ' customer | spent | orders\n----------+-------+--------\n ana      | 42.50 |      2\n bo       |  7.00 |      1\n(2 rows)',
  ),
  block('python exit=3', 'import sys\nprint("refused")\nsys.exit(3)'),
  block('text', 'refused'),
].join('\n');

const run = (page: string) => runPage(pageListings(page).listings, mkdtempSync(join(tmpdir(), 'listings-')));

describe('runPage', () => {
  it('passes a page whose listings print what it shows', async () => {
    const results = await run(PAGE);
    expect(results.map((r) => [r.listing.line, r.verdict])).toEqual(
      results.map((r) => [r.listing.line, { status: 'passed' }]),
    );
    expect(results).toHaveLength(5);
  }, 60_000);

  it('fails a changed output with a diff, a wrong exit status, and reports a marked listing with its reason', async () => {
    const page = PAGE.replace(' ana      | 42.50 |      2', ' ana      | 42.00 |      2')
      .replace('python exit=3', 'python')
      .replace('{"a": [1, 2], "b": 1}', '{"b": 1, "a": [1, 2]}')
      .replace(`${fence}js\n`, `${fence}js norun="needs a Kafka broker"\n`);
    const verdicts = (await run(page)).map((r) => r.verdict);
    expect(verdicts[0]).toEqual({ status: 'marked', reason: 'needs a Kafka broker' });
    expect(verdicts[1]).toMatchObject({ status: 'failed' });
    expect(verdicts[1]).toHaveProperty('message', expect.stringContaining('- {"b": 1, "a": [1, 2]}'));
    expect(verdicts[2]).toEqual({ status: 'passed' });
    expect(verdicts[3]).toHaveProperty('message', expect.stringContaining('-  ana      | 42.00 |      2'));
    expect(verdicts[4]).toHaveProperty('message', expect.stringMatching(/^exited with 3, not 0/));
  }, 60_000);

  it('runs a file through a later shell listing, with arguments', async () => {
    const page = [
      block('python file=greet.py', 'import sys\nprint("hello", sys.argv[1])'),
      block('bash', 'python3 greet.py ana'),
      block('text', 'hello ana'),
    ].join('\n');
    expect((await run(page)).map((r) => r.verdict)).toEqual([{ status: 'passed' }]);
  }, 30_000);

  it('runs a listing as a learner terminal would, without the variables that tell tools they run under CI or npm', async () => {
    // pytest, for one, prints whole summary lines under CI; the check in CI must see what a laptop prints.
    // `npm run -s` likewise sets npm_config_loglevel=silent, which silenced an `npm install` in a listing.
    const saved = { CI: process.env.CI, npm_config_loglevel: process.env.npm_config_loglevel };
    Object.assign(process.env, { CI: 'true', npm_config_loglevel: 'silent' });
    try {
      const page = [
        block('bash', 'echo "CI=${CI:-unset} loglevel=${npm_config_loglevel:-unset}"'),
        block('text', 'CI=unset loglevel=unset'),
      ].join('\n');
      expect((await run(page)).map((r) => r.verdict)).toEqual([{ status: 'passed' }]);
    } finally {
      for (const [name, value] of Object.entries(saved))
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
    }
  }, 30_000);

  it('runs a repeat=N listing N times, and fails the run that differs', async () => {
    // Like a random key that breaks the page's step only sometimes: this one prints what the page shows twice only.
    const flaky = 'n=$(cat runs 2>/dev/null || echo 0); echo $((n + 1)) > runs; [ "$n" -lt 2 ] && echo 401 || echo 200';
    const page = (runs: number) => [block(`bash repeat=${runs}`, flaky), block('text', '401')].join('\n');
    expect((await run(page(2))).map((r) => r.verdict)).toEqual([{ status: 'passed' }]);
    expect((await run(page(3)))[0]!.verdict).toHaveProperty('message', expect.stringContaining('(run 3 of 3)'));
  }, 30_000);

  it('runs a page marked postgres on a real server: its SQL through psql, node-postgres through DATABASE_URL', async () => {
    const page = [
      block(
        'sql postgres',
        'CREATE TABLE orders (id int PRIMARY KEY, total numeric);\nINSERT INTO orders VALUES (1, 9.50), (2, 20);',
      ),
      block('sql', 'SELECT count(*) AS orders, sum(total) AS revenue FROM orders;\nSELECT 1/0;'),
      block('text', ' orders | revenue\n--------+---------\n      2 |   29.50\n(1 row)\n\nERROR:  division by zero'),
      block(
        'js',
        "import pg from 'pg';\nconst client = new pg.Client({ connectionString: process.env.DATABASE_URL });\nawait client.connect();\nconst { rows } = await client.query('SELECT current_setting(\\'server_version_num\\')::int >= 150000 AS fifteen_or_later, count(*)::int AS n FROM orders');\nconsole.log(rows[0]);\nawait client.end();",
      ),
      block('text', '{ fifteen_or_later: true, n: 2 }'),
    ].join('\n');
    expect((await run(page)).map((r) => r.verdict)).toEqual([{ status: 'passed' }, { status: 'passed' }]);
    const wrong = page.replace('      2 |   29.50', '      2 |   30.00');
    expect((await run(wrong))[0]!.verdict).toHaveProperty('message', expect.stringContaining('+       2 |   29.50'));
  }, 60_000);
});
