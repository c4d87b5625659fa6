/**
 * The discrete-event queue: a binary heap of (time, sequence) so that events at the same time
 * run in the order they were scheduled, which keeps every run deterministic. Times are cycles
 * (fractional where a shared-bandwidth transfer ends between cycles).
 */

export interface SimEvent {
  time: number;
  seq: number;
  run(): void;
}

export class EventQueue {
  private heap: SimEvent[] = [];
  private seq = 0;
  now = 0;

  get size(): number {
    return this.heap.length;
  }

  at(time: number, run: () => void): void {
    const e: SimEvent = { time: Math.max(time, this.now), seq: this.seq++, run };
    const h = this.heap;
    h.push(e);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(e, h[p]!)) break;
      h[i] = h[p]!;
      i = p;
    }
    h[i] = e;
  }

  /** runs the earliest event; false when none is left */
  step(): boolean {
    const h = this.heap;
    if (!h.length) return false;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= h.length) break;
        const r = l + 1;
        const c = r < h.length && less(h[r]!, h[l]!) ? r : l;
        if (!less(h[c]!, last)) break;
        h[i] = h[c]!;
        i = c;
      }
      h[i] = last;
    }
    this.now = top.time;
    top.run();
    return true;
  }
}

function less(a: SimEvent, b: SimEvent): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}
