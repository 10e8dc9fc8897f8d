import { describe, expect, it } from 'vitest';
import {
  designGraph,
  designMermaid,
  errorText,
  formatDesign,
  parseDesign,
  validateDesign,
  type Design,
} from '../../../src/lib/labs/design/index.ts';

const TEXT = `# a read-heavy API
traffic users
  rate 20k req/s
  reads 95 %
  timeout 1 s

lb edge

service api
  instances 4
  concurrency 64
  time 3ms
  zones a b

cache redis
  size 512 MB
  ttl 5 min
  invalidate delete

database db
  replicas 2
  reads-from replicas
  lag 20 ms

users calls edge
edge calls api
api calls redis for reads
api calls db for writes
redis calls db
api calls db for writes async per follower 50 %
`;

const parsed = (text: string): Design => {
  const { design, errors } = parseDesign(text);
  expect(errors.map(errorText)).toEqual([]);
  return design!;
};

describe('the design text format', () => {
  it('reads parts, parameters in their units, zones and calls', () => {
    const design = parsed(TEXT);
    expect(design.parts.map((part) => `${part.kind} ${part.name}`)).toEqual([
      'traffic users',
      'lb edge',
      'service api',
      'cache redis',
      'database db',
    ]);
    const [users, , api, redis] = design.parts;
    expect(users?.params).toEqual({ rate: 20_000, reads: 95, timeout: 1000 });
    expect(api?.params).toEqual({ instances: 4, concurrency: 64, time: 3 });
    expect(api?.zones).toEqual(['a', 'b']);
    expect(redis?.params).toEqual({ size: 0.512, ttl: 300, invalidate: 'delete' });
    expect(design.calls.at(-1)).toEqual({
      from: 'api',
      to: 'db',
      for: 'writes',
      mode: 'async',
      share: 50,
      perFollower: true,
      line: 30,
    });
  });

  it('writes a design back as text that reads as the same design', () => {
    const design = parsed(TEXT);
    const again = parsed(formatDesign(design));
    const withoutLines = (d: Design) => ({
      parts: d.parts.map(({ line: _line, ...part }) => part),
      calls: d.calls.map(({ line: _line, ...call }) => call),
    });
    expect(withoutLines(again)).toEqual(withoutLines(design));
  });

  it('names the line, the column, the part and the parameter of each error', () => {
    const { design, errors } = parseDesign(
      'traffic users\n  rate fast\nservice api\n  instances 0\n  colour blue\n  time 3 GB\nusers calls nowhere\n',
    );
    expect(design).toBeUndefined();
    expect(errors.map(errorText)).toEqual([
      'line 2, column 8: traffic "users": rate takes a number in req/s, rps, /s, req/min',
      'line 4, column 13: service "api": instances must be from 1 to 1000 (got 0)',
      expect.stringMatching(/^line 5, column 3: service "api": a service has no parameter "colour" \(it has instances/),
      'line 6, column 8: service "api": time takes a number in ms, s, us, µs, min',
      'line 7, column 1: users calls nowhere: no part is named "nowhere"',
    ]);
    expect(errors[1]).toMatchObject({ part: 'api', param: 'instances' });
  });

  it('refuses a loop of calls, a second traffic part and a line it cannot read', () => {
    const { errors } = parseDesign(
      'traffic a\ntraffic b\nservice s\nservice t\na calls s\ns calls t\nt calls s\nhello world again\n',
    );
    expect(errors.map(errorText)).toEqual([
      'a design has one traffic part (it has 2)',
      'line 6, column 1: the calls go round in a loop: s → t → s',
      expect.stringMatching(/^line 8, column 1: a line starts a part/),
    ]);
  });

  it('checks designs built in code, naming the part and parameter', () => {
    const design = parsed(TEXT);
    const broken: Design = {
      ...design,
      parts: design.parts.map((part) => (part.name === 'db' ? { ...part, params: { pool: 0.5 } } : part)),
    };
    expect(validateDesign(broken)).toEqual([
      expect.objectContaining({
        part: 'db',
        param: 'pool',
        message: 'database "db": pool takes a whole number (got 0.5)',
      }),
    ]);
  });

  it('draws the design as nodes and edges, and as a Mermaid flowchart', () => {
    const design = parsed(TEXT);
    const graph = designGraph(design);
    expect(graph.nodes[2]).toEqual({
      id: 'api',
      kind: 'service',
      label: 'service api',
      detail: 'instances 4 · concurrency 64 · time 3 ms',
      zones: ['a', 'b'],
    });
    expect(graph.edges.at(-1)).toMatchObject({
      from: 'api',
      to: 'db',
      label: 'for writes · async · per follower · 50 %',
    });
    const mermaid = designMermaid(design);
    expect(mermaid).toContain('n4[("database db<br/>replicas 2 · reads-from replicas · lag 20 ms")]');
    expect(mermaid).toContain('n2 -.->|"for writes · async · per follower · 50 %"| n4');
  });
});
