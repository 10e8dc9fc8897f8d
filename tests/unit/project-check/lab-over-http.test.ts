/**
 * The request-test engine needs no page: one API lab's hidden tests (api-object-authorization) run through `fetch`
 * against its reference handler served by node:http on loopback, over a real PGlite, and pass; against one of the
 * lab's own wrong answers, served the same way, they fail on the test that names its fault. The hidden tests' SQL
 * and row checks reach the same PGlite the server queries, as a second client would.
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_DIR, readContentDir } from '../../../src/lib/content/content-files.ts';
import { resetDatabase, runSteps, type TestDatabase } from '../../../src/lib/labs/api/api-test.ts';
import type { QueryRecord } from '../../../src/lib/labs/shared/lab-spec.ts';
import type { ApiTest } from '../../../src/lib/labs/api/api-spec.ts';
import { clusterBlob } from '../../../src/lib/labs/database/pglite-cluster.ts';
import { emptyClusterBytes } from '../../../src/lib/labs-node/empty-cluster.ts';
import { fetchTarget } from '../../../src/lib/project-check/fetch-target.ts';

interface Lab {
  setup: string;
  clock: string;
  solution: string;
  requests: ApiTest[];
  wrongAnswers: { why: string; code: string }[];
}
const entry = readContentDir(CONTENT_DIR, ['labs']).find((e) => e.id === 'api-object-authorization');
if (!entry) throw new Error('content/labs/api-object-authorization.md is gone: name another API lab here.');
const lab = entry.data as Lab;

let pg: PGlite;
const dir = mkdtempSync(join(tmpdir(), 'atlas-lab-http-'));
/** The statements the server's handler ran since the last request began. */
let ran: QueryRecord[] = [];

const db: TestDatabase = {
  query: (sql, params) => pg.query<Record<string, unknown>>(sql, params),
  exec: (sql) => pg.exec(sql),
  inTransaction: () => pg.isInTransaction(),
  // One test at a time on its own PGlite: dropping what the last test made is all "as new" needs here.
  renew: async () => {
    await pg.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
  },
};

/** Serves a lab handler module (`export default { fetch(request, env) }`) with node:http, env.db on the PGlite. */
async function serve(code: string, name: string): Promise<{ server: Server; base: URL }> {
  const file = join(dir, `${name}.mjs`);
  writeFileSync(file, code);
  const handler = (await import(pathToFileURL(file).href)) as {
    default: { fetch(request: Request, env: unknown): Promise<Response> };
  };
  const env = {
    db: {
      query: async (sql: string, params: unknown[] = []) => {
        const result = await pg.query<Record<string, unknown>>(sql, params);
        ran.push({ sql, params: params.map((p) => JSON.stringify(p)) });
        return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length, fields: result.fields };
      },
    },
  };
  const server = createServer((req, res) => {
    const request = new Request(`http://lab.test${req.url}`, {
      method: req.method ?? 'GET',
      headers: Object.entries(req.headers).map(([k, v]) => [k, String(v)] as [string, string]),
    });
    handler.default
      .fetch(request, env)
      .then(async (response) => {
        res.writeHead(response.status, Object.fromEntries(response.headers));
        res.end(Buffer.from(await response.arrayBuffer()));
      })
      .catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as { port: number };
  return { server, base: new URL(`http://127.0.0.1:${port}/`) };
}

/** Every hidden test of the lab, through fetch, each on the lab's setup; the names of those that fail, with why. */
async function hiddenTests(base: URL) {
  const http = fetchTarget({ base, timeoutMs: 5000, maxBodyBytes: 1 << 20 });
  const target = {
    ...http,
    send: async (...args: Parameters<typeof http.send>) => {
      ran = [];
      const exchange = await http.send(...args);
      return { ...exchange, queries: ran };
    },
    exec: async (sql: string) => void (await pg.exec(sql)),
    query: async (sql: string) => (await pg.query(sql)).rows,
  };
  const failed: string[] = [];
  for (const test of lab.requests) {
    await resetDatabase(db, lab.setup, test.sql);
    const result = await runSteps(target, test, Date.parse(lab.clock));
    if (!result.passed) failed.push(`${test.name}: ${result.message}`);
  }
  return failed;
}

beforeAll(async () => {
  pg = await PGlite.create({ loadDataDir: (await clusterBlob(emptyClusterBytes))! });
}, 60_000);
afterAll(async () => {
  await pg.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('an API lab’s hidden tests against a real server on loopback', () => {
  it('pass against the reference handler served by node:http', async () => {
    const { server, base } = await serve(lab.solution, 'solution');
    try {
      expect(await hiddenTests(base)).toEqual([]);
      expect(lab.requests.length).toBeGreaterThan(3);
    } finally {
      server.close();
    }
  });

  it('fail against a wrong answer, on the test that names its fault', async () => {
    const wrong = lab.wrongAnswers.find((w) => w.why.startsWith('filters the list by owner'))!;
    const { server, base } = await serve(wrong.code, 'wrong');
    try {
      const failed = await hiddenTests(base);
      expect(failed.length).toBeGreaterThan(0);
      expect(failed.join('\n')).toMatch(/GET \/orders\/1002: Expected status 404, got 200/);
    } finally {
      server.close();
    }
  });
});
