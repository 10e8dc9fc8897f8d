/**
 * The simulator's clock: events in time order, a binary heap. Ties go in the order they were scheduled, so a run
 * never depends on how the heap happens to break them. Our own 80 lines rather than a simulation library: the
 * simulator needs "at time t, call f", nothing more (docs/design-simulator.md, "Why our own event queue"). Times
 * and order numbers sit in typed arrays beside the callbacks, so an event allocates no object of its own.
 * SHARED BY BUILD AND BROWSER CODE.
 */

export class EventQueue {
  private times = new Float64Array(1024);
  private orders = new Float64Array(1024);
  private runs: (() => void)[] = [];
  private length = 0;
  private scheduled = 0;
  /** The time of the event running now, in ms. */
  now = 0;

  get size() {
    return this.length;
  }

  /** Runs `run` at `time` (never before now). */
  at(time: number, run: () => void) {
    if (this.length === this.times.length) this.grow();
    const when = time > this.now ? time : this.now;
    const order = (this.scheduled += 1);
    const { times, orders } = this;
    let index = this.length;
    this.length += 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      const parentTime = times[parent]!;
      if (parentTime < when || (parentTime === when && orders[parent]! < order)) break;
      this.move(parent, index);
      index = parent;
    }
    this.place(index, when, order, run);
  }

  /** Runs events in order until none is left before `end`; the clock stops at `end`. */
  runUntil(end: number) {
    while (this.length > 0 && this.times[0]! <= end) {
      this.now = this.times[0]!;
      const run = this.runs[0]!;
      this.removeTop();
      run();
    }
    this.now = end;
  }

  private removeTop() {
    const { times, orders, runs } = this;
    const last = (this.length -= 1);
    const time = times[last]!;
    const order = orders[last]!;
    const run = runs[last]!;
    runs[last] = undefined as unknown as () => void;
    if (last === 0) return;
    let index = 0;
    for (;;) {
      let child = 2 * index + 1;
      if (child >= last) break;
      const right = child + 1;
      if (
        right < last &&
        (times[right]! < times[child]! || (times[right] === times[child] && orders[right]! < orders[child]!))
      ) {
        child = right;
      }
      if (time < times[child]! || (time === times[child] && order < orders[child]!)) break;
      this.move(child, index);
      index = child;
    }
    this.place(index, time, order, run);
  }

  /** Moves the event at `from` into the slot `to` (sifting: its old slot is written over next). */
  private move(from: number, to: number) {
    this.times[to] = this.times[from]!;
    this.orders[to] = this.orders[from]!;
    this.runs[to] = this.runs[from]!;
  }

  private place(index: number, time: number, order: number, run: () => void) {
    this.times[index] = time;
    this.orders[index] = order;
    this.runs[index] = run;
  }

  private grow() {
    const times = new Float64Array(this.times.length * 2);
    const orders = new Float64Array(this.orders.length * 2);
    times.set(this.times);
    orders.set(this.orders);
    this.times = times;
    this.orders = orders;
  }
}
