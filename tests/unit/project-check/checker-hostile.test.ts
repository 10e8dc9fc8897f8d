/**
 * The checker against servers that misbehave, and against a learner's mistakes on the command line: every case
 * ends with a message a learner can act on and an exit code, never a crash or a hang; it talks to nothing but the
 * base URL, follows no redirect, and refuses a base that is not this machine unless told otherwise. The servers are
 * checked by the checker's modules in this process; the command line also by the bundled file, as a learner runs it.
 */
import { createServer as createHttpServer, type RequestListener } from 'node:http';
import { createServer as createTcpServer, type Server } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../../../src/dev/reference-servers.ts';
import { runChecker } from './checker-bundle.ts';

const servers: Server[] = [];
afterAll(() => servers.forEach((s) => s.close()));

/** An HTTP server on loopback that answers GET / with a 404 and everything else with `misbehave`; its base URL. */
async function hostile(misbehave: RequestListener): Promise<string> {
  const server = createHttpServer((req, res) => {
    if (req.url === '/' && req.method === 'GET') return void res.writeHead(404).end();
    misbehave(req, res);
  });
  servers.push(server);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

/** Runs milestone 2 (sign-up and login) of the to-do list API against `base`, with a short time limit. */
const checkAgainst = (base: string) =>
  runInProcess(['to-do-list-api', '--base', base, '--milestone', '2', '--timeout', '0.5']);

/** A run ended in words, not a stack trace. */
function expectWords(result: { out: string; err: string; code: number | null }, words: RegExp) {
  expect(`${result.out}\n${result.err}`).toMatch(words);
  expect(result.err).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(result.code).toBe(1);
}

describe('servers that misbehave', () => {
  it.concurrent('one that never answers is stopped at the time limit', async () => {
    expectWords(await checkAgainst(await hostile(() => undefined)), /no complete answer within 0\.5 s/);
  });

  it.concurrent('one that drips its body a byte at a time is stopped at the time limit', async () => {
    const base = await hostile((_req, res) => {
      res.writeHead(201, { 'Content-Type': 'application/json' });
      const drip = setInterval(() => (res.destroyed ? clearInterval(drip) : res.write(' ')), 50);
    });
    expectWords(await checkAgainst(base), /no complete answer within 0\.5 s/);
  });

  it.concurrent('one that sends a huge body is read no further than the limit', async () => {
    const base = await hostile((_req, res) => {
      res.writeHead(201, { 'Content-Type': 'application/json' });
      res.end(`{"pad":"${'x'.repeat(3 << 20)}"}`);
    });
    expectWords(await checkAgainst(base), /larger than 1024 KB/);
  });

  it.concurrent('one that sends broken JSON, or another media type, is told so', async () => {
    const broken = await hostile((_req, res) =>
      res.writeHead(201, { 'Content-Type': 'application/json' }).end('{"id":'),
    );
    expectWords(await checkAgainst(broken), /not valid JSON, though it is sent as application\/json/);
    const html = await hostile((_req, res) => res.writeHead(201, { 'Content-Type': 'text/html' }).end('<p>ok</p>'));
    expectWords(await checkAgainst(html), /application\/json in the contract; this one is text\/html/);
  });

  it.concurrent('one that closes the connection is told so', async () => {
    expectWords(await checkAgainst(await hostile((req) => req.socket.destroy())), /closed the connection/);
  });

  it.concurrent('one that redirects elsewhere is not followed', async () => {
    let elsewhere = 0;
    const other = await hostile((_req, res) => {
      elsewhere++;
      res.writeHead(201, { 'Content-Type': 'application/json' }).end('{}');
    });
    const base = await hostile((_req, res) => res.writeHead(307, { Location: `${other}/auth/signup` }).end());
    expectWords(await checkAgainst(base), /does not list status 307/);
    expect(elsewhere).toBe(0);
  });

  it.concurrent('one that does not speak HTTP is told so', async () => {
    const tcp = createTcpServer((socket) => socket.end('HELLO THERE\r\n\r\n'));
    servers.push(tcp);
    await new Promise<void>((ok) => tcp.listen(0, '127.0.0.1', ok));
    const result = await checkAgainst(`http://127.0.0.1:${(tcp.address() as { port: number }).port}`);
    expect(result.err).toMatch(/Cannot reach your server at .*not valid HTTP/);
    expect(result.code).toBe(1);
  });
});

describe('the command line', () => {
  it('refuses a base that is not this machine unless --allow-remote is given', async () => {
    const result = await runInProcess(['to-do-list-api', '--base', 'http://10.1.2.3:8080']);
    expect(result.err).toMatch(/10\.1\.2\.3:8080 is not this machine.*--allow-remote/);
    expect(result.code).toBe(2);
  });

  it('says when nothing listens, and what to do', async () => {
    const tcp = createTcpServer();
    await new Promise<void>((ok) => tcp.listen(0, '127.0.0.1', ok));
    const port = (tcp.address() as { port: number }).port;
    await new Promise((ok) => tcp.close(ok));
    const result = await runInProcess(['to-do-list-api', '--base', `http://127.0.0.1:${port}`]);
    expect(result.err).toMatch(/nothing is listening at http:\/\/127\.0\.0\.1:\d+\. Is your server running/);
    expect(result.code).toBe(1);
  });

  it('names the projects when the one asked for does not exist, and lists a project’s checks', async () => {
    const unknown = await runChecker(['todo-app']);
    expect(unknown.err).toMatch(/There is no project "todo-app"\. Projects: .*to-do-list-api/);
    expect(unknown.code).toBe(2);
    const list = await runChecker(['to-do-list-api', '--list']);
    expect(list.out).toMatch(/PATCH +\/tasks\/\{id\}/);
    expect(list.out).toMatch(/4\.2 Another user's task is answered 404 and left alone/);
    const help = await runChecker(['--help']);
    expect(help.out).toMatch(/Usage:\n {2}node atlas-check\.mjs <project>/);
    expect(help.code).toBe(0);
  });
});
