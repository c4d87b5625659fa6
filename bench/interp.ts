/**
 * Interpreter speed and compile latency (issue 3, "Tests and figures").
 *
 *  - Interpreter speed in simulated thread-instructions per second, with the sanitizer off
 *    (goal ≥ 10 million/s) and on (goal ≥ 2 million/s), measured on the LOWERED examples
 *    (examples/saxpy.cu, matmul_tiled.cu and the block reduction of reduce.cu, compiled from
 *    source exactly as the `interp` device runs them: no optimisation passes) at sizes large
 *    enough that one launch takes tens of milliseconds; the median rate of several launches
 *    after a warm-up launch. One "thread-instruction" is one executed KIR op of one thread
 *    (`stats.instructions`), so the figure depends on how much code lowering emits (locals
 *    start as memory: every variable access is a load or store).
 *  - The same on three hand-written KIR kernels (an arithmetic loop, saxpy and a shared-memory
 *    reduction, values in registers): the interpreter's speed on already-optimised code (best
 *    of 3; `measureInterp` is also the smoke test of test/ir/speed.test.ts).
 *  - Compile latency source → KIR (preprocess, parse, check, lower) per example file: the
 *    median of several warm runs (goal ≤ 10 ms).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { lowerSource } from '../src/frontend/lower/index.js';
import { type KernelArg, type Module, Memory, interpret, parseModuleOrThrow } from '../src/ir/index.js';
import { type BenchResult, atLeast, atMost, medianMs } from './harness.js';

const EXAMPLES = join(import.meta.dirname, '..', 'examples');

const KERNELS = `
kernel @arith(%out: ptr<global, f32>, %iters: i32) {
  %t0 = thread_id x : u32
  %bi = block_id x : u32
  %bd = block_dim x : u32
  %t1 = mul %bi, %bd : u32
  %t = add %t1, %t0 : u32
  %ti = bitcast %t : i32
  %f0 = sitofp %ti : f32
  %z = const 0 : i32
  %one = const 1 : i32
  %a = const 1.0001 : f32
  %b = const 0.5 : f32
  %k3 = const 3 : i32
  %acc, %h = for %z, %iters, %one, %f0, %ti : f32, i32 (%i: i32, %x: f32, %y: i32) {
    %m = mul %x, %a : f32
    %s = add %m, %b : f32
    %y1 = mul %y, %k3 : i32
    %y2 = xor %y1, %i : i32
    yield %s, %y2
  }
  %hf = sitofp %h : f32
  %r = add %acc, %hf : f32
  %p = ptradd %out, %ti : ptr<global, f32>
  store %r, %p
  return
}

kernel @saxpy(%n: i32, %a: f32, %x: ptr<global, f32>, %y: ptr<global, f32>) {
  %0 = block_id x : u32
  %1 = block_dim x : u32
  %2 = thread_id x : u32
  %3 = mul %0, %1 : u32
  %4 = add %3, %2 : u32
  %i = bitcast %4 : i32
  %c = cmp lt %i, %n : i1
  if %c {
    %px = ptradd %x, %i : ptr<global, f32>
    %py = ptradd %y, %i : ptr<global, f32>
    %xv = load %px : f32
    %yv = load %py : f32
    %m = mul %a, %xv : f32
    %s = add %m, %yv : f32
    store %s, %py
    yield
  } else {
    yield
  }
  return
}

global shared @sdata : [256 x f32]
kernel @reduce(%in: ptr<global, f32>, %out: ptr<global, f32>) {
  %tid = thread_id x : u32
  %bid = block_id x : u32
  %bdim = block_dim x : u32
  %0 = mul %bid, %bdim : u32
  %gi = add %0, %tid : u32
  %p = ptradd %in, %gi : ptr<global, f32>
  %v = load %p : f32
  %s = addressof @sdata : ptr<shared, [256 x f32]>
  %sp = elemptr %s, %tid : ptr<shared, f32>
  store %v, %sp
  barrier
  %one = const 1 : u32
  %zero = const 0 : u32
  %half = shr %bdim, %one : u32
  %fin = loop %half : u32 (%stride: u32) {
    %go = cmp gt %stride, %zero : i1
    if %go {
      yield
    } else {
      break %stride
    }
    %act = cmp lt %tid, %stride : i1
    if %act {
      %o = add %tid, %stride : u32
      %q = elemptr %s, %o : ptr<shared, f32>
      %a = load %sp : f32
      %b = load %q : f32
      %c = add %a, %b : f32
      store %c, %sp
      yield
    } else {
      yield
    }
    barrier
    %ns = shr %stride, %one : u32
    continue %ns
  }
  %first = cmp eq %tid, %zero : i1
  if %first {
    %r = load %sp : f32
    %po = ptradd %out, %bid : ptr<global, f32>
    store %r, %po
    yield
  } else {
    yield
  }
  return
}
`;

/** thread-instructions per second of one launch (best of `runs` after a warm-up) */
export function measureInterp(kernel: 'arith' | 'saxpy' | 'reduce', sanitize: boolean, runs = 3, scale = 1): number {
  const m = parseModuleOrThrow(KERNELS);
  const mem = new Memory();
  let args: unknown[];
  let grid: number, block: number;
  if (kernel === 'arith') {
    grid = 8 * scale; block = 256;
    args = [mem.alloc(grid * block * 4, 'out', 4), 200];
  } else if (kernel === 'saxpy') {
    const n = 1 << 18;
    grid = (n / 256) * scale; block = 256;
    args = [n, 2, mem.upload(new Float32Array(n * scale).fill(1), 'x'), mem.upload(new Float32Array(n * scale).fill(2), 'y')];
  } else {
    const n = 1 << 16;
    grid = (n / 256) * scale; block = 256;
    args = [mem.upload(new Float32Array(n * scale).fill(1), 'in'), mem.alloc(grid * 4, 'out', 4)];
  }
  let best = 0;
  for (let i = 0; i <= runs; i++) {
    const r = interpret(m, kernel, { grid, block, args: args as never, memory: mem, sanitize });
    if (r.faults.length) throw new Error(`bench kernel ${kernel} faulted: ${r.faults[0]!.message}`);
    const rate = r.stats.instructions / (r.stats.wallMs / 1000);
    if (i > 0) best = Math.max(best, rate);
  }
  return best;
}

