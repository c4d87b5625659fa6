/** Shared pieces of the benchmarks: timing with medians, and the result record. */

export interface BenchResult {
  /** what was measured, e.g. "frontend throughput (generated 100k-line file)" */
  name: string;
  value: number;
  unit: string;
  /** the figure an issue asks for, e.g. ">= 200000" */
  goal?: string;
  /** whether the goal is met (undefined when there is no goal) */
  pass?: boolean;
  note?: string;
}

/** Median wall time in ms of `runs` calls after `warmup` unmeasured calls. */
export function medianMs(f: () => unknown, runs = 5, warmup = 1): number {
  for (let i = 0; i < warmup; i++) f();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1]!;
}

export function atLeast(value: number, goal: number): Pick<BenchResult, 'goal' | 'pass'> {
  return { goal: `>= ${goal}`, pass: value >= goal };
}

export function atMost(value: number, goal: number): Pick<BenchResult, 'goal' | 'pass'> {
  return { goal: `<= ${goal}`, pass: value <= goal };
}
