/**
 * A clock that moves only when a test moves it: now(), sleep(ms) resolves when advance() passes its time. The tests
 * hand it to learner code, so it and its timer handles are frozen: an answer cannot replace `pending` to report no
 * timers, or move a timer it was given.
 */
interface Timer {
  at: number;
  seq: number;
  resolve: () => void;
}

export function createClock(start = 0) {
  let now = start;
  let seq = 0;
  const timers: Timer[] = [];
  return Object.freeze({
    now: () => now,
    sleep: (ms: number) =>
      new Promise<void>((resolve) => timers.push({ at: now + Math.max(0, ms), seq: seq++, resolve })),
    setTimeout: (fn: () => void, ms?: number) => {
      const timer = Object.freeze({ at: now + Math.max(0, ms || 0), seq: seq++, resolve: fn });
      timers.push(timer);
      return timer;
    },
    clearTimeout: (timer: Timer) => {
      const i = timers.indexOf(timer);
      if (i >= 0) timers.splice(i, 1);
    },
    /** Moves time forward, firing due timers in time order; returns a promise settled after their callbacks ran. */
    async advance(ms: number) {
      const end = now + ms;
      for (;;) {
        timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
        const next = timers[0];
        if (!next || next.at > end) break;
        timers.shift();
        now = next.at;
        next.resolve();
        for (let i = 0; i < 20; i++) await Promise.resolve();
      }
      now = end;
    },
    pending: () => timers.length,
  });
}
