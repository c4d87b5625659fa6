/**
 * Interpreter speed (issue 3): simulated thread-instructions per second with the sanitizer off
 * (goal ≥ 10 million/s) and on (goal ≥ 2 million/s), on a straight-line arithmetic loop, saxpy
 * and a shared-memory reduction. One "thread-instruction" is one executed KIR op of one thread.
 */
import { Memory, interpret, parseModuleOrThrow } from '../src/ir/index.js';
import { type BenchResult, atLeast } from './harness.js';

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

export async function benchInterp(): Promise<BenchResult[]> {
  const out: BenchResult[] = [];
  for (const kernel of ['arith', 'saxpy', 'reduce'] as const) {
    for (const sanitize of [false, true]) {
      const v = Math.round(measureInterp(kernel, sanitize));
      out.push({ name: `interp ${kernel}, sanitizer ${sanitize ? 'on' : 'off'}`, value: v, unit: 'thread-instr/s', ...atLeast(v, sanitize ? 2_000_000 : 10_000_000) });
    }
  }
  return out;
}
