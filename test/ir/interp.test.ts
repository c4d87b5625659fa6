import { describe, expect, it } from 'vitest';
import { Memory, Module, buildFunc, f32, i32, i64, interpret, ptr, u32, u64, voidT } from '../../src/ir/index.js';
import { fixture, kir, run } from './helpers.js';

describe('KIR interpreter: kernels', () => {
  it('saxpy', () => {
    const m = kir(fixture('saxpy.kir'));
    const mem = new Memory();
    const N = 1000;
    const x = mem.upload(new Float32Array(N).map((_, i) => i * 0.5), 'x');
    const y = mem.upload(new Float32Array(N).fill(1), 'y');
    const r = interpret(m, 'saxpy', { grid: [4], block: [256], args: [N, 3, x, y], memory: mem });
    expect(r.faults).toEqual([]);
    const out = mem.readF32(y);
    for (let i = 0; i < N; i++) expect(out[i]).toBe(Math.fround(Math.fround(3 * Math.fround(i * 0.5)) + 1));
    expect(r.stats.threads).toBe(1024);
  });

  it('shared-memory block reduction with barriers', () => {
    const m = kir(fixture('reduce.kir'));
    const N = 1000;
    const { memory, faults, stats } = (() => {
      const memory = new Memory();
      const inp = memory.upload(new Float32Array(N).map((_, i) => i), 'in');
      const out = memory.alloc(16, 'out', 4);
      const r = interpret(m, 'reduce', { grid: 4, block: 256, args: [inp, out, N], memory });
      expect(Array.from(memory.readF32(out))).toEqual([32640, 98176, 163712, 204972]);
      return { ...r, memory };
    })();
    expect(faults).toEqual([]);
    expect(stats.barriers).toBe(4 * 9);
    void memory;
  });

  it('warp shuffle reduction and ballot', () => {
    const m = kir(fixture('warp.kir'));
    const mem = new Memory();
    const inp = mem.upload(new Int32Array(64).map((_, i) => i * 3 - 50));
    const out = mem.alloc(16, 'out', 4);
    const r = interpret(m, 'warpsum', { grid: 1, block: 64, args: [inp, out], memory: mem });
    expect(r.faults).toEqual([]);
    const sum = (a: number, b: number) => { let s = 0; for (let i = a; i < b; i++) s += i * 3 - 50; return s; };
    // lane 0 of each warp: the sum, and the ballot of odd values
    const ballot = (w: number) => { let b = 0; for (let l = 0; l < 32; l++) if ((((w * 32 + l) * 3 - 50) & 1) !== 0) b |= 1 << l; return b | 0; };
    expect(Array.from(mem.readI32(out))).toEqual([sum(0, 32), ballot(0), sum(32, 64), ballot(1)]);
  });

  it('histogram with atomics, many blocks', () => {
    const m = kir(fixture('warp.kir'));
    const mem = new Memory();
    const N = 5000;
    const data = new Uint32Array(N).map((_, i) => (i * 2654435761) >>> 0);
    const d = mem.upload(data, 'data');
    const bins = mem.alloc(64, 'bins', 4);
    const r = interpret(m, 'hist', { grid: Math.ceil(N / 128), block: 128, args: [d, bins, N], memory: mem });
    expect(r.faults).toEqual([]);
    const want = new Uint32Array(16);
    for (const v of data) want[v % 16]!++;
    expect(mem.readU32(bins)).toEqual(want);
  });

  it('3-D grid and block indices', () => {
    const m = kir(`
kernel @idx(%out: ptr<global, u32>) {
  %tx = thread_id x : u32
  %ty = thread_id y : u32
  %tz = thread_id z : u32
  %bx = block_id x : u32
  %by = block_id y : u32
  %bz = block_id z : u32
  %dx = block_dim x : u32
  %dy = block_dim y : u32
  %dz = block_dim z : u32
  %gx = grid_dim x : u32
  %gy = grid_dim y : u32
  // linear block, then linear thread
  %0 = mul %bz, %gy : u32
  %1 = add %0, %by : u32
  %2 = mul %1, %gx : u32
  %blk = add %2, %bx : u32
  %3 = mul %tz, %dy : u32
  %4 = add %3, %ty : u32
  %5 = mul %4, %dx : u32
  %thr = add %5, %tx : u32
  %6 = mul %dx, %dy : u32
  %tpb = mul %6, %dz : u32
  %7 = mul %blk, %tpb : u32
  %g = add %7, %thr : u32
  // encode (bx,by,bz,tx,ty,tz) in one word
  %c4 = const 4 : u32
  %e0 = shl %bx, %c4 : u32
  %e1 = or %e0, %by : u32
  %e2 = shl %e1, %c4 : u32
  %e3 = or %e2, %bz : u32
  %e4 = shl %e3, %c4 : u32
  %e5 = or %e4, %tx : u32
  %e6 = shl %e5, %c4 : u32
  %e7 = or %e6, %ty : u32
  %e8 = shl %e7, %c4 : u32
  %e9 = or %e8, %tz : u32
  %p = ptradd %out, %g : ptr<global, u32>
  store %e9, %p
  return
}`);
    const grid = [2, 3, 2] as const, block = [4, 2, 3] as const;
    const total = 2 * 3 * 2 * 4 * 2 * 3;
    const mem = new Memory();
    const out = mem.alloc(total * 4, 'out', 4);
    const res = interpret(m, 'idx', { grid, block, args: [out], memory: mem });
    expect(res.faults).toEqual([]);
    const got = mem.readU32(out);
    let k = 0;
    for (let bz = 0; bz < 2; bz++) for (let by = 0; by < 3; by++) for (let bx = 0; bx < 2; bx++)
      for (let tz = 0; tz < 3; tz++) for (let ty = 0; ty < 2; ty++) for (let tx = 0; tx < 4; tx++)
        expect(got[k++]).toBe((((((bx << 4 | by) << 4 | bz) << 4 | tx) << 4 | ty) << 4 | tz) >>> 0);
  });

  it('early return before a barrier: threads that exited do not count', () => {
    const m = kir(`
global shared @s : [64 x i32]
kernel @early(%out: ptr<global, i32>, %n: u32) {
  %tid = thread_id x : u32
  %out_of_range = cmp ge %tid, %n : i1
  if %out_of_range {
    return
  } else {
    yield
  }
  %t = bitcast %tid : i32
  %base = addressof @s : ptr<shared, [64 x i32]>
  %p = elemptr %base, %t : ptr<shared, i32>
  %v = mul %t, %t : i32
  store %v, %p
  barrier loc("early.cu":7:3)
  %one = const 1 : u32
  %t1 = add %tid, %one : u32
  %r = rem %t1, %n : u32
  %ri = bitcast %r : i32
  %q = elemptr %base, %ri : ptr<shared, i32>
  %w = load %q : i32
  %o = ptradd %out, %t : ptr<global, i32>
  store %w, %o
  return
}`);
    const mem = new Memory();
    const out = mem.alloc(64 * 4, 'out', 4);
    const r = interpret(m, 'early', { grid: 1, block: 64, args: [out, 40], memory: mem });
    expect(r.faults).toEqual([]);
    const got = mem.readI32(out);
    for (let i = 0; i < 40; i++) expect(got[i]).toBe(((i + 1) % 40) ** 2);
    expect(got[40]).toBe(0);
  });

  it('device functions, loops with break/continue, 64-bit arithmetic', () => {
    const m = kir(`
func @collatz(%x0: u64) -> i32 {
  %one = const 1 : u64
  %two = const 2 : u64
  %three = const 3 : u64
  %z = const 0 : i32
  %i1 = const 1 : i32
  %steps, %last = loop %x0, %z : i32, u64 (%x: u64, %n: i32) {
    %done = cmp eq %x, %one : i1
    if %done {
      break %n, %x
    } else {
      yield
    }
    %r = rem %x, %two : u64
    %even = cmp eq %r, %z64 : i1
    %n1 = add %n, %i1 : i32
    if %even {
      %h = div %x, %two : u64
      continue %h, %n1
    } else {
      yield
    }
    %t = mul %x, %three : u64
    %t1 = add %t, %one : u64
    continue %t1, %n1
  }
  return %steps
}
kernel @k(%out: ptr<global, i32>, %big: ptr<global, i64>) {
  %s = const 27 : u64
  %n = call @collatz %s : i32
  store %n, %out
  %a = const 9223372036854775807 : i64
  %b = const 1 : i64
  %c = add %a, %b : i64
  store %c, %big
  %m3 = const -3 : i64
  %q = div %c, %m3 : i64
  %p1 = const 1 : i32
  %bp = ptradd %big, %p1 : ptr<global, i64>
  store %q, %bp
  %x = const 123456789012345 : i64
  %y = mul %x, %x : i64
  %p2 = const 2 : i32
  %bq = ptradd %big, %p2 : ptr<global, i64>
  store %y, %bq
  return
}`.replace('%z = const 0 : i32', '%z = const 0 : i32\n  %z64 = const 0 : u64'));
    const mem = new Memory();
    const out = mem.alloc(4, 'out', 4);
    const big = mem.alloc(24, 'big', 8);
    const r = interpret(m, 'k', { grid: 1, block: 1, args: [out, big], memory: mem });
    expect(r.faults).toEqual([]);
    expect(mem.readI32(out)[0]).toBe(111);
    const b = mem.readI64(big);
    expect(b[0]).toBe(-(2n ** 63n));
    expect(b[1]).toBe(-(2n ** 63n) / -3n);
    expect(b[2]).toBe(BigInt.asIntN(64, 123456789012345n * 123456789012345n));
  });

  it('printf in CUDA order (by warp, then call, then lane) with C formats', () => {
    const m = kir(`
kernel @p(%x: f32) {
  %t = thread_id x : u32
  printf "a %u %.2f|%5d|%-3x|%e|%g\\n" %t, %x, %t, %t, %x, %x
  barrier
  printf "b %u\\n" %t
  return
}`);
    const r = run(m, 'p', { grid: 1, block: 3, args: [1.5] });
    expect(r.printf).toBe(
      'a 0 1.50|    0|0  |1.500000e+00|1.5\na 1 1.50|    1|1  |1.500000e+00|1.5\na 2 1.50|    2|2  |1.500000e+00|1.5\nb 0\nb 1\nb 2\n',
    );
  });

  it('the builder API builds runnable kernels', () => {
    const m = new Module();
    buildFunc(m, 'kernel', 'fill', [{ name: 'out', type: ptr('global', i32) }, { name: 'n', type: i32 }], voidT, (b, [out, n]) => {
      const i = b.convert(b.threadId('x'), i32);
      const [total] = b.for(b.i32(0), n!, b.i32(1), [b.i32(0)], (lb, k, [acc]) => [lb.add(acc!, lb.mul(k, i))], {}, 'k');
      b.store(total!, b.ptradd(out!, i));
    });
    const mem = new Memory();
    const out = mem.alloc(32, 'out', 4);
    const r = interpret(m, 'fill', { grid: 1, block: 8, args: [out, 10], memory: mem });
    expect(r.faults).toEqual([]);
    expect(Array.from(mem.readI32(out))).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map((i) => 45 * i));
    void f32; void u32; void u64; void i64;
  });
});
