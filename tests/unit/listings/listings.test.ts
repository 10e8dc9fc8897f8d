import { describe, expect, it } from 'vitest';
import { pageListings, parseMeta } from '../../../src/lib/listings/listings.ts';
import { sqlStatements } from '../../../src/lib/listings/sql-statements.ts';

const fence = '```';

describe('pageListings', () => {
  it('pairs a runnable listing with the output block after it, prose between', () => {
    const page = `Intro\n\n${fence}js\nconsole.log(1)\n${fence}\n\nIt prints:\n\n${fence}text\n1\n${fence}\n`;
    const { listings, problems } = pageListings(page);
    expect(problems).toEqual([]);
    expect(listings).toHaveLength(1);
    expect(listings[0]).toMatchObject({
      runner: 'node',
      line: 3,
      code: 'console.log(1)',
      output: { code: '1', line: 9 },
    });
  });

  it('does not pair across a heading, with a not-output block, or for languages it cannot run', () => {
    const across = `${fence}python\nprint(1)\n${fence}\n\n## Next\n\n${fence}text\n1\n${fence}\n`;
    expect(pageListings(across).listings).toEqual([]);
    const tree = `${fence}bash\nls\n${fence}\n${fence}text not-output\nsrc/\n${fence}\n`;
    expect(pageListings(tree).listings).toEqual([]);
    const go = `${fence}go\nfmt.Println(1)\n${fence}\n${fence}text\n1\n${fence}\n`;
    expect(pageListings(go).listings).toEqual([]);
  });

  it('keeps files, servers and every SQL listing, which later listings need', () => {
    const page = `${fence}js file=server.mjs background\nlisten()\n${fence}\n${fence}sql\nCREATE TABLE t (x int);\n${fence}\n`;
    expect(pageListings(page).listings.map((l) => l.runner)).toEqual(['node', 'sql']);
  });

  it('names fence words it does not know, and a norun without its reason', () => {
    const page = `${fence}js norun\nx\n${fence}\n${fence}text vary=timings colour=red\n1\n${fence}\n`;
    const messages = pageListings(page).problems.map((p) => `${p.line}: ${p.message}`);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatch(/^1: norun needs its reason/);
    expect(messages[1]).toMatch(/^4: "colour" is not a word the listing check knows/);
  });

  it('names a fixed sleep after a background start, in a cmd or a shell listing, and lets a wait that polls pass', () => {
    const inCmd = `${fence}js file=s.mjs cmd="node s.mjs & sleep 1; curl -s localhost:3000; kill $!"\nlisten()\n${fence}\n`;
    const inShell = `${fence}bash\nnode s.mjs &\nsleep 0.5\ncurl -s localhost:3000\n${fence}\n${fence}text\nok\n${fence}\n`;
    const polls = `${fence}bash\nnode s.mjs &\nuntil curl -so /dev/null localhost:3000; do sleep 0.1; done\n${fence}\n${fence}text\nok\n${fence}\n`;
    const marked = `${fence}bash norun="needs a GPU"\nnode s.mjs & sleep 1\n${fence}\n${fence}text\nok\n${fence}\n`;
    for (const page of [inCmd, inShell])
      expect(pageListings(page).problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
        expect.stringMatching(/^1: a fixed sleep after starting a process in the background/),
      ]);
    expect(pageListings(polls).problems).toEqual([]);
    expect(pageListings(marked).problems).toEqual([]);
  });

  it('reads key=value, quoted values and flags', () => {
    expect(parseMeta(' file=a.mjs norun="needs a Kafka broker" background')).toEqual({
      file: 'a.mjs',
      norun: 'needs a Kafka broker',
      background: '',
    });
  });
});

describe('sqlStatements', () => {
  it('cuts at semicolons outside strings, quoted names, dollar quotes and comments', () => {
    const sql = `SELECT 'a;b', "x;y" FROM t; -- one; two\nCREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;\n/* c; */ VACUUM;\nSELECT E'it\\'s;'`;
    expect(sqlStatements(sql)).toEqual([
      `SELECT 'a;b', "x;y" FROM t`,
      `-- one; two\nCREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql`,
      '/* c; */ VACUUM',
      `SELECT E'it\\'s;'`,
    ]);
  });
});
