/**
 * A design lab's facts (src/lib/labs/design/grading/design-measured.ts): the starter's `# measured` lines, its traffic, every price
 * and the lab's `measured` list hold in the learner's design, under any name, and each change is named by its line
 * with the lab's value.
 */
import { describe, expect, it } from 'vitest';
import { errorText, parseDesign } from '../../../src/lib/labs/design/index.ts';
import { measuredProblems, type MeasuredSource } from '../../../src/lib/labs/design/grading/design-measured.ts';

const lab: MeasuredSource = {
  starter: `# Measured: keep these numbers.
traffic users
  rate 500 req/s
  reads 90 %
service api
  instances 2
  time 5 ms        # measured
database db
  read 10 ms       # measured
  pool 10
users calls api
api calls db
`,
  measured: ['cdn hits 95 %'],
};

function problems(text: string) {
  const { design, errors } = parseDesign(text);
  if (!design) throw new Error(errors.map(errorText).join('\n'));
  return measuredProblems(design, text, lab).map(errorText);
}

const edit = (...pairs: [string, string][]) => pairs.reduce((text, [a, b]) => text.replace(a, b), lab.starter);

describe('measuredProblems', () => {
  it('accepts the starter and any change to what is not a fact', () => {
    expect(problems(lab.starter)).toEqual([]);
    expect(problems(edit(['instances 2', 'instances 9'], ['pool 10', 'pool 80 \n  replicas 2']))).toEqual([]);
  });

  it('names the line, the measured value and the changed one', () => {
    expect(problems(edit(['time 5 ms ', 'time 1 ms ']))).toEqual([
      'line 7, column 8: service "api": time is measured at 5 ms, not 1 ms. It is a fact of this lab: change the design around it, not the number.',
    ]);
  });

  it('holds a measured number whose line was deleted, at the part it belonged to', () => {
    expect(problems(edit(['  read 10 ms       # measured\n', '']))).toEqual([
      'line 8, column 1: database "db": read is measured at 10 ms, left out, so it is the default 2 ms. It is a fact of this lab: change the design around it, not the number.',
    ]);
  });

  it('holds the traffic, written or not, and every price', () => {
    const changed = problems(edit(['reads 90 %', 'reads 100 %\n  skew 1'], ['instances 2', 'instances 2\n  cost 0 $']));
    expect(changed).toHaveLength(3);
    expect(changed[0]).toMatch(/^line 4, column 9: traffic "users": reads is the lab's traffic, 90 %, not 100 %/);
    expect(changed[1]).toMatch(/^line 5, column 8: traffic "users": skew is the lab's traffic, 0, not 1/);
    expect(changed[2]).toMatch(/^line 8, column 8: service "api": cost is the list price, 59.57 \$\/month, not 0/);
  });

  it('holds a renamed or added part to the numbers of the starter part of its kind', () => {
    const renamed = problems(
      edit(
        ['service api', 'service fast'],
        ['time 5 ms ', 'time 0.1 ms '],
        ['users calls api\napi', 'users calls fast\nfast'],
      ),
    );
    expect(renamed).toEqual([
      'line 7, column 8: service "fast": time is measured at 5 ms (as "api" in the starter), not 0.1 ms. It is a fact of this lab: change the design around it, not the number.',
    ]);
    expect(problems(edit(['service api', 'service fast'], ['users calls api\napi', 'users calls fast\nfast']))).toEqual(
      [],
    );
  });

  it("holds every part of a kind to the lab's measured list, and a new kind's price to the list price", () => {
    const withCdn = (hits: string) =>
      lab.starter.replace(
        'users calls api',
        `cdn edge\n  hits ${hits}\ncache c\n  cost 1 $\nusers calls edge\nedge calls api\napi calls c`,
      );
    expect(problems(withCdn('95 %'))).toEqual([
      expect.stringMatching(/^line 14, column 8: cache "c": cost is the list price, 99.28/),
    ]);
    expect(problems(withCdn('100 %'))[0]).toMatch(
      /^line 12, column 8: cdn "edge": hits is measured at 95 %, not 100 %/,
    );
  });

  it("holds how much every part's times vary, in a starter part, a renamed one and a kind the starter lacks", () => {
    expect(problems(edit(['time 5 ms ', 'time 5 ms\n  spread 100 % ']))).toEqual([]);
    expect(problems(edit(['read 10 ms ', 'read 10 ms\n  spread 0 % ']))).toEqual([
      'line 10, column 10: database "db": spread is how much the work varies, measured at 100 %, not 0 %. It is a fact of this lab: change the design around it, not the number.',
    ]);
    expect(
      problems(
        edit(['service api', 'service fast\n  spread 10 %'], ['users calls api\napi', 'users calls fast\nfast']),
      )[0],
    ).toMatch(
      /^line 6, column 10: service "fast": spread is how much the work varies, measured at 100 % \(as "api" in the starter\), not 10 %/,
    );
    const withQueue = (spread: string) => `${lab.starter}queue jobs\n  spread ${spread}\napi calls jobs\n`;
    expect(problems(withQueue('100 %'))).toEqual([]);
    expect(problems(withQueue('0 %'))[0]).toMatch(
      /queue "jobs": spread is how much the work varies, measured at 100 %, not 0 %/,
    );
    // A lab may state it: a steady job is a fact like any other.
    const steady: MeasuredSource = {
      starter: `${lab.starter}queue jobs\n  time 40 ms     # measured\n  spread 0 %     # measured\napi calls jobs\n`,
    };
    const { design } = parseDesign(steady.starter);
    expect(measuredProblems(design!, steady.starter, steady)).toEqual([]);
    const busier = steady.starter.replace('spread 0 %', 'spread 100 %');
    expect(measuredProblems(parseDesign(busier).design!, busier, steady).map(errorText)[0]).toMatch(
      /queue "jobs": spread is how much the work varies, measured at 0 %, not 100 %/,
    );
  });

  it("lets a part hand a kind's measured work to the starter part measured doing it, and holds it otherwise", () => {
    const starter = `traffic users\n  rate 100 req/s\nservice api\n  time 5 ms\nservice reports\n  time 50 ms   # measured\nusers calls api\napi calls reports\n`;
    const source: MeasuredSource = { starter, measured: ['queue time 50 ms'] };
    const check = (text: string) => {
      const { design, errors } = parseDesign(text);
      if (!design) throw new Error(errors.map(errorText).join('\n'));
      return measuredProblems(design, text, source).map(errorText);
    };
    const queue = (calls: string, reports = '50 ms') =>
      `traffic users\n  rate 100 req/s\nservice api\n  time 5 ms\nservice reports\n  time ${reports}\nqueue jobs\n  time 1 ms\nusers calls api\napi calls jobs\n${calls}`;
    // Its workers call the reports service, measured at 50 ms: the work runs there.
    expect(check(queue('jobs calls reports\n'))).toEqual([]);
    // Its workers do the work themselves, in 1 ms: a changed fact.
    expect(check(queue(''))[0]).toMatch(/queue "jobs": time is measured at 50 ms, not 1 ms/);
    // The part it hands the work to was made quicker: that part's own fact stops it.
    expect(check(queue('jobs calls reports\n', '5 ms')).join('\n')).toMatch(
      /service "reports": time is measured at 50 ms/,
    );
    // Handed on through another part: a second stage of the same kind that keeps the fact does the work.
    const stages = (time: string) => `${queue('jobs calls stage\n')}queue stage\n  time ${time}\n`;
    expect(check(stages('50 ms'))).toEqual([]);
    // Neither stage does it: each is held to it.
    expect(check(stages('1 ms'))).toEqual([
      expect.stringMatching(/queue "jobs": time is measured at 50 ms, not 1 ms/),
      expect.stringMatching(/queue "stage": time is measured at 50 ms, not 1 ms/),
    ]);
  });
});