// ---- the lowered examples -----------------------------------------------------------------

export type ExampleBench = 'saxpy' | 'matmul_tiled' | 'block_sum';

interface ExampleLaunch {
  file: string;
  kernel: string;
  grid: [number, number?, number?];
  block: [number, number?, number?];
  /** arguments for a fresh memory */
  args(mem: Memory): KernelArg[];
  what: string;
}

const rand = (n: number, seed: number) => {
  const a = new Float32Array(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    a[i] = (x >>> 8) / 2 ** 23 - 1;
  }
  return a;
};

const MM = 64; // 64 x 64 x 64: 4 x 4 blocks of 16 x 16 threads, 4 tiles each
const EXAMPLE_LAUNCHES: Record<ExampleBench, ExampleLaunch> = {
  saxpy: {
    file: 'saxpy.cu', kernel: 'saxpy', grid: [256], block: [256], what: 'n = 2^18, grid-stride, 4 elements per thread',
    args: (mem) => [1 << 18, 2.5, mem.upload(rand(1 << 18, 1), 'x'), mem.upload(rand(1 << 18, 2), 'y')],
  },
  matmul_tiled: {
    file: 'matmul_tiled.cu', kernel: 'matmul_tiled', grid: [MM / 16, MM / 16], block: [16, 16], what: `${MM}x${MM}x${MM}`,
    args: (mem) => [mem.upload(rand(MM * MM, 3), 'A'), mem.upload(rand(MM * MM, 4), 'B'), mem.alloc(MM * MM * 4, 'C', 4), MM, MM, MM],
  },
  block_sum: {
    file: 'reduce.cu', kernel: 'block_sum', grid: [128], block: [256], what: 'n = 2^16, 128 blocks of 256',
    args: (mem) => [mem.upload(rand(1 << 16, 5), 'in'), mem.alloc(128 * 4, 'partial', 4), 1 << 16],
  },
};

function lowerExample(file: string, kernels?: string[]): { module: Module; funcs: Map<string, string> } {
  const r = lowerSource(readFileSync(join(EXAMPLES, file), 'utf8'), { filename: file, kernels });
  if (!r.lowered || r.diagnostics.hasErrors) throw new Error(`bench: ${file} does not compile`);
  return { module: r.lowered.module, funcs: new Map(r.lowered.kernels.map((k) => [k.name, k.func])) };
}

