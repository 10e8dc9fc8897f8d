/**
 * The simulator's clock: events in time order, a binary heap. Ties go in the order they were scheduled, so a run
 * never depends on how the heap happens to break them. Our own 60 lines rather than a simulation library: the
 * simulator needs "at time t, call f", nothing more (docs/design-simulator.md, "Why our own event queue").
 * SHARED BY BUILD AND BROWSER CODE.
 */

interface Event {
  readonly time: number;
  readonly order: number;
  readonly run: () => void;
}

const before = (a: Event, b: Event) => a.time < b.time || (a.time === b.time && a.order < b.order);

export class EventQueue {
  private readonly heap: Event[] = [];
  private scheduled = 0;
  /** The time of the event running now, in ms. */
  now = 0;

  get size() {
    return this.heap.length;
  }

  /** Runs `run` at `time` (never before now). */
  at(time: number, run: () => void) {
    const heap = this.heap;
    const event = { time: Math.max(time, this.now), order: (this.scheduled += 1), run };
    let index = heap.push(event) - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!before(event, heap[parent]!)) break;
      heap[index] = heap[parent]!;
      index = parent;
    }
    heap[index] = event;
  }

  /** Runs events in order until none is left before `end`; the clock stops at `end`. */
  runUntil(end: number) {
    const heap = this.heap;
    while (heap.length > 0 && heap[0]!.time <= end) {
      const top = heap[0]!;
      const last = heap.pop()!;
      if (heap.length > 0) this.sink(last);
      this.now = top.time;
      top.run();
    }
    this.now = end;
  }

  private sink(event: Event) {
    const heap = this.heap;
    const length = heap.length;
    let index = 0;
    for (;;) {
      let child = 2 * index + 1;
      if (child >= length) break;
      if (child + 1 < length && before(heap[child + 1]!, heap[child]!)) child += 1;
      if (!before(heap[child]!, event)) break;
      heap[index] = heap[child]!;
      index = child;
    }
    heap[index] = event;
  }
}