/**
 * Thread-instructions per second of a lowered example: the median of `runs` launches after a
 * warm-up launch (which also compiles the interpreter's code), with fresh inputs each time.
 */
export function measureExample(name: ExampleBench, sanitize: boolean, runs = 5): { rate: number; instructions: number; ms: number } {
  const ex = EXAMPLE_LAUNCHES[name];
  const { module, funcs } = lowerExample(ex.file, [ex.kernel]);
  const func = funcs.get(ex.kernel)!;
  const rates: number[] = [];
  const times: number[] = [];
  let instructions = 0;
  for (let i = 0; i <= runs; i++) {
    const mem = new Memory();
    const r = interpret(module, func, { grid: ex.grid, block: ex.block, args: ex.args(mem), memory: mem, sanitize });
    if (r.faults.length) throw new Error(`bench: ${ex.file} faulted: ${r.faults[0]!.message}`);
    if (i === 0) continue;
    instructions = r.stats.instructions;
    rates.push(r.stats.instructions / (r.stats.wallMs / 1000));
    times.push(r.stats.wallMs);
  }
  return { rate: median(rates), instructions, ms: median(times) };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

/** median compile time (ms) of one example file, source → KIR module (3 unmeasured runs first) */
export function measureCompile(file: string, runs = 15): number {
  const text = readFileSync(join(EXAMPLES, file), 'utf8');
  return medianMs(() => {
    const r = lowerSource(text, { filename: file });
    if (!r.lowered || r.diagnostics.hasErrors) throw new Error(`bench: ${file} does not compile`);
  }, runs, 3);
}

export async function benchInterp(): Promise<BenchResult[]> {
  const out: BenchResult[] = [];
  for (const name of Object.keys(EXAMPLE_LAUNCHES) as ExampleBench[]) {
    for (const sanitize of [false, true]) {
      const m = measureExample(name, sanitize);
      const v = Math.round(m.rate);
      out.push({
        name: `interp ${EXAMPLE_LAUNCHES[name].file} (lowered), sanitizer ${sanitize ? 'on' : 'off'}`, value: v, unit: 'thread-instr/s',
        ...atLeast(v, sanitize ? 2_000_000 : 10_000_000),
        note: `${EXAMPLE_LAUNCHES[name].what}; ${m.instructions.toLocaleString('en-US')} instr in ${m.ms.toFixed(1)} ms, median of 5`,
      });
    }
  }
  for (const kernel of ['arith', 'saxpy', 'reduce'] as const) {
    for (const sanitize of [false, true]) {
      const v = Math.round(measureInterp(kernel, sanitize));
      out.push({ name: `interp hand-written KIR ${kernel}, sanitizer ${sanitize ? 'on' : 'off'}`, value: v, unit: 'thread-instr/s', ...atLeast(v, sanitize ? 2_000_000 : 10_000_000), note: 'best of 3' });
    }
  }
  const files = readdirSync(EXAMPLES).filter((f) => f.endsWith('.cu')).sort();
  // warm: every file compiled a few times first, so the JIT has seen all of the frontend
  // (measured one file at a time from cold, the first files pay for the warm-up of the rest)
  for (let pass = 0; pass < 3; pass++) for (const f of files) measureCompile(f, 1);
  const times = files.map((f) => [f, measureCompile(f)] as const);
  for (const [f, ms] of times) {
    const v = Math.round(ms * 100) / 100;
    out.push({ name: `compile ${f} source → KIR`, value: v, unit: 'ms', ...atMost(v, 10), note: 'median of 15 warm runs (after 3 passes over all examples)' });
  }
  const all = times.map(([, ms]) => ms);
  const mid = Math.round(median(all) * 100) / 100;
  const worst = Math.round(Math.max(...all) * 100) / 100;
  out.push({ name: `compile source → KIR, median over ${files.length} examples`, value: mid, unit: 'ms', ...atMost(mid, 10) });
  out.push({ name: 'compile source → KIR, slowest example', value: worst, unit: 'ms', ...atMost(worst, 10) });
  return out;
}
